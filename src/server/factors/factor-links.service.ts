import type { Factor, FactorLinkSuggestion } from '../../shared/reviews/factor.schema.js';
import type { AppContext } from '../context.js';
import { editReview } from '../reviews/review-edits.js';
import { checkEarlierFactor, placedFactor, suggestEarlierFactors } from './earlier-factors.js';
import * as repo from './factor-links.repo.js';
import { getFactor } from './factors.service.js';

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
  await checkEarlierFactor(ctx, await placedFactor(ctx, factorId), toFactorId);
  await changeLink(ctx, factorId, toFactorId, true);
  return getFactor(ctx, factorId);
}

/** Unlinking a link that does not exist (or linking one twice) changes nothing and records nothing. */
export async function unlinkFactor(ctx: AppContext, factorId: number, toFactorId: number): Promise<void> {
  await changeLink(ctx, factorId, toFactorId, false);
}

/** Earlier incidents' factors like this one (same category, a shared tag or a title word), not yet linked. */
export async function linkSuggestions(ctx: AppContext, factorId: number): Promise<FactorLinkSuggestion[]> {
  const factor = await getFactor(ctx, factorId);
  const from = await placedFactor(ctx, factorId);
  const linkedIds = await repo.listLinkedIds(ctx.db, factorId);
  return suggestEarlierFactors(ctx, from, { category: factor.category, tags: factor.tags, text: factor.title, linkedIds });
}
