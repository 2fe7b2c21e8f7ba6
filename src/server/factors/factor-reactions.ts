import type { Review } from '../../shared/reviews/review.schema.js';
import type { AppContext, Executor } from '../context.js';

/**
 * What other features do, in the same transaction, when a factor is deleted: the action items and
 * five-whys chains that named it drop it, each as a change of its own (new version, audit entry,
 * event), so nothing changes silently. Wired in server/wiring.ts.
 */
export type FactorDeletedReaction = (ctx: AppContext, trx: Executor, deleted: { factorId: number; review: Review }) => Promise<void>;
