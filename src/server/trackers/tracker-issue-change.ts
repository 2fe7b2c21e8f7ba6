import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { TrackerIssue } from '../../shared/trackers/tracker.schema.js';
import type { Actor } from '../access/actor.js';
import type { AppContext, Executor } from '../context.js';
import { recordChange } from '../events/record-change.js';
import { toTrackerIssue } from './tracker.mapper.js';
import * as repo from './trackers.repo.js';

/** Records a change of an item's tracker issue as a change of the item: editors and lists refetch it. */
export async function recordIssueChange(ctx: AppContext, trx: Executor, item: ActionItem, before: TrackerIssue | null, actor: Actor | null = ctx.actor): Promise<void> {
  const row = await repo.findIssue(trx, item.id);
  const after = row ? toTrackerIssue(row) : null;
  await recordChange(
    ctx,
    trx,
    { type: 'action_item.changed', incidentId: item.incidentId, reviewId: item.reviewId, actionItemId: item.id, fields: ['trackerIssue'] },
    { action: 'action_item.tracker_issue', entityType: 'action_item', entityId: item.id, before, after },
    actor,
  );
}
