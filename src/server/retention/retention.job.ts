import { z } from 'zod';
import { pruneAlertDeliveries } from '../alerts/alert-deliveries.service.js';
import type { AppContext, Executor } from '../context.js';
import { deleteInBatches } from '../db/batched-delete.js';
import { updatePlannerStatistics } from '../db/planner-statistics.js';
import { defineJob } from '../jobs/job-definition.js';
import { pruneDeliveries } from '../notifications/notify.js';
import { pruneTrackerDeliveries } from '../trackers/tracker-issues.service.js';
import { pruneTrendSnapshots } from '../trends/trend-snapshots.js';

const DAY_MS = 86_400_000;

/** One kind of bookkeeping row: deletes up to `limit` rows older than the cutoff, answers how many. */
interface Retention {
  table: string;
  days: (ctx: AppContext) => number;
  prune: (db: Executor, cutoffMs: number, limit: number) => Promise<number>;
}

/**
 * What is kept, and why no shorter (each minimum is enforced in config.ts):
 * - notification deliveries: a delivery's key is what keeps a message from going twice. Event
 *   messages are decided again only by a retried job (hours); reminders are decided again by every
 *   sweep for 7 days after their deadline (notifications/reminders.job.ts), so at least 8 days.
 *   Queued and digest deliveries are never deleted: they are still to go.
 * - alert deliveries: a delivery id refuses a replay (409) while its row exists. Standard Webhooks
 *   senders sign a timestamp refused after five minutes; the others have only the id, and retry for
 *   hours: at least 2 days.
 * - tracker webhook delivery ids: the same, for GitHub, GitLab and Jira redeliveries (an older
 *   change replayed under a new id is refused as stale by the last event time anyway).
 * - trend snapshots: a day's figures are keyed by that day (trends/trend-snapshots.ts), so one not
 *   stored again for a day is not served again: 1 day, not configurable.
 * Finished jobs, events and Idempotency-Keys have their own prune jobs (jobs/, events/, idempotency/),
 * events and keys batched the same way (db/batched-delete.ts).
 */
export const retentions: Retention[] = [
  { table: 'notification_deliveries', days: (ctx) => ctx.config.retention.notificationDeliveryDays, prune: pruneDeliveries },
  { table: 'alert_deliveries', days: (ctx) => ctx.config.retention.alertDeliveryDays, prune: pruneAlertDeliveries },
  { table: 'trend_snapshots', days: () => 1, prune: pruneTrendSnapshots },
  { table: 'tracker_deliveries', days: (ctx) => ctx.config.retention.trackerDeliveryDays, prune: (db, cutoffMs, limit) => pruneTrackerDeliveries(db, new Date(cutoffMs).toISOString(), limit) },
];

/** Deletes bookkeeping rows past their retention, a batch per transaction; answers how many went, by table. */
export async function pruneBookkeeping(ctx: AppContext, signal: AbortSignal): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const retention of retentions) {
    const cutoffMs = ctx.now().getTime() - retention.days(ctx) * DAY_MS;
    deleted[retention.table] = await deleteInBatches(ctx.db, ctx.config.retention.batchSize, signal, (trx, limit) => retention.prune(trx, cutoffMs, limit));
  }
  return deleted;
}

export const retentionJob = defineJob({
  kind: 'retention.prune',
  payload: z.object({}).strict(),
  timeoutMs: 10 * 60_000,
  async run({ ctx, signal }) {
    await pruneBookkeeping(ctx, signal);
    await updatePlannerStatistics(ctx.db, ctx.dialect, 'queried');
  },
});
