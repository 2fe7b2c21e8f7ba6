import { z } from 'zod';
import { deleteInBatches } from '../db/batched-delete.js';
import { defineJob } from '../jobs/job-definition.js';
import { pruneEvents } from './events.repo.js';

const DAY_MS = 86_400_000;

/** Deletes events older than HINDSIGHT_EVENT_RETENTION_DAYS: the audit log, not the event log, is the record of changes. */
export const pruneEventsJob = defineJob({
  kind: 'events.prune',
  payload: z.object({}).strict(),
  timeoutMs: 10 * 60_000,
  async run({ ctx, signal }) {
    const beforeIso = new Date(ctx.now().getTime() - ctx.config.eventRetentionDays * DAY_MS).toISOString();
    await deleteInBatches(ctx.db, ctx.config.retention.batchSize, signal, (trx, limit) => pruneEvents(trx, beforeIso, limit));
  },
});
