import { DateTime } from 'luxon';
import { z } from 'zod';
import { addWorkingDays } from '../../shared/policy/working-days.js';
import type { AppContext } from '../context.js';
import { defineJob } from '../jobs/job-definition.js';
import type { Message } from './message.js';
import { notify } from './notify.js';
import * as repo from './notifications.repo.js';

/**
 * Reminders and escalation (F3), a periodic sweep. Each reminder's key names its deadline
 * (`review.overdue:<review>:<due ms>`), and deliveries are unique by key (notify.ts): a reminder
 * goes once per deadline however often the sweep runs and on however many instances; a deadline
 * that moves is a new deadline, reminded again. A reminder is decided only within
 * REMINDER_WINDOW_DAYS of its moment (the deadline, or the escalation), so deliveries older than
 * that may be deleted (retention/retention.job.ts) without a reminder going twice.
 */
export const REMINDER_WINDOW_DAYS = 7;
const WINDOW_MS = REMINDER_WINDOW_DAYS * 86_400_000;

export async function sweepReminders(ctx: AppContext): Promise<number> {
  const config = ctx.config.notifications;
  const calendar = ctx.config.calendar;
  const now = ctx.now();
  const nowIso = now.toISOString();
  const url = ctx.config.publicUrl;
  const localNow = DateTime.fromJSDate(now).setZone(calendar.timeZone);
  const today = localNow.toISODate()!;
  const windowStart = localNow.minus({ days: REMINDER_WINDOW_DAYS }).toISODate()!;
  const horizonMs = Date.parse(addWorkingDays(nowIso, config.dueSoonWorkingDays, calendar));
  let made = 0;
  const send = async (message: Message, audience: Parameters<typeof notify>[2]) => {
    made += await notify(ctx, message, audience);
  };

  for (const review of await repo.listOpenReviewDeadlines(ctx.db, horizonMs)) {
    const dueMs = review.due_at_ms!;
    const due = review.due_at!.slice(0, 10);
    const ids = { incidentId: review.incident_id, reviewId: review.id, actionItemId: null, link: `${url}/reviews/${review.id}` };
    const owner = review.owner_user_id === null ? [] : [review.owner_user_id];
    if (dueMs >= now.getTime()) {
      if (owner.length) {
        await send(
          { ...ids, kind: 'review.due_soon', key: `review.due_soon:${review.id}:${dueMs}`, subject: `Review due ${due}: ${review.title}`, text: `The review of incident #${review.incident_id} "${review.title}", which you own, is due ${due}.` },
          { userIds: owner, webhooks: false },
        );
      }
      continue;
    }
    if (owner.length && now.getTime() - dueMs <= WINDOW_MS) {
      await send(
        { ...ids, kind: 'review.overdue', key: `review.overdue:${review.id}:${dueMs}`, subject: `Review overdue: ${review.title}`, text: `The review of incident #${review.incident_id} "${review.title}", which you own, was due ${due}.` },
        { userIds: owner, webhooks: false },
      );
    }
    const escalateAfterMs = Date.parse(addWorkingDays(review.due_at!, config.escalation.workingDays, calendar));
    if (now.getTime() > escalateAfterMs && now.getTime() - escalateAfterMs <= WINDOW_MS) {
      await send(
        {
          ...ids,
          kind: 'review.escalated',
          key: `review.escalated:${review.id}:${dueMs}`,
          subject: `Escalation: review still overdue: ${review.title}`,
          text: `The review of incident #${review.incident_id} "${review.title}" was due ${due} and is still not published, ${config.escalation.workingDays} working days later.`,
        },
        { userIds: [], emails: config.escalation.emails, slackChannel: config.escalation.slackChannel },
      );
    }
  }

  for (const item of await repo.listOpenActionItemDeadlines(ctx.db, today)) {
    if (item.due_date! < windowStart) continue;
    const overdue = item.due_date! < today;
    const kind = overdue ? 'action_item.overdue' : 'action_item.due';
    await send(
      {
        kind,
        key: `${kind}:${item.id}:${item.due_date}`,
        subject: overdue ? `Action item overdue: ${item.title}` : `Action item due today: ${item.title}`,
        text: overdue ? `"${item.title}", which you own, was due ${item.due_date}.` : `"${item.title}", which you own, is due today (${item.due_date}).`,
        link: `${url}/reviews/${item.review_id}#action-items`,
        incidentId: item.incident_id,
        reviewId: item.review_id,
        actionItemId: item.id,
      },
      { userIds: [item.owner_user_id!], webhooks: false },
    );
  }
  return made;
}

export const remindersJob = defineJob({
  kind: 'notifications.reminders',
  payload: z.object({}).strict(),
  timeoutMs: 10 * 60_000,
  async run({ ctx }) {
    await sweepReminders(ctx);
  },
});
