import { z } from 'zod';
import { deleteInBatches } from '../db/batched-delete.js';
import { defineJob } from '../jobs/job-definition.js';
import { pruneKeys } from './idempotency.repo.js';

const DAY_MS = 86_400_000;

/** Forgets Idempotency-Keys after a day: retries come within minutes. */
export const pruneIdempotencyKeysJob = defineJob({
  kind: 'idempotency.prune',
  payload: z.object({}).strict(),
  timeoutMs: 10 * 60_000,
  async run({ ctx, signal }) {
    const beforeMs = ctx.now().getTime() - DAY_MS;
    await deleteInBatches(ctx.db, ctx.config.retention.batchSize, signal, (trx, limit) => pruneKeys(trx, beforeMs, limit));
  },
});
