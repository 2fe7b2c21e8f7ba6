import { notFound } from '../../shared/errors.js';
import type { FactorLinkSuggestion } from '../../shared/reviews/factor.schema.js';
import type { Whys } from '../../shared/reviews/whys.schema.js';
import type { AppContext } from '../context.js';
import { checkEarlierFactor, suggestEarlierFactors, type LinkSource } from '../factors/earlier-factors.js';
import { editReview } from '../reviews/review-edits.js';
import * as repo from './why-links.repo.js';
import { getWhys } from './whys.service.js';

/**
 * A five-whys chain's conclusion linked to an earlier incident's factor (F18): the systemic cause
 * recurs. Shaped like factor links (factors/factor-links.service.ts), sharing their rules.
 */

async function placedWhys(ctx: AppContext, whysId: number): Promise<LinkSource> {
  const row = await repo.findPlacedWhys(ctx.db, whysId);
  if (!row) throw notFound('Five-whys chain', whysId);
  return row;
}

async function changeLink(ctx: AppContext, chain: Whys, toFactorId: number, linked: boolean): Promise<void> {
  const link = { toFactorId };
  await editReview(ctx, chain.reviewId, async (trx, review) => {
    const changed = linked
      ? await repo.insertLink(trx, { whys_id: chain.id, to_factor_id: toFactorId, created_by_user_id: ctx.actor?.userId ?? null, created_at: ctx.now().toISOString() })
      : await repo.deleteLink(trx, chain.id, toFactorId);
    if (!changed) return { result: undefined, change: null };
    return {
      result: undefined,
      change: {
        event: { type: 'whys.changed', incidentId: review.incidentId, reviewId: review.id, whysId: chain.id, change: 'updated' },
        audit: { action: linked ? 'whys.link' : 'whys.unlink', entityType: 'whys', entityId: chain.id, before: linked ? null : link, after: linked ? link : null },
      },
    };
  });
}

export async function linkWhys(ctx: AppContext, whysId: number, toFactorId: number): Promise<Whys> {
  const chain = await getWhys(ctx, whysId);
  await checkEarlierFactor(ctx, await placedWhys(ctx, whysId), toFactorId);
  await changeLink(ctx, chain, toFactorId, true);
  return getWhys(ctx, whysId);
}

/** Unlinking a link that does not exist (or linking one twice) changes nothing and records nothing. */
export async function unlinkWhys(ctx: AppContext, whysId: number, toFactorId: number): Promise<void> {
  await changeLink(ctx, await getWhys(ctx, whysId), toFactorId, false);
}

const mostCommon = (values: string[]): string | null => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
};

/**
 * Earlier incidents' factors like this chain's conclusion: words of its systemic cause (or symptom
 * while there is none), and the category and tags of the review's factors the chain relates to.
 */
export async function linkSuggestions(ctx: AppContext, whysId: number): Promise<FactorLinkSuggestion[]> {
  const chain = await getWhys(ctx, whysId);
  const [from, linkedIds, own] = await Promise.all([placedWhys(ctx, whysId), repo.listLinkedIds(ctx.db, whysId), repo.listOwnFactorTerms(ctx.db, whysId)]);
  return suggestEarlierFactors(ctx, from, {
    category: mostCommon(own.flatMap((factor) => (factor.category ? [factor.category] : []))),
    tags: [...new Set(own.flatMap((factor) => JSON.parse(factor.tags) as string[]))],
    text: chain.systemicCause ?? chain.title,
    linkedIds,
  });
}
