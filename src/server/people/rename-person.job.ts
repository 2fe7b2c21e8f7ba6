import { z } from 'zod';
import { eventJob } from '../events/event-jobs.js';
import { defineJob } from '../jobs/job-definition.js';
import { findAccountsByIds, renamePerson } from './people.repo.js';

/**
 * Copies a user's current name next to every reference to them (people.repo.ts, renamePerson).
 * It reads the name when it runs, not from the payload: a retry, or two renames in quick
 * succession, always end with the latest name.
 */
export const renamePersonJob = defineJob({
  kind: 'people.rename',
  payload: z.object({ userId: z.number().int().positive() }),
  maxAttempts: 5,
  async run({ ctx, payload }) {
    const [account] = await findAccountsByIds(ctx.db, [payload.userId]);
    if (account) await renamePerson(ctx.db, account.id, account.name, ctx.now().toISOString());
  },
});

/** A user's name changed: every incident, review, action item and timeline entry naming them follows. */
export const renamePersonAfterUserRenamed = eventJob({
  on: ['user.changed'],
  when: (event) => event.type === 'user.changed' && event.fields.includes('name'),
  job: renamePersonJob,
  payload: (event) => ({ userId: event.type === 'user.changed' ? event.userId : 0 }),
  key: (event, eventId) => `people.rename:${event.type === 'user.changed' ? event.userId : 0}:${eventId}`,
});
