import { expressionBuilder, sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../context.js';
import { epochMsOfIso, jsonTextElements, type DialectName } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { serviceMatches } from '../incidents/incidents.service.js';
import { distributionFromRanks, distributionPercents, type Distribution } from '../../shared/trends/quantiles.js';

/**
 * The trends' SQL. Every query has `incidents` in scope and keeps only the incidents of `scope`
 * (visibility and the filters, see incidentScope), so restricted incidents never reach a count.
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
  if (filter.teamServices) {
    const services = filter.teamServices;
    conditions.push(services.length ? eb('incidents.id', 'in', eb.selectFrom('incident_tags').select('incident_tags.incident_id').where('incident_tags.kind', '=', 'service').where('incident_tags.value', 'in', services)) : sql<SqlBool>`1 = 0`);
  }
  return eb.and(conditions);
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

interface RankedValue {
  group: string;
  period: number;
  n: number;
  rank: number;
  value: number;
}

/**
 * The distribution of every (group, period) and (group, whole range) of `source` (rows of `grp`,
 * `period`, `val`). PostgreSQL has percentile_cont; SQLite has not, so there the query returns only
 * the values at the ranks quantileRanks needs (row_number over each sorted group): a few rows per
 * group whatever its size, interpolated here the way percentile_cont does.
 */
async function distributionsOf(db: Executor, dialect: DialectName, source: RawBuilder<unknown>): Promise<Distributions> {
  if (dialect === 'postgres') {
    const percents = sql.join(distributionPercents.map((p) => sql.lit(p / 100)));
    const { rows } = await sql<{ grp: string; period: number | null; n: number | string; p: number[] }>`
      with src as (${source})
      select grp, period, count(*) as n, percentile_cont(array[${percents}]::float8[]) within group (order by cast(val as float8)) as p
      from src group by grouping sets ((grp, period), (grp))`.execute(db);
    return new Map(
      rows.map((row) => {
        const [min, q1, median, q3, p90, max] = row.p.map(Number) as [number, number, number, number, number, number];
        return [`${row.grp}:${row.period ?? -1}`, { count: n(row.n), min, q1, median, q3, p90, max }];
      }),
    );
  }
  // One pass: each row ranked within its period and within the whole range, kept when either rank is needed.
  const at = (rank: string, count: string, offset: number) =>
    sql.join(distributionPercents.map((p) => sql`${sql.raw(rank)} - ${sql.lit(offset)} = ((${sql.raw(count)} - 1) * ${sql.lit(p)}) / 100`), sql` or `);
  const { rows } = await sql<{ grp: string; period: number; n: number | string; rn: number | string; n_all: number | string; rn_all: number | string; val: number | string }>`
    with src as (${source}),
    ranked as (
      select grp, period, val,
        row_number() over (partition by grp, period order by val) as rn, count(*) over (partition by grp, period) as n,
        row_number() over (partition by grp order by val) as rn_all, count(*) over (partition by grp) as n_all
      from src
    )
    select grp, period, n, rn, n_all, rn_all, val from ranked where ${at('rn', 'n', 1)} or ${at('rn', 'n', 2)} or ${at('rn_all', 'n_all', 1)} or ${at('rn_all', 'n_all', 2)}`.execute(db);
  const ranked: RankedValue[] = rows.flatMap((row) => [
    { group: row.grp, period: n(row.period), n: n(row.n), rank: n(row.rn), value: Number(row.val) },
    { group: row.grp, period: -1, n: n(row.n_all), rank: n(row.rn_all), value: Number(row.val) },
  ]);
  const groups = new Map<string, { n: number; values: Map<number, number> }>();
  for (const row of ranked) {
    const key = `${row.group}:${row.period}`;
    const group = groups.get(key) ?? { n: row.n, values: new Map() };
    group.values.set(row.rank, row.value);
    groups.set(key, group);
  }
  return new Map([...groups].map(([key, group]) => [key, distributionFromRanks(group.n, (rank) => group.values.get(rank))]));
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
  const grouped = (name: RawBuilder<unknown>, join: RawBuilder<unknown>, extra: RawBuilder<unknown>) => sql<{ name: string; period: number | null; incidents: number | string }>`
    with hits as (select ${name} as name, ${bucket} as period, incidents.id as incident_id ${base} ${join} where ${where} ${extra})
    select name, period, count(distinct incident_id) as incidents from hits group by name, period
    union all
    select name, -1 as period, count(distinct incident_id) as incidents from hits group by name`;
  const [categories, tags] = await Promise.all([
    grouped(sql`review_factors.category`, sql``, sql`and review_factors.category is not null`).execute(db),
    grouped(sql`lower(t.value)`, sql`cross join ${jsonTextElements(dialect, 'review_factors.tags', 't')}`, sql``).execute(db),
  ]);
  const rows = (result: typeof categories) => result.rows.map((row) => ({ name: row.name, period: n(row.period), incidents: n(row.incidents) }));
  return { categories: rows(categories), tags: rows(tags) };
}

/** Incidents (distinct) with a contributor of each category, by service, most first. */
export async function contributorCategoriesByService(db: Executor, scope: Expression<SqlBool>, period: Period, limit: number) {
  const { rows } = await sql<{ service: string; category: string; incidents: number | string }>`
    select incident_tags.value as service, review_factors.category as category, count(distinct incidents.id) as incidents
    from incidents
    join incident_tags on incident_tags.incident_id = incidents.id and incident_tags.kind = 'service'
    join reviews on reviews.incident_id = incidents.id
    join review_factors on review_factors.review_id = reviews.id and review_factors.kind = 'contributor'
    where review_factors.category is not null and incidents.started_at_ms >= ${period.startMs} and incidents.started_at_ms < ${period.endMs} and ${scope}
    group by incident_tags.value, review_factors.category
    order by incidents desc, service, category
    limit ${limit}`.execute(db);
  return rows.map((row) => ({ service: row.service, category: row.category, incidents: n(row.incidents) }));
}

/** When a review was published: its last transition (publishing, for a published review), else its last change. */
const publishedAtMs = (dialect: DialectName) =>
  sql<number>`coalesce((select max(${epochMsOfIso(dialect, 'audit_log.at')}) from audit_log where audit_log.entity_type = 'review' and audit_log.entity_id = cast(reviews.id as text) and audit_log.action = 'review.transition'), ${epochMsOfIso(dialect, 'reviews.updated_at')})`;

/** Reviews due in each period: met, late or pending, and how late (ms) the late ones are. */
export async function reviewDeadlines(db: Executor, dialect: DialectName, scope: Expression<SqlBool>, period: Period, nowMs: number) {
  const source = sql`select period, case
        when state = 'published' and published_ms <= due_at_ms then 'met'
        when state = 'published' or due_at_ms < ${nowMs} then 'late'
        else 'pending' end as outcome,
      case when state = 'published' then published_ms - due_at_ms else ${nowMs} - due_at_ms end as late_ms
    from (
      select ${periodOf(sql.ref('reviews.due_at_ms'), period.ends)} as period, reviews.state as state, reviews.due_at_ms as due_at_ms,
        case when reviews.state = 'published' then ${publishedAtMs(dialect)} end as published_ms
      from reviews join incidents on incidents.id = reviews.incident_id
      where reviews.due_at_ms >= ${period.startMs} and reviews.due_at_ms < ${period.endMs} and ${scope}
    ) as due`;
  const [counts, late] = await Promise.all([
    sql<{ period: number; outcome: string; reviews: number | string }>`select period, outcome, count(*) as reviews from (${source}) as outcomes group by period, outcome`.execute(db),
    distributionsOf(db, dialect, sql`select 'late' as grp, period, late_ms as val from (${source}) as outcomes where outcome = 'late'`),
  ]);
  return { counts: counts.rows.map((row) => ({ period: n(row.period), outcome: row.outcome, reviews: n(row.reviews) })), late };
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
  const key = by === 'owner' ? sql`action_items.owner` : sql`incident_tags.value`;
  const join = by === 'owner' ? sql`` : sql`join incident_tags on incident_tags.incident_id = incidents.id and incident_tags.kind = 'service'`;
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
