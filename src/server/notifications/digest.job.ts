import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { defineJob } from '../jobs/job-definition.js';
import { enqueueJob } from '../jobs/jobs.service.js';
import { sendMail } from './channels.js';
import { digestOf, type Message } from './message.js';
import * as repo from './notifications.repo.js';

/**
 * The daily digest: the e-mails a user chose to get once a day, in one mail at their hour in their
 * zone. One job per user and local date (its key), the send a `once` step, the deliveries marked sent.
 */
export const digestJob = defineJob({
  kind: 'notifications.digest',
  payload: z.object({ userId: z.number().int().positive(), date: z.iso.date() }),
  maxAttempts: 8,
  async run(job) {
    const { ctx, payload } = job;
    const rows = await repo.listDigestDeliveries(ctx.db, payload.userId, ctx.now().getTime());
    if (rows.length === 0) return;
    const sent = await job.once('send', async () => {
      const digest = digestOf(rows.map((row) => JSON.parse(row.message) as Message), payload.date);
      const host = new URL(ctx.config.publicUrl).hostname;
      const detail = await sendMail(ctx.config.notifications, { to: rows[0]!.target, ...digest, messageId: `<digest.${payload.userId}.${payload.date}@${host}>` });
      return { ids: rows.map((row) => row.id), detail };
    });
    await repo.markDeliveries(ctx.db, sent.ids, 'sent', ctx.now().toISOString(), `digest ${payload.date}: ${sent.detail}`);
  },
});

/** Every hour: enqueues the digest of each user whose digest hour it now is in their zone. */
export async function enqueueDueDigests(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  let enqueued = 0;
  for (const user of await repo.listDigestUsers(ctx.db)) {
    const local = DateTime.fromJSDate(now).setZone(user.time_zone);
    if (!local.isValid || local.hour !== user.digest_hour) continue;
    const date = local.toISODate()!;
    await enqueueJob(ctx.db, digestJob, { userId: user.user_id, date }, { idempotencyKey: `notifications.digest:${user.user_id}:${date}`, now });
    enqueued++;
  }
  return enqueued;
}

export const digestSweepJob = defineJob({
  kind: 'notifications.digests',
  payload: z.object({}).strict(),
  async run({ ctx }) {
    await enqueueDueDigests(ctx);
  },
});
