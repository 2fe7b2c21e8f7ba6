import { DateTime } from 'luxon';
import { z } from 'zod';
import { digestTitle, renderDigestMarkdown } from '../../shared/digests/digest-markdown.js';
import type { Digest } from '../../shared/digests/digest.schema.js';
import { digestSummary, isQuietWeek } from '../../shared/digests/digest-summary.js';
import { lastCompleteWeek } from '../../shared/digests/digest-week.js';
import type { Actor } from '../access/actor.js';
import { actorOfReader, readerOf, unrestrictedReader } from '../access/readers.js';
import type { AppContext } from '../context.js';
import { renderHtml } from '../exports/html.js';
import { defineJob } from '../jobs/job-definition.js';
import { enqueueJob } from '../jobs/jobs.service.js';
import type { Message } from '../notifications/message.js';
import { recipientsOf, recordDeliveries, type Delivery } from '../notifications/notify.js';
import { allTeamIds, teamForDigest } from '../teams/teams.service.js';
import { weeklyDigest } from './digests.service.js';

/**
 * Each team's weekly digest (docs/teams.md): at HINDSIGHT_DIGEST_WEEKDAY and HINDSIGHT_DIGEST_HOUR
 * in the organisation's zone, one job per team and ISO week sends the week just ended. Each member
 * gets their own copy by e-mail, built with what they may see; Slack (the team's channel, a member's
 * direct message) gets the copy built with no restricted incident at all. Sent through the notifications' delivery rows, unique by team,
 * week and recipient: a second run records nothing new and sends nothing.
 */

type Item = { message: Message; delivery: Delivery };

function messagesOf(ctx: AppContext, digest: Digest, key: string, slug: string): { mail: Message; chat: Message } {
  const link = `${ctx.config.publicUrl}/digest?week=${digest.week}&team=${encodeURIComponent(slug)}`;
  const markdown = renderDigestMarkdown(digest, (reviewId) => `${ctx.config.publicUrl}/reviews/${reviewId}/read`);
  const base = { kind: 'digest.weekly' as const, key, subject: digestTitle(digest), link, incidentId: null, reviewId: null, actionItemId: null };
  return {
    mail: { ...base, text: markdown, html: renderHtml(markdown, { title: digestTitle(digest), footer: 'Sent by Hindsight' }) },
    chat: { ...base, text: digestSummary(digest) },
  };
}

export const weeklyDigestJob = defineJob({
  kind: 'digests.weekly',
  payload: z.object({ teamId: z.number().int().positive(), week: z.string().regex(/^\d{4}-W\d{2}$/) }),
  maxAttempts: 8,
  timeoutMs: 5 * 60_000,
  async run({ ctx, payload }) {
    const team = await teamForDigest(ctx, payload.teamId);
    if (!team) return; // deleted since: its digest stops
    const query = { week: payload.week, team: team.slug };
    const key = `digest.weekly:${team.id}:${payload.week}`;
    // One digest per kind of reader (access/readers.ts), not per member: most members see the same.
    const digests = new Map<string, Promise<Digest>>();
    const digestFor = async (actor: Actor) => {
      const reader = await readerOf(ctx.db, actor);
      const readerKey = JSON.stringify(reader);
      if (!digests.has(readerKey)) digests.set(readerKey, weeklyDigest({ ...ctx, actor: actorOfReader(reader, actor) }, query));
      return digests.get(readerKey)!;
    };
    // Chat messages never carry a restricted incident (a direct message is as easily shared as a channel's).
    const everyones = await digestFor(unrestrictedReader);
    const items: Item[] = [];
    for (const recipient of await recipientsOf(ctx, team.memberIds, 'digest.weekly')) {
      const userId = recipient.actor.userId;
      const own = recipient.email ? await digestFor(recipient.actor) : everyones;
      if (recipient.email && !isQuietWeek(own)) {
        items.push({ message: messagesOf(ctx, own, `${key}:${userId}`, team.slug).mail, delivery: { channel: 'email', userId, target: recipient.email, state: 'queued' } });
      }
      if (recipient.slackUserId && !isQuietWeek(everyones)) {
        items.push({ message: messagesOf(ctx, everyones, `${key}:${userId}`, team.slug).chat, delivery: { channel: 'slack', userId, target: recipient.slackUserId, state: 'queued' } });
      }
    }
    // A team's channel needs the bot token: an incoming webhook posts to its own channel only.
    if (team.slackChannel && ctx.config.notifications.slack?.token && !isQuietWeek(everyones)) {
      items.push({ message: messagesOf(ctx, everyones, key, team.slug).chat, delivery: { channel: 'slack', userId: null, target: team.slackChannel, state: 'queued' } });
    }
    await recordDeliveries(ctx, items);
  },
});

/** Every hour from the digest's weekday and hour in the organisation's zone: one job per team for the week just ended (once). */
export async function enqueueWeeklyDigests(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const { timeZone } = ctx.config.calendar;
  const { weekday, hour } = ctx.config.notifications.weeklyDigest;
  const local = DateTime.fromJSDate(now).setZone(timeZone);
  // At or after this week's send time, not only in its hour: a sweep delayed by an outage, or an hour
  // a clock change skips, still sends; the job's key (team, week) sends it once.
  const sendsAt = local.startOf('week').plus({ days: weekday - 1 }).set({ hour });
  if (local < sendsAt) return 0;
  const { week } = lastCompleteWeek(now, timeZone);
  const teamIds = await allTeamIds(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    for (const teamId of teamIds) await enqueueJob(trx, weeklyDigestJob, { teamId, week }, { idempotencyKey: `digests.weekly:${teamId}:${week}`, now });
  });
  return teamIds.length;
}

export const weeklyDigestSweepJob = defineJob({
  kind: 'digests.weekly_sweep',
  payload: z.object({}).strict(),
  async run({ ctx }) {
    await enqueueWeeklyDigests(ctx);
  },
});
