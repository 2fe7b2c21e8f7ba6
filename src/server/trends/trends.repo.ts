import { expressionBuilder, sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../context.js';
import { epochMsOfIso, jsonTextElements, type DialectName } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { ofServices, serviceMatches } from '../incidents/incidents.service.js';
import { publishedAtMs } from '../reviews/reviews.service.js';
import { distributionPercents, emptyDistribution, type Distribution } from '../../shared/trends/quantiles.js';
import { DISTRIBUTION_AGGREGATE } from '../db/sqlite-functions.js';

/**
 * The trends' SQL. Every query has `incidents` in scope and keeps only the incidents of `scope`
 * (visibility and the filters, see incidentScope), or, for reviews alone, the reviews of such
 * incidents (reviewScope), so restricted incidents never reach a count.
 * Periods are given as their boundaries (epoch ms or UTC ISO text) and a row's period is found by
 * a CASE over them, the same on both databases.
 */

export interface IncidentFilter {
  severity?: string[] | undefined;
  service?: string | undefined;
  label?: string | undefined;
  /** A team's services (teams/): incidents tagged with any of them; none at all for a team without services. */
  teamServices?: string[] | undefined;
}

/** The incidents a trend counts: those `visible` keeps, narrowed by the filters. */
export function incidentScope(visible: Expression<SqlBool>, filter: IncidentFilter): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'incidents'>();
  const conditions: Array<Expression<SqlBool>> = [visible];
  if (filter.severity?.length) conditions.push(eb('incidents.severity', 'in', filter.severity));
  if (filter.service) {
    const words = filter.service;
    conditions.push(eb('incidents.id', 'in', eb.selectFrom('incident_tags').select('incident_tags.incident_id').where('incident_tags.kind', '=', 'service').where(serviceMatches(words))));
  }
  if (filter.label) {
    const label = filter.label.toLowerCase();
    conditions.push(eb('incidents.id', 'in', eb.selectFrom('incident_tags').select('incident_tags.incident_id').where('incident_tags.kind', '=', 'label').where('incident_tags.value', '=', label)));
  }
  if (filter.teamServices) conditions.push(ofServices(filter.teamServices));
  return eb.and(conditions);
}

/**
 * Reviews whose incident is in incidentScope(visible, filter), as a condition on `reviews`. Without
 * filters it excludes the restricted incidents the reader may not see (few, and found by their own
 * index) instead of joining every review to its incident; with filters it is a semi-join.
 */
export function reviewScope(visible: Expression<SqlBool>, filter: IncidentFilter): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'reviews'>();
  const filtered = Boolean(filter.severity?.length || filter.service || filter.label || filter.teamServices);
  if (filtered) return eb('reviews.incident_id', 'in', eb.selectFrom('incidents').select('incidents.id').where(incidentScope(visible, filter)));
  const hidden = eb.selectFrom('incidents').select('incidents.id').where('incidents.restricted', '=', 1).where(eb.not(visible));
  return eb('reviews.incident_id', 'not in', hidden);
}

/** The period of `value` (0-based) given each period's exclusive end, for values already within [first start, last end). */
export const periodOf = (value: RawBuilder<unknown> | Expression<unknown>, ends: ReadonlyArray<number | string>): RawBuilder<number> =>
  sql<number>`case ${sql.join(
    ends.map((end, i) => sql`when ${value} < ${end} then ${sql.lit(i)}`),
    sql` `,
  )} end`;

export interface Period {
  startMs: number;
  endMs: number;
  ends: number[];
}
const isoEnds = (period: Period) => period.ends.map((ms) => new Date(ms).toISOString());
const n = (value: number | string | bigint | null) => (value === null ? 0 : Number(value));

/** Incidents started in each period by severity. */
export async function incidentsBySeverity(db: Executor, scope: Expression<SqlBool>, period: Period) {
  const { rows } = await sql<{ period: number; severity: string; incidents: number | string }>`
    select period, severity, count(*) as incidents from (
      select ${periodOf(sql.ref('incidents.started_at_ms'), period.ends)} as period, incidents.severity as severity
      from incidents
      where incidents.started_at_ms >= ${period.startMs} and incidents.started_at_ms < ${period.endMs} and ${scope}
    ) as started group by period, severity`.execute(db);
  return rows.map((row) => ({ period: n(row.period), severity: row.severity, incidents: n(row.incidents) }));
}

/** Distributions keyed `${group}:${period}`; period -1 is the whole range. */
export type Distributions = Map<string, Distribution>;

/**
 * The distribution of `value` over each group, as one aggregate: PostgreSQL's percentile_cont at
 * every percent a distribution carries, SQLite's hindsight_distribution (db/sqlite-functions.ts).
 */
const distributionAggregate = (dialect: DialectName, value: RawBuilder<unknown>) =>
  dialect === 'postgres'
    ? sql`percentile_cont(array[${sql.join(distributionPercents.map((p) => sql.lit(p / 100)))}]::float8[]) within group (order by cast(${value} as float8))`
    : sql`${sql.raw(DISTRIBUTION_AGGREGATE)}(${value})`;

/** A distributionAggregate's value (a float array from PostgreSQL, JSON text from SQLite) over `count` values. */
function distributionFromAggregate(count: number, value: number[] | string | null): Distribution {
  if (count === 0 || value === null) return emptyDistribution;
  if (typeof value === 'string') return JSON.parse(value) as Distribution;
  const [min, q1, median, q3, p90, max] = value.map(Number) as [number, number, number, number, number, number];
  return { count, min, q1, median, q3, p90, max };
}

/**
 * The distribution of every (group, period) and (group, whole range) of `source` (rows of `grp`,
 * `period`, `val`), in one pass over it: grouping sets on PostgreSQL; on SQLite, which has none,
 * the union of both groupings over the source computed once.
 */
async function distributionsOf(db: Executor, dialect: DialectName, source: RawBuilder<unknown>): Promise<Distributions> {
  const distribution = distributionAggregate(dialect, sql.ref('val'));
  const query =
    dialect === 'postgres'
      ? sql<DistributionRow>`with src as (${source})
          select grp, period, count(val) as n, ${distribution} as d from src group by grouping sets ((grp, period), (grp))`
      : sql<DistributionRow>`with src as materialized (${source})
          select grp, period, count(val) as n, ${distribution} as d from src group by grp, period
          union all
          select grp, null as period, count(val) as n, ${distribution} as d from src group by grp`;
  const { rows } = await query.execute(db);
  return new Map(rows.map((row) => [`${row.grp}:${row.period ?? -1}`, distributionFromAggregate(n(row.n), row.d)]));
}

interface DistributionRow {
  grp: string;
  period: number | null;
  n: number | string;
  d: number[] | string | null;
}

/**
 * Incident durations in milliseconds, by metric: from the start (impact, else detection) to
 * detection (only with a known impact start), response, mitigation and resolution; detection to response.
 */
export async function incidentDurations(db: Executor, dialect: DialectName, scope: Expression<SqlBool>, period: Period): Promise<Distributions> {
  const ms = (column: string) => epochMsOfIso(dialect, `incidents.${column}`);
  // Each incident's instants parsed once (a materialised CTE), then one row per measure.
  const metrics: Array<[string, RawBuilder<unknown>]> = [
    ['detect', sql`detected - impact`],
    ['respond', sql`responded - coalesce(impact, detected)`],
    ['mitigate', sql`mitigated - coalesce(impact, detected)`],
    ['resolve', sql`resolved - coalesce(impact, detected)`],
    ['gap', sql`responded - detected`],
  ];
  const source = sql`with instants as materialized (
      select ${periodOf(sql.ref('incidents.started_at_ms'), period.ends)} as period, ${ms('impact_started_at')} as impact, ${ms('detected_at')} as detected,
        ${ms('responded_at')} as responded, ${ms('mitigated_at')} as mitigated, ${ms('resolved_at')} as resolved
      from incidents where incidents.started_at_ms >= ${period.startMs} and incidents.started_at_ms < ${period.endMs} and ${scope}
    )
    select grp, period, val from (${sql.join(
      metrics.map(([metric, value]) => sql`select ${sql.lit(metric)} as grp, period, ${value} as val from instants`),
      sql` union all `,
    )}) as durations where val is not null and val >= 0`;
  return distributionsOf(db, dialect, source);
}

/** Incidents (distinct) with a contributor of each category, and of each tag, per period. */
export async function contributorsByPeriod(db: Executor, dialect: DialectName, scope: Expression<SqlBool>, period: Period) {
  const base = sql`from incidents
      join reviews on reviews.incident_id = incidents.id
      join review_factors on review_factors.review_id = reviews.id and review_factors.kind = 'contributor'`;
  const where = sql`incidents.started_at_ms >= ${period.startMs} and incidents.started_at_ms < ${period.endMs} and ${scope}`;
  const bucket = periodOf(sql.ref('incidents.started_at_ms'), period.ends);
  // An incident is in one period only (its start's), so the whole range's count is the sum of the periods'.
  const grouped = (name: RawBuilder<unknown>, join: RawBuilder<unknown>, extra: RawBuilder<unknown>) => sql<{ name: string; period: number; incidents: number | string }>`
    select ${name} as name, ${bucket} as period, count(distinct incidents.id) as incidents ${base} ${join} where ${where} ${extra} group by 1, 2`;
  const [categories, tags] = await Promise.all([
    grouped(sql`review_factors.category`, sql``, sql`and review_factors.category is not null`).execute(db),
    grouped(sql`lower(t.value)`, sql`cross join ${jsonTextElements(dialect, 'review_factors.tags', 't')}`, sql``).execute(db),
  ]);
  const rows = (result: typeof categories) => {
    const byPeriod = result.rows.map((row) => ({ name: row.name, period: n(row.period), incidents: n(row.incidents) }));
    const totals = new Map<string, number>();
    for (const row of byPeriod) totals.set(row.name, (totals.get(row.name) ?? 0) + row.incidents);
    return [...byPeriod, ...[...totals].map(([name, incidents]) => ({ name, period: -1, incidents }))];
  };
  return { categories: rows(categories), tags: rows(tags) };
}

/**
 * Incidents (distinct) with a contributor of each category, by service, most first. `kind || ''`
 * keeps SQLite from walking every service tag of every year by the tags' kind index (347 ms at
 * 100,000 incidents) instead of starting from the period's incidents (38 ms).
 */
export async function contributorCategoriesByService(db: Executor, scope: Expression<SqlBool>, period: Period, limit: number) {
  const { rows } = await sql<{ service: string; category: string; incidents: number | string }>`
    select incident_tags.value as service, review_factors.category as category, count(distinct incidents.id) as incidents
    from incidents
    join incident_tags on incident_tags.incident_id = incidents.id and incident_tags.kind || '' = 'service'
    join reviews on reviews.incident_id = incidents.id
    join review_factors on review_factors.review_id = reviews.id and review_factors.kind = 'contributor'
    where review_factors.category is not null and incidents.started_at_ms >= ${period.startMs} and incidents.started_at_ms < ${period.endMs} and ${scope}
    group by incident_tags.value, review_factors.category
    order by incidents desc, service, category
    limit ${limit}`.execute(db);
  return rows.map((row) => ({ service: row.service, category: row.category, incidents: n(row.incidents) }));
}

/** Reviews due in each period: met, late or pending, and how late (ms) the late ones are. */
export async function reviewDeadlines(db: Executor, dialect: DialectName, reviews: Expression<SqlBool>, period: Period, nowMs: number) {
  const publishedMs = publishedAtMs(db);
  const { rows } = await sql<{ period: number; outcome: string; reviews: number | string; d: number[] | string | null }>`
    with outcomes as (
      select ${periodOf(sql.ref('reviews.due_at_ms'), period.ends)} as period, case
          when reviews.state = 'published' and ${publishedMs} <= reviews.due_at_ms then 'met'
          when reviews.state = 'published' or reviews.due_at_ms < ${nowMs} then 'late'
          else 'pending' end as outcome,
        case when reviews.state = 'published' then ${publishedMs} - reviews.due_at_ms else ${nowMs} - reviews.due_at_ms end as late_ms
      from reviews
      where reviews.due_at_ms >= ${period.startMs} and reviews.due_at_ms < ${period.endMs} and ${reviews}
    )
    -- One pass: the outcome counts and, for the late ones, how late (a distribution per period).
    select period, outcome, count(*) as reviews, ${distributionAggregate(dialect, sql.ref('late_ms'))} filter (where outcome = 'late') as d
    from outcomes group by period, outcome`.execute(db);
  const late: Distributions = new Map(rows.filter((row) => row.outcome === 'late').map((row) => [`late:${n(row.period)}`, distributionFromAggregate(n(row.reviews), row.d)]));
  return { counts: rows.map((row) => ({ period: n(row.period), outcome: row.outcome, reviews: n(row.reviews) })), late };
}

const itemsOf = sql`from action_items join reviews on reviews.id = action_items.review_id join incidents on incidents.id = reviews.incident_id`;
const isOpen = sql`action_items.status not in ('done', 'declined')`;
const isOverdue = (today: string) => sql`(${isOpen} and action_items.due_date < ${today})`;

/** Action items created, and made done, in each period. */
export async function actionItemsByPeriod(db: Executor, scope: Expression<SqlBool>, period: Period) {
  const [start, end, ends] = [new Date(period.startMs).toISOString(), new Date(period.endMs).toISOString(), isoEnds(period)];
  const { rows } = await sql<{ what: string; period: number; items: number | string }>`
    select what, period, count(*) as items from (
      select 'created' as what, ${periodOf(sql.ref('action_items.created_at'), ends)} as period ${itemsOf}
      where action_items.created_at >= ${start} and action_items.created_at < ${end} and ${scope}
      union all
      select 'done' as what, ${periodOf(sql.ref('action_items.updated_at'), ends)} as period ${itemsOf}
      where action_items.status = 'done' and action_items.updated_at >= ${start} and action_items.updated_at < ${end} and ${scope}
    ) as items group by what, period`.execute(db);
  return rows.map((row) => ({ what: row.what, period: n(row.period), items: n(row.items) }));
}

/** Open action items by age band (0-based, from ageBandStarts, newest first) and class. */
export async function openItemsByAgeAndClass(db: Executor, scope: Expression<SqlBool>, bandStarts: string[]) {
  const band = sql`case ${sql.join(
    bandStarts.map((start, i) => sql`when action_items.created_at >= ${start} then ${sql.lit(i)}`),
    sql` `,
  )} else ${sql.lit(bandStarts.length)} end`;
  const { rows } = await sql<{ band: number; class: string | null; items: number | string }>`
    select band, class, count(*) as items from (select ${band} as band, action_items.class as class ${itemsOf} where ${isOpen} and ${scope}) as open_items
    group by band, class`.execute(db);
  return rows.map((row) => ({ band: n(row.band), class: row.class, items: n(row.items) }));
}

export interface ItemCounts {
  open: number;
  overdue: number;
  done: number;
}

/** Open, overdue (now) and done (in the period) items by owner (null: unassigned) or by service, the most open first. */
export async function itemCountsBy(db: Executor, scope: Expression<SqlBool>, by: 'owner' | 'service', today: string, period: Period, limit: number) {
  const [start, end] = [new Date(period.startMs).toISOString(), new Date(period.endMs).toISOString()];
  // `|| ''` (null stays null) keeps SQLite from walking the owner index to skip the sort: that reads
  // the items in random order, seconds at 300,000 items, where one scan and a sort take a tenth of it.
  const key = by === 'owner' ? sql`action_items.owner || ''` : sql`incident_tags.value`;
  // The same for the tags' kind index (contributorCategoriesByService).
  const join = by === 'owner' ? sql`` : sql`join incident_tags on incident_tags.incident_id = incidents.id and incident_tags.kind || '' = 'service'`;
  const { rows } = await sql<{ name: string | null; open: number | string; overdue: number | string; done: number | string }>`
    select ${key} as name,
      sum(case when ${isOpen} then 1 else 0 end) as open,
      sum(case when ${isOverdue(today)} then 1 else 0 end) as overdue,
      sum(case when action_items.status = 'done' and action_items.updated_at >= ${start} and action_items.updated_at < ${end} then 1 else 0 end) as done
    ${itemsOf} ${join}
    where (${isOpen} or (action_items.status = 'done' and action_items.updated_at >= ${start} and action_items.updated_at < ${end})) and ${scope}
    group by ${key}
    order by ${by === 'owner' ? sql`overdue desc, open desc` : sql`open desc, overdue desc`}, name
    limit ${limit}`.execute(db);
  return rows.map((row) => ({ name: row.name, open: n(row.open), overdue: n(row.overdue), done: n(row.done) }));
}

/** Open and overdue items in all. */
export async function openItemTotals(db: Executor, scope: Expression<SqlBool>, today: string) {
  const { rows } = await sql<{ open: number | string | null; overdue: number | string | null }>`
    select count(*) as open, sum(case when ${isOverdue(today)} then 1 else 0 end) as overdue ${itemsOf} where ${isOpen} and ${scope}`.execute(db);
  return { open: n(rows[0]?.open ?? 0), overdue: n(rows[0]?.overdue ?? 0) };
}

/** Open items created before `cutoff`: how many, and the oldest. */
export async function openItemsBefore(db: Executor, scope: Expression<SqlBool>, cutoff: string, limit: number) {
  const where = sql`${isOpen} and action_items.created_at < ${cutoff} and ${scope}`;
  const [total, oldest] = await Promise.all([
    sql<{ items: number | string }>`select count(*) as items ${itemsOf} where ${where}`.execute(db),
    sql<{ id: number; title: string; incident_id: number; review_id: number; owner: string | null; class: string | null; due_date: string | null; created_at: string }>`
      select action_items.id as id, action_items.title as title, incidents.id as incident_id, reviews.id as review_id, action_items.owner as owner,
        action_items.class as class, action_items.due_date as due_date, action_items.created_at as created_at
      ${itemsOf} where ${where} order by action_items.created_at, action_items.id limit ${limit}`.execute(db),
  ]);
  return { count: n(total.rows[0]?.items ?? 0), oldest: oldest.rows };
}

export type TrackerMismatch = 'closedInTracker' | 'openInTracker';

/**
 * Items whose tracker issue disagrees with them: closed in the tracker while the item is open, or
 * still open in the tracker while the item is done or declined (a sync that failed, or was undone
 * by hand). How many of each, and the oldest few.
 */
export async function trackerMismatches(db: Executor, scope: Expression<SqlBool>, limit: number) {
  const kind = sql<TrackerMismatch>`case when tracker_issues.state = 'closed' then 'closedInTracker' else 'openInTracker' end`;
  const where = sql`((tracker_issues.state = 'closed' and ${isOpen}) or (tracker_issues.state = 'open' and not ${isOpen})) and ${scope}`;
  const from = sql`${itemsOf} join tracker_issues on tracker_issues.action_item_id = action_items.id`;
  const [counts, oldest, connected] = await Promise.all([
    sql<{ kind: TrackerMismatch; items: number | string }>`select ${kind} as kind, count(*) as items ${from} where ${where} group by 1`.execute(db),
    sql<{ kind: TrackerMismatch; id: number; title: string; incident_id: number; review_id: number; owner: string | null; class: string | null; due_date: string | null; created_at: string; status: string; issue_key: string | null; url: string | null }>`
      select * from (
        select ${kind} as kind, action_items.id as id, action_items.title as title, incidents.id as incident_id, reviews.id as review_id, action_items.owner as owner,
          action_items.class as class, action_items.due_date as due_date, action_items.created_at as created_at, action_items.status as status,
          tracker_issues.issue_key as issue_key, tracker_issues.url as url,
          row_number() over (partition by ${kind} order by action_items.created_at, action_items.id) as position
        ${from} where ${where}
      ) as mismatched where position <= ${limit} order by kind, created_at, id`.execute(db),
    db.selectFrom('tracker_connections').select('id').limit(1).executeTakeFirst(),
  ]);
  return { connected: connected !== undefined, counts: counts.rows.map((row) => ({ kind: row.kind, items: n(row.items) })), oldest: oldest.rows };
}
