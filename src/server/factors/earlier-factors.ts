import { notFound } from '../../shared/errors.js';
import type { FactorLinkSuggestion, LinkedFactor } from '../../shared/reviews/factor.schema.js';
import type { AppContext } from '../context.js';
import { invalidField } from '../http/version-conflict.js';
import * as repo from './factor-links.repo.js';

/**
 * What factor links and five-whys links share (F18): the earlier factor a link goes to, the rule it
 * must follow and the suggestions of factors to link. Restricted incidents are filtered in the query.
 */

/** The placed-factor query, for the link tables of other features (whys/why-links.repo.ts) to join onto. */
export { placedFactors, type PlacedFactorRow } from './factor-links.repo.js';

const suggestionLimit = 20;
const titleWordLimit = 5;

/** Where a link starts: its review and when that review's incident started. */
export interface LinkSource {
  review_id: number;
  started_at_ms: number;
}

export const toLinkedFactor = (row: repo.PlacedFactorRow): LinkedFactor => ({
  factorId: row.factor_id,
  incidentId: row.incident_id,
  reviewId: row.review_id,
  title: row.title,
  category: row.category,
});

/** The factor with its incident's start, for the "earlier incident" rule; 404 alike when missing or not visible. */
export async function placedFactor(ctx: AppContext, factorId: number): Promise<repo.PlacedFactorRow> {
  const row = await repo.findPlacedFactor(ctx.db, ctx.actor, factorId);
  if (!row) throw notFound('Factor', factorId);
  return row;
}

/** A link goes to a factor of an earlier incident, never one of the same review or a later one. */
export async function checkEarlierFactor(ctx: AppContext, from: LinkSource, toFactorId: number): Promise<void> {
  const to = await placedFactor(ctx, toFactorId);
  if (to.review_id === from.review_id) throw invalidField('toFactorId', "is a factor of this review; link to an earlier incident's factor");
  if (to.started_at_ms >= from.started_at_ms) throw invalidField('toFactorId', 'is a factor of an incident that did not start before this one');
}

/** Words of a title worth matching: lower-cased, four letters or more, the longest first. */
export const titleWords = (title: string): string[] =>
  [...new Set(title.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? [])].sort((a, b) => b.length - a.length).slice(0, titleWordLimit);

export interface LikeFactor {
  category: string | null;
  tags: string[];
  text: string;
  /** Factors already linked: not suggested again. */
  linkedIds: number[];
}

/** Earlier incidents' factors like this (same category, a shared tag or a word of `text`), not yet linked. */
export async function suggestEarlierFactors(ctx: AppContext, from: LinkSource, like: LikeFactor): Promise<FactorLinkSuggestion[]> {
  const words = titleWords(like.text);
  if (like.category === null && like.tags.length === 0 && words.length === 0) return [];
  const rows = await repo.listSuggestions(ctx.db, ctx.actor, {
    startedBeforeMs: from.started_at_ms,
    category: like.category,
    tags: like.tags,
    titleWords: words,
    excludeFactorIds: like.linkedIds,
    limit: suggestionLimit,
  });
  return rows.map((row) => ({
    ...toLinkedFactor(row),
    reason: like.category !== null && row.category === like.category ? 'category' : (JSON.parse(row.tags) as string[]).some((tag) => like.tags.includes(tag)) ? 'tag' : 'title',
  }));
}
