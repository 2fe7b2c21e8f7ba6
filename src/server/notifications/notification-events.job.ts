import { z } from 'zod';
import type { DomainEvent } from '../../shared/events/domain-events.js';
import { AppError } from '../../shared/errors.js';
import { eventJob } from '../events/event-jobs.js';
import { defineJob } from '../jobs/job-definition.js';
import { messagesOfEvent, mayNotify, notifyingEvents } from './event-messages.js';
import { notify } from './notify.js';
import * as repo from './notifications.repo.js';

/**
 * Decides who hears of a committed event and records their deliveries (notify.ts). Safe to repeat:
 * each delivery's key comes from the event, so a retry finds the ones it made and adds none.
 */
export const notifyEventJob = defineJob({
  kind: 'notifications.event',
  payload: z.object({ eventId: z.number().int().positive() }),
  maxAttempts: 6,
  async run({ ctx, payload }) {
    const row = await repo.findEventRow(ctx.db, payload.eventId);
    if (!row) return; // pruned: too old to tell anyone
    const event = JSON.parse(row.data) as DomainEvent;
    let decided;
    try {
      decided = await messagesOfEvent(ctx, row.id, event, { userId: row.actor_user_id, name: row.actor_name });
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return; // deleted since: nothing to tell
      throw error;
    }
    for (const { message, audience } of decided) await notify(ctx, message, audience);
  },
});

export const notifyAfterEvents = eventJob({
  on: notifyingEvents,
  when: mayNotify,
  job: notifyEventJob,
  payload: (_event, eventId) => ({ eventId }),
  key: (_event, eventId) => `notifications.event:${eventId}`,
});
