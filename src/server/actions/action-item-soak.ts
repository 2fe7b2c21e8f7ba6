import type { ActionItem, ActionItemAccept, ActionItemDecline } from '../../shared/actions/action-item.schema.js';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/group-commit.js';
import { recordChange } from '../events/record-change.js';
import { editPartRecord } from '../reviews/review-edits.js';
import * as repo from './action-items.repo.js';
import { getActionItem, itemChange, itemRecords } from './action-items.service.js';

/**
 * Soak time and second-order effects (F12, docs/review-process.md): an item proposed during a
 * review soaks for HINDSIGHT_SOAK_WORKING_DAYS working days; the sweep then asks its owner to decide
 * (the actionItem.soakEnded event); accepting records what the change could make worse, declining
 * a reason.
 */

/** A decision is for an item whose soak is over (proposed): 409 while it soaks or once decided. */
function checkAwaitingDecision(item: ActionItem): void {
  if (item.status === 'soaking') throw new AppError('conflict', `Action item ${item.id} soaks until the end of ${item.soakUntil}: decide once its soak time is over`);
  if (item.status !== 'proposed') throw new AppError('conflict', `Action item ${item.id} is ${item.status}, not awaiting a decision`);
}

/**
 * The decision is the item's progress, not an edit of the review's content: it may be made after
 * the review is published (like status and owner, action-items.service.ts).
 */
async function decide(ctx: AppContext, id: number, version: number | undefined, values: { status: 'accepted' | 'declined'; second_order_effects?: string; decline_reason?: string }): Promise<ActionItem> {
  const item = await getActionItem(ctx, id);
  const review = { id: item.reviewId, incidentId: item.incidentId };
  const nowIso = ctx.now().toISOString();
  const decided = await editPartRecord(
    ctx,
    itemRecords(ctx),
    id,
    version ?? item.version,
    async (trx, current) => {
      checkAwaitingDecision(current);
      return repo.updateItem(trx, id, current.version, { ...values, decided_at: nowIso, updated_at: nowIso });
    },
    (current, after) => itemChange(review, current, after),
    { allowPublished: () => true },
  );
  return decided!;
}

export const acceptActionItem = (ctx: AppContext, id: number, input: ActionItemAccept): Promise<ActionItem> =>
  decide(ctx, id, input.version, { status: 'accepted', second_order_effects: input.secondOrderEffects });

export const declineActionItem = (ctx: AppContext, id: number, input: ActionItemDecline): Promise<ActionItem> =>
  decide(ctx, id, input.version, { status: 'declined', decline_reason: input.reason });

const sweepBatch = 200;

/**
 * The sweep (action-item-soak.job.ts): ends every soak that is over, each in its own transaction
 * with its audit entry and its actionItem.soakEnded event, exactly once per item however many
 * sweeps run at the same time (the guarded update in repo.endSoak). Answers how many it ended.
 */
export async function endDueSoaks(ctx: AppContext): Promise<number> {
  const nowIso = ctx.now().toISOString();
  let ended = 0;
  for (;;) {
    const ids = await repo.listSoakEnded(ctx.db, nowIso, sweepBatch);
    for (const id of ids) if (await endOneSoak(ctx, id, nowIso)) ended += 1;
    if (ids.length < sweepBatch) return ended;
  }
}

async function endOneSoak(ctx: AppContext, id: number, nowIso: string): Promise<boolean> {
  return writeTransaction(ctx.db, async (trx) => {
    const before = await itemRecords(ctx).read(trx, id);
    if (!before || !(await repo.endSoak(trx, id, nowIso))) return false;
    const after = (await itemRecords(ctx).read(trx, id))!;
    const event = { type: 'actionItem.soakEnded', incidentId: after.incidentId, reviewId: after.reviewId, actionItemId: id, ownerUserId: after.owner?.userId ?? null } as const;
    await recordChange(ctx, trx, event, { action: 'action_item.soak_end', entityType: 'action_item', entityId: id, before, after });
    return true;
  });
}
