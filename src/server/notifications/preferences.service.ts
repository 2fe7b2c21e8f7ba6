import type { NotificationPreferencesState, NotificationPreferencesUpdate } from '../../shared/notifications/notification.schema.js';
import { AppError } from '../../shared/errors.js';
import { auditChange } from '../audit/audit.service.js';
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/group-commit.js';
import { versionConflict } from '../http/version-conflict.js';
import { preferencesOf } from './notify.js';
import * as repo from './notifications.repo.js';

const callerId = (ctx: AppContext): number => {
  const id = ctx.actor?.userId;
  if (id == null) throw new AppError('forbidden', 'Notification preferences belong to a user: sign in as one');
  return id;
};

const channelsOf = (ctx: AppContext) => ({ email: ctx.config.notifications.smtp !== null, slack: Boolean(ctx.config.notifications.slack?.token) });

/** The caller's preferences (the defaults, at version 0, until first saved) and which channels are configured. */
export async function getMyPreferences(ctx: AppContext): Promise<NotificationPreferencesState> {
  const userId = callerId(ctx);
  const [row] = await repo.findPreferences(ctx.db, [userId]);
  const preferences = (await preferencesOf(ctx, ctx.db, [userId])).get(userId)!;
  return { ...preferences, version: row?.version ?? 0, channels: channelsOf(ctx) };
}

/**
 * Saves the caller's preferences; `version` is what they read (0 before the first save), a stale one
 * is 409. Audited: who is told what, and where (an admin asks why someone missed an escalation).
 */
export async function saveMyPreferences(ctx: AppContext, update: NotificationPreferencesUpdate): Promise<NotificationPreferencesState> {
  const userId = callerId(ctx);
  const { version, ...preferences } = update;
  const values = {
    preferences: JSON.stringify(preferences),
    digest_hour: preferences.digest.enabled ? preferences.digest.hour : null,
    time_zone: preferences.digest.timeZone,
    updated_at: ctx.now().toISOString(),
  };
  const saved = await writeTransaction(ctx.db, async (trx) => {
    const before = (await preferencesOf(ctx, trx, [userId])).get(userId)!;
    const done = version === 0 ? await repo.insertPreferences(trx, { user_id: userId, ...values }) : await repo.updatePreferences(trx, userId, version, values);
    if (done) await auditChange(ctx, trx, { action: 'notification_preferences.update', entityType: 'notification_preferences', entityId: userId, before, after: preferences });
    return done;
  });
  if (!saved) {
    const current = await getMyPreferences(ctx);
    throw versionConflict('Your notification preferences', { version: current.version }, version);
  }
  return getMyPreferences(ctx);
}
