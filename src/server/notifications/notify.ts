import type { NotificationKind, NotificationPreferences } from '../../shared/notifications/notification.schema.js';
import { defaultPreferences } from '../../shared/notifications/notification.schema.js';
import type { Role } from '../../shared/accounts/roles.js';
import type { Actor } from '../access/actor.js';
import { canSeeIncident } from '../access/visibility.js';
import type { AppContext, Executor } from '../context.js';
import { findAccounts, findAccountsByEmail } from '../people/people.service.js';
import { enqueueJob } from '../jobs/jobs.service.js';
import { pokeLocalRunners } from '../jobs/local-runners.js';
import { deliverNotificationJob } from './deliver.job.js';
import type { Message } from './message.js';
import * as repo from './notifications.repo.js';

/** Who a message goes to: users (by their preferences), and the team's places (escalation, channels, webhooks). */
export interface Audience {
  userIds: number[];
  /** Addresses that get it by e-mail whatever their preferences (escalation). */
  emails?: string[];
  /** A Slack channel that gets it (published reviews, escalation). */
  slackChannel?: string | null;
  /** Whether the outbound webhook endpoints get it; default true. */
  webhooks?: boolean;
}

export interface Delivery {
  channel: 'email' | 'slack' | 'webhook';
  userId: number | null;
  target: string;
  state: 'queued' | 'digest';
}

/** A user's preferences, or the defaults for one who never saved any; a kind added since they saved takes its default. */
export async function preferencesOf(ctx: AppContext, db: Executor, userIds: number[]): Promise<Map<number, NotificationPreferences>> {
  const defaults = defaultPreferences(ctx.config.calendar.timeZone);
  const rows = new Map((await repo.findPreferences(db, userIds)).map((row) => [row.user_id, JSON.parse(row.preferences) as NotificationPreferences]));
  return new Map(userIds.map((id) => {
    const saved = rows.get(id);
    return [id, saved ? { ...saved, kinds: { ...defaults.kinds, ...saved.kinds } } : defaults];
  }));
}

/** The role of each account, for the visibility check made as that user. */
const rolesOf = async (db: Executor, ids: number[]): Promise<Map<number, Role>> =>
  new Map((ids.length ? await db.selectFrom('users').select(['id', 'role']).where('id', 'in', ids).execute() : []).map((row) => [row.id, row.role as Role]));

/**
 * Records one delivery per recipient and channel of `message`, each unique by
 * `<message key>:<channel>:<target>`, and enqueues the immediate ones, in one transaction: the same
 * message decided twice (a retried job, a sweep run by two instances) is delivered once. A message
 * about a restricted incident goes only to users who may see it: never to a channel, an address
 * that is no member's, or a webhook.
 */
export async function notify(ctx: AppContext, message: Message, audience: Audience): Promise<number> {
  const config = ctx.config.notifications;
  const restricted = message.incidentId !== null && (await ctx.db.selectFrom('incidents').select('restricted').where('id', '=', message.incidentId).executeTakeFirst())?.restricted === 1;
  const deliveries: Delivery[] = [];
  const mayKnow = async (userId: number, role: Role | undefined) =>
    role !== undefined && (message.incidentId === null || (await canSeeIncident(ctx, { userId, name: '', role }, message.incidentId)));

  const userIds = [...new Set(audience.userIds)];
  const accounts = new Map((await findAccounts(ctx.db, userIds)).filter((a) => a.disabled === 0).map((a) => [a.id, a]));
  const roles = await rolesOf(ctx.db, [...accounts.keys()]);
  const preferences = await preferencesOf(ctx, ctx.db, [...accounts.keys()]);
  for (const [id, account] of accounts) {
    if (!(await mayKnow(id, roles.get(id)))) continue;
    const choice = preferences.get(id)!;
    const wants = choice.kinds[message.kind];
    if (wants.email && config.smtp) {
      const digest = choice.digest.enabled && message.kind !== 'meeting.invitation' && message.kind !== 'digest.weekly';
      deliveries.push({ channel: 'email', userId: id, target: account.email, state: digest ? 'digest' : 'queued' });
    }
    if (wants.slack && config.slack?.token && choice.slackUserId) deliveries.push({ channel: 'slack', userId: id, target: choice.slackUserId, state: 'queued' });
  }

  if (audience.emails?.length && config.smtp) {
    const known = new Map((await findAccountsByEmail(ctx.db, audience.emails)).map((a) => [a.email, a]));
    const knownRoles = await rolesOf(ctx.db, [...known.values()].map((a) => a.id));
    for (const email of audience.emails) {
      const account = known.get(email);
      const allowed = account ? account.disabled === 0 && (await mayKnow(account.id, knownRoles.get(account.id))) : !restricted;
      if (allowed && !deliveries.some((d) => d.channel === 'email' && d.target === email)) deliveries.push({ channel: 'email', userId: account?.id ?? null, target: email, state: 'queued' });
    }
  }
  if (!restricted && audience.slackChannel && config.slack) deliveries.push({ channel: 'slack', userId: null, target: audience.slackChannel, state: 'queued' });
  if (!restricted && audience.webhooks !== false) {
    for (const endpoint of await repo.listEndpoints(ctx.db)) {
      const kinds = JSON.parse(endpoint.kinds) as string[];
      if (endpoint.enabled && (kinds.length === 0 || kinds.includes(message.kind))) deliveries.push({ channel: 'webhook', userId: null, target: String(endpoint.id), state: 'queued' });
    }
  }
  return recordDeliveries(ctx, deliveries.map((delivery) => ({ message, delivery })));
}

/** Someone who hears of a message written for them alone (the weekly digest, built with their visibility). */
export interface Recipient {
  /** Who they are, for the visibility of what is written for them. */
  actor: Actor;
  /** Their address when they take `kind` by e-mail and e-mail is configured; else null. */
  email: string | null;
  /** Their Slack member ID when they take `kind` on Slack and a bot token is configured; else null. */
  slackUserId: string | null;
}

/** The active accounts of `userIds` that take `kind` on a configured channel, by their preferences. */
export async function recipientsOf(ctx: AppContext, userIds: number[], kind: NotificationKind): Promise<Recipient[]> {
  const config = ctx.config.notifications;
  const accounts = (await findAccounts(ctx.db, userIds)).filter((account) => account.disabled === 0);
  const roles = await rolesOf(ctx.db, accounts.map((account) => account.id));
  const preferences = await preferencesOf(ctx, ctx.db, accounts.map((account) => account.id));
  return accounts.flatMap((account) => {
    const choice = preferences.get(account.id)!;
    const email = choice.kinds[kind].email && config.smtp ? account.email : null;
    const slackUserId = choice.kinds[kind].slack && config.slack?.token ? choice.slackUserId : null;
    const role = roles.get(account.id);
    return role && (email || slackUserId) ? [{ actor: { userId: account.id, name: account.name, role }, email, slackUserId }] : [];
  });
}

/**
 * Records each delivery, unique by `<message key>:<channel>:<target>`, and enqueues the immediate
 * ones, in one transaction: a delivery decided twice is recorded, and sent, once. Answers how many
 * were queued now.
 */
export async function recordDeliveries(ctx: AppContext, items: Array<{ message: Message; delivery: Delivery }>): Promise<number> {
  if (items.length === 0) return 0;
  const now = ctx.now();
  const nowIso = now.toISOString();
  const queued = await ctx.db.transaction().execute(async (trx) => {
    let queued = 0;
    for (const { message, delivery } of items) {
      const deliveryKey = `${message.key}:${delivery.channel}:${delivery.target}`;
      const id = await repo.insertDelivery(trx, {
        delivery_key: deliveryKey,
        message_key: message.key,
        kind: message.kind,
        channel: delivery.channel,
        user_id: delivery.userId,
        target: delivery.target,
        incident_id: message.incidentId,
        message: JSON.stringify(message),
        state: delivery.state,
        created_at: nowIso,
        created_at_ms: now.getTime(),
      });
      if (id === null || delivery.state !== 'queued') continue;
      await enqueueJob(trx, deliverNotificationJob, { deliveryId: id }, { idempotencyKey: `notify:${deliveryKey}`, now });
      queued++;
    }
    return queued;
  });
  if (queued) pokeLocalRunners(); // committed: this instance's runners take them now, not at their next poll
  return queued;
}

/** Forgets up to `limit` deliveries done (sent or skipped) before `beforeMs`; retention/retention.job.ts. */
export const pruneDeliveries = (db: Executor, beforeMs: number, limit: number): Promise<number> => repo.deleteDoneDeliveries(db, beforeMs, limit);
