import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.js';
import { mailOf, postToSlack, sendMail, sendWebhook } from './channels.js';
import type { Message } from './message.js';
import * as repo from './notifications.repo.js';

/**
 * Sends one delivery (a message to one recipient on one channel), after the change that caused it
 * has committed. Never twice: the delivery's row is unique by its key, the send is a `once` step
 * (a retry after it never repeats it) and the row is marked sent; a delivery already sent or
 * skipped is left alone. Only a crash between the peer's answer and the step's record repeats a
 * send, and then with the same Message-ID or webhook-id, which receivers use to drop repeats.
 */
export const deliverNotificationJob = defineJob({
  kind: 'notifications.deliver',
  payload: z.object({ deliveryId: z.number().int().positive() }),
  maxAttempts: 8,
  backoff: { baseMs: 2_000, maxMs: 30 * 60_000 },
  timeoutMs: 30_000,
  async run(job) {
    const { ctx, payload, signal } = job;
    const row = await repo.findDelivery(ctx.db, payload.deliveryId);
    if (!row || row.state !== 'queued') return;
    const message = JSON.parse(row.message) as Message;
    const config = ctx.config.notifications;
    const detail = await job.once('send', async () => {
      if (row.channel === 'email') return sendMail(config, mailOf(message, row.target, row.delivery_key, new URL(ctx.config.publicUrl).hostname));
      if (row.channel === 'slack') return postToSlack(config, row.target, message, signal);
      const endpoint = await repo.findEndpoint(ctx.db, Number(row.target));
      if (!endpoint || !endpoint.enabled) return 'skipped: the endpoint was removed or disabled';
      return sendWebhook(endpoint.url, endpoint.secret, row.delivery_key, message, ctx.now(), signal);
    });
    await repo.markDeliveries(ctx.db, [row.id], detail.startsWith('skipped') ? 'skipped' : 'sent', ctx.now().toISOString(), detail);
  },
});
