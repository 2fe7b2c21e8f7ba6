import { AppError } from '../../shared/errors.js';
import type { PartKey } from '../../shared/reviews/review-part.js';
import { isQuestionKey } from '../../shared/reviews/review-questions.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import type { CommentAnchor } from '../../shared/review-comments/review-comment.schema.js';
import { getActionItem } from '../actions/action-items.service.js';
import type { AppContext } from '../context.js';
import { getFactor } from '../factors/factors.service.js';
import { invalidField } from '../http/version-conflict.js';
import { getEntry } from '../timeline/timeline.service.js';
import { getWhys } from '../whys/whys.service.js';

const field = 'anchor.itemId';

/** The review a record of each part belongs to, read through its feature's service (visibility included). */
const recordOwners: Partial<Record<PartKey, (ctx: AppContext, id: number, review: Review) => Promise<boolean>>> = {
  timeline: async (ctx, id, review) => {
    const entry = await getEntry(ctx, id);
    return entry.incidentId === review.incidentId && !entry.deleted;
  },
  factors: async (ctx, id, review) => (await getFactor(ctx, id)).reviewId === review.id,
  whys: async (ctx, id, review) => (await getWhys(ctx, id)).reviewId === review.id,
  actionItems: async (ctx, id, review) => (await getActionItem(ctx, id)).reviewId === review.id,
};

/**
 * Checks that a new thread's anchor names something of this review: a text part as a whole, a
 * key question by its key, or a record (timeline entry, factor, five-whys chain, action item) by
 * its id. Anything else is a 400 naming `anchor.itemId`.
 */
export async function checkAnchor(ctx: AppContext, review: Review, anchor: CommentAnchor): Promise<void> {
  const { part, itemId } = anchor;
  if (itemId === null) return;
  if (part === 'questions') {
    if (!isQuestionKey(itemId)) throw invalidField(field, `no key question "${itemId}"`);
    return;
  }
  const owns = recordOwners[part];
  if (!owns) throw invalidField(field, `the ${part} part has no items: leave itemId null`);
  const id = /^\d{1,10}$/.test(itemId) ? Number(itemId) : NaN;
  const belongs = Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 && (await owns(ctx, id, review).catch((error: unknown) => (error instanceof AppError && error.code === 'not_found' ? false : Promise.reject(error))));
  if (!belongs) throw invalidField(field, `no ${part} item ${itemId} in review ${review.id}`);
}
