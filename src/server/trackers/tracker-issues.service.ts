import { closedActionItemStatuses, type ActionItemStatus } from '../../shared/actions/action-item.schema.js';
import { AppError } from '../../shared/errors.js';
import { trackerKindLabels, type ReviewTrackerIssues, type TrackerIssue, type TrackerKind } from '../../shared/trackers/tracker.schema.js';
import type { Actor } from '../access/actor.js';
import { getActionItem, updateActionItem } from '../actions/action-items.service.js';
import type { AppContext, Executor } from '../context.js';
import { writeTransaction } from '../db/group-commit.js';
import { recordIssueChange } from './tracker-issue-change.js';
import { getIncident } from '../incidents/incidents.service.js';
import { enqueueJob } from '../jobs/jobs.service.js';
import { getReview } from '../reviews/reviews.service.js';
import { toTrackerIssue } from './tracker.mapper.js';
import { createTrackerIssueJob } from './tracker-issue.job.js';
import * as repo from './trackers.repo.js';
import { connectionForServices } from './trackers.service.js';

/** A review's tracker issues, and the tracker its items go to (by its incident's services). */
export async function listReviewTrackerIssues(ctx: AppContext, reviewId: number): Promise<ReviewTrackerIssues> {
  const review = await getReview(ctx, reviewId);
  const incident = await getIncident(ctx, review.incidentId);
  const [connection, rows] = await Promise.all([connectionForServices(ctx.db, incident.services), repo.listIssuesOfReview(ctx.db, review.id)]);
  return {
    tracker: connection ? { id: connection.id, name: connection.name, kind: connection.kind as TrackerKind } : null,
    items: rows.map(toTrackerIssue),
  };
}

/**
 * Asks for an issue to be made from an action item: recorded as "creating" with a job that makes it
 * after commit (never inside this transaction). Asking again while it exists answers it; after a
 * failure it asks again. Returns whether a new job was enqueued.
 */
export async function requestTrackerIssue(ctx: AppContext, actionItemId: number): Promise<{ issue: TrackerIssue; enqueued: boolean }> {
  const item = await getActionItem(ctx, actionItemId);
  const incident = await getIncident(ctx, item.incidentId);
  const connection = await connectionForServices(ctx.db, incident.services);
  if (!connection) throw new AppError('conflict', "No tracker serves this incident's services and none is the default: an admin connects one in Settings → Trackers");
  return writeTransaction(ctx.db, async (trx) => {
    const existing = await repo.findIssue(trx, item.id);
    if (existing && existing.state !== 'failed') return { issue: toTrackerIssue(existing), enqueued: false };
    const nowIso = ctx.now().toISOString();
    const before = existing ? toTrackerIssue(existing) : null;
    if (existing) await repo.updateIssue(trx, item.id, { connection_id: connection.id, state: 'creating', error: null, updated_at: nowIso });
    else await repo.insertIssue(trx, { action_item_id: item.id, connection_id: connection.id, state: 'creating', created_at: nowIso, updated_at: nowIso });
    await recordIssueChange(ctx, trx, item, before);
    await enqueueJob(trx, createTrackerIssueJob, { actionItemId: item.id }, { idempotencyKey: `tracker.create-issue:${item.id}:${ctx.now().getTime()}`, now: ctx.now() });
    return { issue: toTrackerIssue((await repo.findIssue(trx, item.id))!), enqueued: true };
  });
}

const reopenedStatus = (stored: string | null): ActionItemStatus =>
  stored && !closedActionItemStatuses.includes(stored as ActionItemStatus) ? (stored as ActionItemStatus) : 'in_progress';

/** Sets the item's status as the tracker says, retrying once on a concurrent edit. */
async function setItemStatus(ctx: AppContext, itemId: number, status: ActionItemStatus): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const item = await getActionItem(ctx, itemId);
    if (item.status === status) return;
    try {
      await updateActionItem(ctx, itemId, { version: item.version, status });
      return;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'version_conflict') || attempt >= 2) throw error;
    }
  }
}

export type WebhookOutcome = { outcome: 'applied' | 'ignored' | 'duplicate' | 'stale'; detail: string };

/**
 * Applies a verified delivery: the item is marked done when its issue is closed and reopened when
 * the issue is, with the tracker as the change's actor. A delivery seen before, or older than the
 * last one applied to the issue (a replay), changes nothing.
 */
export async function applyIssueStateChange(
  ctx: AppContext,
  connection: repo.TrackerConnectionRow,
  deliveryId: string,
  change: { externalId: string; state: 'open' | 'closed'; atMs: number },
): Promise<WebhookOutcome> {
  if (await repo.hasDelivery(ctx.db, connection.id, deliveryId)) return { outcome: 'duplicate', detail: `delivery ${deliveryId} was applied before` };
  const link = await repo.findIssueByExternalId(ctx.db, connection.id, change.externalId);
  if (!link) return { outcome: 'ignored', detail: `issue ${change.externalId} was not made from an action item` };
  if (change.atMs <= Number(link.last_event_at_ms)) return { outcome: 'stale', detail: 'a later change of this issue was applied already' };
  const actor: Actor = { userId: null, name: `${trackerKindLabels[connection.kind as TrackerKind]} (${connection.name})`, role: 'admin' };
  const asTracker: AppContext = { ...ctx, actor };
  const item = await getActionItem(asTracker, link.action_item_id);
  const nowIso = ctx.now().toISOString();
  // The link first: the status change it causes must not be sent back to the tracker (tracker-issue.job.ts).
  await writeTransaction(ctx.db, async (trx) => {
    const before = toTrackerIssue((await repo.findIssue(trx, item.id))!);
    await repo.updateIssue(trx, item.id, {
      state: change.state,
      updated_at: nowIso,
      ...(change.state === 'closed' && !closedActionItemStatuses.includes(item.status) ? { status_before_close: item.status } : {}),
    });
    if (before.state !== change.state) await recordIssueChange(asTracker, trx, item, before);
  });
  if (change.state === 'closed') await setItemStatus(asTracker, item.id, 'done');
  else if (item.status === 'done') await setItemStatus(asTracker, item.id, reopenedStatus(link.status_before_close));
  await writeTransaction(ctx.db, async (trx) => {
    await repo.insertDelivery(trx, connection.id, deliveryId, nowIso);
    await repo.updateIssue(trx, item.id, { last_event_at_ms: change.atMs });
  });
  return { outcome: 'applied', detail: `action item ${item.id} is ${change.state === 'closed' ? 'done' : 'open again'}` };
}

/** Forgets up to `limit` webhook delivery ids received before `beforeIso`; retention/retention.job.ts. */
export const pruneTrackerDeliveries = (db: Executor, beforeIso: string, limit: number): Promise<number> => repo.deleteDeliveriesBefore(db, beforeIso, limit);
