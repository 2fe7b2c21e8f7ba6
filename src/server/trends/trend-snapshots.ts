import { createHash } from 'node:crypto';
import { z } from 'zod';
import { systemActor, type Actor } from '../access/actor.js';
import { todayIn } from '../actions/action-items.service.js';
import type { AppContext } from '../context.js';
import { defineJob } from '../jobs/job-definition.js';
import { enqueueJob } from '../jobs/jobs.service.js';
import { trendComputations, type TrendName } from './trends.service.js';
import * as repo from './trend-snapshots.repo.js';

/**
 * Trend figures are served from their last computation (a snapshot) while a job computes the next:
 * at 100,000 incidents an aggregate takes seconds, and trends change slowly. A snapshot is kept per
 * question (trend, filters, the day it is asked) and per reader, where a reader is who may see the
 * same incidents: everyone (admins), the unrestricted ones (anyone who is no member of a restricted
 * incident), or one member's own set. It is served when:
 * - no event was recorded since it was computed (current), or
 * - it is younger than HINDSIGHT_TRENDS_MAX_STALE_SECONDS (stale: a refresh job is enqueued),
 * and never after an access change: a count must not include an incident the reader may no longer
 * see, so the count of access changes must be the one the snapshot was computed after.
 */

const HOUR_MS = 3_600_000;
/** Snapshots nobody asked for again within this time are deleted when another is stored. */
const KEEP_MS = 24 * HOUR_MS;

type Reader = { kind: 'all' } | { kind: 'unrestricted' } | { kind: 'member'; userId: number };

const readerSchema = z.union([
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('unrestricted') }),
  z.object({ kind: z.literal('member'), userId: z.number().int() }),
]);

async function readerOf(ctx: AppContext): Promise<Reader> {
  const actor = ctx.actor;
  if (actor?.role === 'admin') return { kind: 'all' };
  if (actor?.userId == null || !(await repo.isMemberOfRestricted(ctx.db, actor.userId))) return { kind: 'unrestricted' };
  return { kind: 'member', userId: actor.userId };
}

/** Who computes a reader's figures in a job: someone who sees exactly what that reader sees. */
async function actorOf(ctx: AppContext, reader: Reader): Promise<Actor | null> {
  if (reader.kind === 'all') return systemActor;
  if (reader.kind === 'unrestricted') return { userId: null, name: 'trends', role: 'viewer' };
  return repo.activeUserActor(ctx.db, reader.userId);
}

const keyOf = (ctx: AppContext, trend: TrendName, query: unknown, reader: Reader) =>
  createHash('sha256')
    .update(JSON.stringify([trend, sortedKeys(query), reader, todayIn(ctx)]))
    .digest('base64url');

const sortedKeys = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
    : value;

/** Computes and stores a trend's figures for `reader`; returns them with when they were computed. */
async function compute(ctx: AppContext, trend: TrendName, query: unknown, key: string) {
  // Read before computing: a change committed meanwhile makes the snapshot out of date, never wrongly current.
  const counters = await repo.eventCounters(ctx.db);
  const computedAtMs = ctx.now().getTime();
  // The query is the route schema's output (kept as such in a refresh job's payload).
  const body = await (trendComputations[trend] as (ctx: AppContext, query: unknown) => Promise<object>)(ctx, query);
  await repo.storeSnapshot(ctx.db, { key, last_event_id: counters.lastEventId, access_changes: counters.accessChanges, computed_at_ms: computedAtMs, body: JSON.stringify(body) }, computedAtMs - KEEP_MS);
  return { ...body, asOf: new Date(computedAtMs).toISOString() };
}

/**
 * A trend's figures for the caller: the snapshot when it may be served (see above), else computed
 * now. `current` (the caller sent Cache-Control: no-cache) computes them now whatever the snapshot.
 */
export async function trendFigures(ctx: AppContext, trend: TrendName, query: unknown, { current = false } = {}): Promise<object> {
  const reader = await readerOf(ctx);
  const key = keyOf(ctx, trend, query, reader);
  if (!current) {
    const [snapshot, counters] = await Promise.all([repo.findSnapshot(ctx.db, key), repo.eventCounters(ctx.db)]);
    if (snapshot && snapshot.access_changes === counters.accessChanges) {
      const ageMs = ctx.now().getTime() - snapshot.computed_at_ms;
      const upToDate = snapshot.last_event_id === counters.lastEventId;
      // An hour-old "current" snapshot is refreshed too: PostgreSQL may commit events out of id order.
      if ((upToDate && ageMs < HOUR_MS) || ageMs < ctx.config.trendsMaxStaleMs) {
        if (!upToDate || ageMs >= HOUR_MS / 2) await requestRefresh(ctx, trend, query, reader, counters.lastEventId);
        return { ...(JSON.parse(snapshot.body) as object), asOf: new Date(snapshot.computed_at_ms).toISOString() };
      }
    }
  }
  return compute(ctx, trend, query, key);
}

const requestRefresh = (ctx: AppContext, trend: TrendName, query: unknown, reader: Reader, lastEventId: number) =>
  enqueueJob(ctx.db, refreshTrendJob, { trend, query: query as Record<string, unknown>, reader }, { idempotencyKey: `trends.refresh:${keyOf(ctx, trend, query, reader)}:${lastEventId}`, now: ctx.now() });

/** Computes a stale snapshot's figures again, as its reader would see them. */
export const refreshTrendJob = defineJob({
  kind: 'trends.refresh',
  payload: z.object({ trend: z.enum(Object.keys(trendComputations) as [TrendName, ...TrendName[]]), query: z.record(z.string(), z.unknown()), reader: readerSchema }),
  maxAttempts: 3,
  timeoutMs: 5 * 60_000,
  async run({ ctx, payload }) {
    const actor = await actorOf(ctx, payload.reader);
    if (!actor) return; // the member is gone: nobody reads this snapshot any more
    const readerCtx = { ...ctx, actor };
    const reader = await readerOf(readerCtx);
    await compute(readerCtx, payload.trend, payload.query, keyOf(readerCtx, payload.trend, payload.query, reader));
  },
});
