import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.js';
import { pruneEvents } from './events.repo.js';

const DAY_MS = 86_400_000;

/** Deletes events older than HINDSIGHT_EVENT_RETENTION_DAYS: the audit log, not the event log, is the record of changes. */
export const pruneEventsJob = defineJob({
  kind: 'events.prune',
  payload: z.object({}).strict(),
  timeoutMs: 10 * 60_000,
  async run({ ctx }) {
    await pruneEvents(ctx.db, new Date(ctx.now().getTime() - ctx.config.eventRetentionDays * DAY_MS).toISOString());
  },
});
