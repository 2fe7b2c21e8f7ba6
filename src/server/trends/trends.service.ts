import type { Expression, SqlBool } from 'kysely';
import { AppError } from '../../shared/errors.js';
import { actionItemClasses } from '../../shared/actions/action-item.schema.js';
import { severities, type Severity } from '../../shared/incidents/incident.schema.js';
import { ageBands, ageBandStarts, openPastCutoff } from '../../shared/trends/backlog.js';
import { BucketRangeError, trendBuckets, type TrendBucket } from '../../shared/trends/buckets.js';
import { emptyDistribution, mapDistribution, type Distribution } from '../../shared/trends/quantiles.js';
import {
  durationMetrics,
  type ActionItemTrend,
  type BacklogHealth,
  type BacklogQuery,
  type ContributorTrend,
  type DurationTrend,
  type IncidentTrend,
  type ReviewDeadlineTrend,
  type TrendQuery,
} from '../../shared/trends/trends.schema.js';
import { visibleIncidents } from '../access/visibility.js';
import { todayIn } from '../actions/action-items.service.js';
import type { AppContext } from '../context.js';
import { taxonomyFor } from '../factors/factors.service.js';
import { teamOfFilter } from '../teams/teams.service.js';
import * as repo from './trends.repo.js';

/**
 * Trends across incidents (F20) and the follow-up backlog's health (B4). Every aggregate is computed
 * in SQL over the incidents the caller may see (visibility is part of each query's scope), and
 * durations are distributions (median, quartiles, p90), never a lone mean.
 */

/** A trend as computed; the snapshots (trend-snapshots.ts) add when. */
type Computed<T> = Omit<T, 'asOf'>;

const MINUTE = 60_000;
const DAY = 86_400_000;
const TOP = 20;
const OLDEST = 20;

interface Scoped {
  timeZone: string;
  buckets: TrendBucket[];
  period: repo.Period;
  scope: Expression<SqlBool>;
  reviewScope: Expression<SqlBool>;
}

/**
 * The incidents a trend counts: the caller's visible ones, narrowed by the filters (a team's slug to
 * its services); and the same as a condition on reviews, for trends that need nothing else of the incident.
 */
async function scopeOf(ctx: AppContext, query: TrendQuery | BacklogQuery): Promise<{ scope: Expression<SqlBool>; reviewScope: Expression<SqlBool> }> {
  const teamServices = query.team === undefined ? undefined : (await teamOfFilter(ctx, query.team)).services;
  const filter = { ...query, teamServices };
  const visible = visibleIncidents(ctx.actor);
  return { scope: repo.incidentScope(visible, filter), reviewScope: repo.reviewScope(visible, filter) };
}

async function scoped(ctx: AppContext, query: TrendQuery): Promise<Scoped> {
  const { timeZone } = ctx.config.calendar;
  let buckets: TrendBucket[];
  try {
    buckets = trendBuckets(query, ctx.now(), timeZone);
  } catch (error) {
    if (!(error instanceof BucketRangeError)) throw error;
    throw new AppError('validation_failed', `Invalid query: ${error.field}: ${error.message}`, { errors: [{ field: error.field, in: 'query', message: error.message }] });
  }
  const ends = buckets.map((bucket) => Date.parse(bucket.to));
  return {
    timeZone,
    buckets,
    period: { startMs: Date.parse(buckets[0]!.from), endMs: ends.at(-1)!, ends },
    ...(await scopeOf(ctx, query)),
  };
}

/** A value for every bucket from (period, value) rows; -1 rows are ignored. */
const perBucket = (buckets: readonly unknown[], rows: Array<{ period: number; value: number }>): number[] => {
  const values = buckets.map(() => 0);
  for (const row of rows) if (row.period >= 0 && row.period < values.length) values[row.period]! += row.value;
  return values;
};

export async function incidentTrend(ctx: AppContext, query: TrendQuery): Promise<Computed<IncidentTrend>> {
  const { timeZone, buckets, period, scope } = await scoped(ctx, query);
  const rows = await repo.incidentsBySeverity(ctx.db, scope, period);
  const series = severities.map((severity: Severity) => ({
    severity,
    counts: perBucket(buckets, rows.filter((row) => row.severity === severity).map((row) => ({ period: row.period, value: row.incidents }))),
  }));
  return { timeZone, buckets, series, totals: buckets.map((_, i) => series.reduce((sum, s) => sum + s.counts[i]!, 0)) };
}

export async function durationTrend(ctx: AppContext, query: TrendQuery): Promise<Computed<DurationTrend>> {
  const { timeZone, buckets, period, scope } = await scoped(ctx, query);
  const byKey = await repo.incidentDurations(ctx.db, ctx.dialect, scope, period);
  const minutes = (d: Distribution | undefined) => mapDistribution(d ?? emptyDistribution, (ms) => ms / MINUTE);
  return {
    timeZone,
    unit: 'minutes',
    buckets,
    metrics: durationMetrics.map((metric) => ({ metric, overall: minutes(byKey.get(`${metric}:-1`)), byBucket: buckets.map((_, i) => minutes(byKey.get(`${metric}:${i}`))) })),
  };
}

export async function contributorTrend(ctx: AppContext, query: TrendQuery): Promise<Computed<ContributorTrend>> {
  const { timeZone, buckets, period, scope } = await scoped(ctx, query);
  const taxonomy = taxonomyFor(ctx);
  const labels = new Map([...taxonomy.categories.map((c) => [c.key, c.label] as const), ...taxonomy.tags.map((t) => [t.key, t.label] as const)]);
  const [{ categories, tags }, byService] = await Promise.all([
    repo.contributorsByPeriod(ctx.db, ctx.dialect, scope, period),
    repo.contributorCategoriesByService(ctx.db, scope, period, 50),
  ]);
  const recurring = (rows: Array<{ name: string; period: number; incidents: number }>) =>
    rows
      .filter((row) => row.period === -1)
      .sort((a, b) => b.incidents - a.incidents || a.name.localeCompare(b.name))
      .slice(0, TOP)
      .map((total) => ({
        name: total.name,
        label: labels.get(total.name) ?? total.name,
        incidents: total.incidents,
        recurs: total.incidents >= 2,
        counts: perBucket(buckets, rows.filter((row) => row.name === total.name).map((row) => ({ period: row.period, value: row.incidents }))),
      }));
  return { timeZone, buckets, categories: recurring(categories), tags: recurring(tags), byService };
}

export async function reviewDeadlineTrend(ctx: AppContext, query: TrendQuery): Promise<Computed<ReviewDeadlineTrend>> {
  const { timeZone, buckets, period, reviewScope } = await scoped(ctx, query);
  const { counts, late } = await repo.reviewDeadlines(ctx.db, ctx.dialect, reviewScope, period, ctx.now().getTime());
  const count = (i: number, outcome: string) => counts.filter((row) => row.period === i && row.outcome === outcome).reduce((sum, row) => sum + row.reviews, 0);
  return {
    timeZone,
    buckets,
    rows: buckets.map((_, i) => {
      const [met, lateCount, pending] = [count(i, 'met'), count(i, 'late'), count(i, 'pending')];
      return { due: met + lateCount + pending, met, late: lateCount, pending, daysLate: mapDistribution(late.get(`late:${i}`) ?? emptyDistribution, (ms) => ms / DAY) };
    }),
  };
}

const itemCounts = (row: { open: number; overdue: number; done: number }) => ({ open: row.open, overdue: row.overdue, done: row.done });

export async function actionItemTrend(ctx: AppContext, query: TrendQuery): Promise<Computed<ActionItemTrend>> {
  const { timeZone, buckets, period, scope } = await scoped(ctx, query);
  const today = todayIn(ctx);
  const [byPeriod, byAge, totals, owners, services] = await Promise.all([
    repo.actionItemsByPeriod(ctx.db, scope, period),
    repo.openItemsByAgeAndClass(ctx.db, scope, ageBandStarts(ctx.now())),
    repo.openItemTotals(ctx.db, scope, today),
    repo.itemCountsBy(ctx.db, scope, 'owner', today, period, TOP),
    repo.itemCountsBy(ctx.db, scope, 'service', today, period, TOP),
  ]);
  const series = (what: string) => perBucket(buckets, byPeriod.filter((row) => row.what === what).map((row) => ({ period: row.period, value: row.items })));
  return {
    timeZone,
    buckets,
    created: series('created'),
    done: series('done'),
    openByAge: ageBands.map((band, i) => ({ age: band.key, label: band.label, count: byAge.filter((row) => row.band === i).reduce((sum, row) => sum + row.items, 0) })),
    ...totals,
    byOwner: owners.map((row) => ({ owner: row.name, ...itemCounts(row) })),
    byService: services.map((row) => ({ service: row.name ?? '', ...itemCounts(row) })),
  };
}

export async function backlogHealth(ctx: AppContext, query: BacklogQuery): Promise<Computed<BacklogHealth>> {
  const { timeZone } = ctx.config.calendar;
  const { scope } = await scopeOf(ctx, query);
  const now = ctx.now();
  const cutoff = openPastCutoff(now, query.workingDays, ctx.config.calendar);
  const [byAge, owners, past, mismatched] = await Promise.all([
    repo.openItemsByAgeAndClass(ctx.db, scope, ageBandStarts(now)),
    repo.itemCountsBy(ctx.db, scope, 'owner', todayIn(ctx), { startMs: now.getTime(), endMs: now.getTime(), ends: [] }, TOP),
    repo.openItemsBefore(ctx.db, scope, cutoff, OLDEST),
    repo.trackerMismatches(ctx.db, scope, OLDEST),
  ]);
  const mismatchesOf = (kind: repo.TrackerMismatch) => ({
    count: mismatched.counts.find((row) => row.kind === kind)?.items ?? 0,
    oldest: mismatched.oldest.filter((row) => row.kind === kind).map((row) => ({ ...backlogItem(row), status: row.status, issueKey: row.issue_key, issueUrl: row.url })),
  });
  const classCount = (band: number, cls: string | null) => byAge.filter((row) => row.band === band && row.class === cls).reduce((sum, row) => sum + row.items, 0);
  return {
    timeZone,
    workingDays: query.workingDays,
    byAgeAndClass: ageBands.map((band, i) => ({
      age: band.key,
      label: band.label,
      ...(Object.fromEntries(actionItemClasses.map((cls) => [cls, classCount(i, cls)])) as Record<(typeof actionItemClasses)[number], number>),
      unclassified: classCount(i, null),
    })),
    owners: owners.filter((row) => row.overdue > 0).map((row) => ({ owner: row.name, overdue: row.overdue, open: row.open })),
    openPast: {
      count: past.count,
      cutoff,
      oldest: past.oldest.map(backlogItem),
    },
    tracker: {
      connected: mismatched.connected,
      closedInTracker: mismatchesOf('closedInTracker'),
      openInTracker: mismatchesOf('openInTracker'),
    },
  };
}

type BacklogItemRow = Awaited<ReturnType<typeof repo.openItemsBefore>>['oldest'][number];
const backlogItem = (row: BacklogItemRow) => ({
  id: row.id,
  title: row.title,
  incidentId: row.incident_id,
  reviewId: row.review_id,
  owner: row.owner,
  class: row.class as BacklogHealth['openPast']['oldest'][number]['class'],
  dueDate: row.due_date,
  createdAt: row.created_at,
});

/** Every trend by its name in the API (/api/trends/{name}), for the snapshots (trend-snapshots.ts). */
export const trendComputations = {
  incidents: incidentTrend,
  durations: durationTrend,
  contributors: contributorTrend,
  'review-deadlines': reviewDeadlineTrend,
  'action-items': actionItemTrend,
  backlog: backlogHealth,
} as const;
export type TrendName = keyof typeof trendComputations;
