import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  actionItemTrendSchema,
  backlogHealthSchema,
  contributorTrendSchema,
  durationTrendSchema,
  incidentTrendSchema,
  reviewDeadlineTrendSchema,
} from '../../shared/trends/trends.schema.js';
import { actorOfReader, readerOf, type Reader } from '../access/readers.js';
import { activeActorOf } from '../accounts/users.service.js';
import { todayIn } from '../actions/action-items.service.js';
import type { Config } from '../config.js';
import type { AppContext, Executor } from '../context.js';
import { defineJob } from '../jobs/job-definition.js';
import { enqueueJob } from '../jobs/jobs.service.js';
import { trendComputations, type TrendName } from './trends.service.js';
import * as repo from './trend-snapshots.repo.js';

/**
 * Trend figures are served from their last computation (a snapshot) while a job computes the next:
 * at 100,000 incidents an aggregate takes seconds, and trends change slowly. A snapshot is kept per
 * question (trend, filters, the day it is asked, the configuration) and per reader (access/readers.ts),
 * and computed as that reader. It is served when:
 * - no event was recorded since it was computed (current; for at most an hour, as "late" and
 *   "overdue" move with the clock), or
 * - it is younger than HINDSIGHT_TRENDS_MAX_STALE_SECONDS (stale: a refresh job is enqueued),
 * and never after an access change: a count must not include an incident the reader may no longer
 * see. The event counters (trend-snapshots.repo.ts) tell both, on PostgreSQL too, where events may
 * commit out of id order.
 */

const HOUR_MS = 3_600_000;

const responseSchemas: Record<TrendName, z.ZodType> = {
  incidents: incidentTrendSchema,
  durations: durationTrendSchema,
  contributors: contributorTrendSchema,
  'review-deadlines': reviewDeadlineTrendSchema,
  'action-items': actionItemTrendSchema,
  backlog: backlogHealthSchema,
};

const readerSchema = z.union([
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('unrestricted') }),
  z.object({ kind: z.literal('member'), userId: z.number().int() }),
]);

// The figures depend on the configuration (time zone, working days, taxonomy): a change makes new keys.
const configHashes = new WeakMap<Config, string>();
const configHash = (config: Config) => {
  if (!configHashes.has(config)) configHashes.set(config, createHash('sha256').update(JSON.stringify(config)).digest('base64url'));
  return configHashes.get(config)!;
};

const keyOf = (ctx: AppContext, trend: TrendName, query: unknown, reader: Reader) =>
  createHash('sha256')
    .update(JSON.stringify([trend, sortedKeys(query), reader, todayIn(ctx), configHash(ctx.config)]))
    .digest('base64url');

const sortedKeys = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
    : value;

/**
 * Computes and stores a trend's figures as `readerCtx`'s actor; returns them with when they were
 * computed. `counters` must be read before: a change committed meanwhile then makes the snapshot out
 * of date, never wrongly current.
 */
async function compute(readerCtx: AppContext, trend: TrendName, query: unknown, key: string, counters: repo.EventCounters) {
  const computedAtMs = readerCtx.now().getTime();
  // The query is the route schema's output (kept as such in a refresh job's payload).
  const body = await (trendComputations[trend] as (ctx: AppContext, query: unknown) => Promise<object>)(readerCtx, query);
  await repo.storeSnapshot(readerCtx.db, { key, ...repo.counterColumns(counters), computed_at_ms: computedAtMs, body: JSON.stringify(body) });
  return { ...body, asOf: new Date(computedAtMs).toISOString() };
}

/**
 * A trend's figures for the caller: the snapshot when it may be served (see above), else computed
 * now. `current` (the caller sent Cache-Control: no-cache) computes them now whatever the snapshot.
 */
export async function trendFigures(ctx: AppContext, trend: TrendName, query: unknown, { current = false } = {}): Promise<object> {
  const [reader, counters] = await Promise.all([readerOf(ctx.db, ctx.actor), repo.eventCounters(ctx.db)]);
  const readerCtx = { ...ctx, actor: actorOfReader(reader, ctx.actor!) };
  const key = keyOf(ctx, trend, query, reader);
  const snapshot = current ? undefined : await repo.findSnapshot(ctx.db, key);
  if (snapshot && repo.sameAccess(snapshot, counters)) {
    const ageMs = ctx.now().getTime() - snapshot.computed_at_ms;
    const upToDate = repo.noEventSince(snapshot, counters);
    const body = responseSchemas[trend].safeParse({ ...(JSON.parse(snapshot.body) as object), asOf: new Date(snapshot.computed_at_ms).toISOString() });
    // A body of an earlier version's shape is computed again.
    if (body.success && ((upToDate && ageMs < HOUR_MS) || ageMs < ctx.config.trendsMaxStaleMs)) {
      if (!upToDate || ageMs >= HOUR_MS / 2) await requestRefresh(ctx, { trend, query: query as Record<string, unknown>, reader, replacesMs: snapshot.computed_at_ms }, key);
      return body.data as object;
    }
  }
  return compute(readerCtx, trend, query, key, counters);
}

/**
 * Deletes up to `limit` snapshots last computed before `beforeMs` (the retention job's daily
 * bookkeeping): a snapshot's key holds the day it was asked, so yesterday's are not served again.
 */
export const pruneTrendSnapshots = (db: Executor, beforeMs: number, limit: number): Promise<number> => repo.deleteSnapshotsStoredBefore(db, beforeMs, limit);

type RefreshPayload = z.infer<typeof refreshPayload>;
const refreshPayload = z.object({
  trend: z.enum(Object.keys(trendComputations) as [TrendName, ...TrendName[]]),
  query: z.record(z.string(), z.unknown()),
  reader: readerSchema,
  /** When the snapshot to replace was computed: one refresh per snapshot, skipped once a newer one is stored. */
  replacesMs: z.number().int(),
});

const requestRefresh = (ctx: AppContext, payload: RefreshPayload, key: string) =>
  enqueueJob(ctx.db, refreshTrendJob, payload, { idempotencyKey: `trends.refresh:${key}:${payload.replacesMs}`, now: ctx.now() });

/** Computes a stale snapshot's figures again, as its reader sees them. */
export const refreshTrendJob = defineJob({
  kind: 'trends.refresh',
  payload: refreshPayload,
  maxAttempts: 3,
  timeoutMs: 5 * 60_000,
  async run({ ctx, payload }) {
    const { trend, query, reader } = payload;
    const member = reader.kind === 'member' ? await activeActorOf(ctx, reader.userId) : ctx.actor!;
    if (!member) return; // the member's account is gone: nobody reads this snapshot any more
    const key = keyOf(ctx, trend, query, reader);
    const stored = await repo.findSnapshot(ctx.db, key);
    if (stored && stored.computed_at_ms > payload.replacesMs) return; // already replaced
    await compute({ ...ctx, actor: actorOfReader(reader, member) }, trend, query, key, await repo.eventCounters(ctx.db));
  },
});
