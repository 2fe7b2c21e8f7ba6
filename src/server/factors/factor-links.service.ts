import { notFound } from '../../shared/errors.js';
import type { Factor, FactorLinkSuggestion } from '../../shared/reviews/factor.schema.js';
import type { AppContext } from '../context.js';
import { invalidField } from '../http/version-conflict.js';
import { editReview } from '../reviews/review-edits.js';
import * as repo from './factor-links.repo.js';
import { getFactor } from './factors.service.js';

const suggestionLimit = 20;
const titleWordLimit = 5;

/** The factor with its incident's start, for the "earlier incident" rule; 404 alike when missing or not visible. */
async function placed(ctx: AppContext, factorId: number): Promise<repo.PlacedFactorRow> {
  const row = await repo.findPlacedFactor(ctx.db, ctx.actor, factorId);
  if (!row) throw notFound('Factor', factorId);
  return row;
}

/** A link goes to a factor of an earlier incident, never one of the same review or a later one. */
function checkTarget(from: repo.PlacedFactorRow, to: repo.PlacedFactorRow): void {
  if (to.review_id === from.review_id) throw invalidField('toFactorId', "is a factor of this review; link to an earlier incident's factor");
  if (to.started_at_ms >= from.started_at_ms) throw invalidField('toFactorId', 'is a factor of an incident that did not start before this one');
}

async function changeLink(ctx: AppContext, factorId: number, toFactorId: number, linked: boolean): Promise<void> {
  const factor = await getFactor(ctx, factorId);
  const link = { toFactorId };
  await editReview(ctx, factor.reviewId, async (trx, review) => {
    const changed = linked
      ? await repo.insertLink(trx, { from_factor_id: factorId, to_factor_id: toFactorId, created_by_user_id: ctx.actor?.userId ?? null, created_at: ctx.now().toISOString() })
      : await repo.deleteLink(trx, factorId, toFactorId);
    if (!changed) return { result: undefined, change: null };
    return {
      result: undefined,
      change: {
        event: { type: 'factor.changed', incidentId: review.incidentId, reviewId: review.id, factorId, change: 'updated' },
        audit: { action: linked ? 'factor.link' : 'factor.unlink', entityType: 'factor', entityId: factorId, before: linked ? null : link, after: linked ? link : null },
      },
    };
  });
}

export async function linkFactor(ctx: AppContext, factorId: number, toFactorId: number): Promise<Factor> {
  checkTarget(await placed(ctx, factorId), await placed(ctx, toFactorId));
  await changeLink(ctx, factorId, toFactorId, true);
  return getFactor(ctx, factorId);
}

/** Unlinking a link that does not exist (or linking one twice) changes nothing and records nothing. */
export async function unlinkFactor(ctx: AppContext, factorId: number, toFactorId: number): Promise<void> {
  await changeLink(ctx, factorId, toFactorId, false);
}

/** Words of a title worth matching: lower-cased, four letters or more, the longest first. */
export const titleWords = (title: string): string[] =>
  [...new Set(title.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? [])].sort((a, b) => b.length - a.length).slice(0, titleWordLimit);

/** Earlier incidents' factors like this one (same category, a shared tag or a title word), not yet linked. */
export async function linkSuggestions(ctx: AppContext, factorId: number): Promise<FactorLinkSuggestion[]> {
  const factor = await getFactor(ctx, factorId);
  const from = await placed(ctx, factorId);
  const words = titleWords(factor.title);
  if (factor.category === null && factor.tags.length === 0 && words.length === 0) return [];
  const rows = await repo.listSuggestions(ctx.db, ctx.actor, {
    factorId,
    startedBeforeMs: from.started_at_ms,
    category: factor.category,
    tags: factor.tags,
    titleWords: words,
    limit: suggestionLimit,
  });
  return rows.map((row) => ({
    factorId: row.factor_id,
    incidentId: row.incident_id,
    reviewId: row.review_id,
    title: row.title,
    category: row.category,
    reason: factor.category !== null && row.category === factor.category ? 'category' : (JSON.parse(row.tags) as string[]).some((tag) => factor.tags.includes(tag)) ? 'tag' : 'title',
  }));
}
