/**
 * The trends benchmark's data: N incidents over the last three years, each with a review (its
 * deadline, published or not), a categorised and tagged contributor, `TIMELINE` timeline entries
 * and `ITEMS` action items, written straight into the tables as search-seed.ts does (SQLite: one
 * prepared insert per row in large transactions; PostgreSQL: one multi-row insert per table and
 * batch, its rows as one JSON parameter). 1 in 50 incidents is restricted.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../src/server/context.js';
import { directRunner, shareDirect } from '../../src/server/db/direct.js';
import { randomSource } from './search-seed.js';

type Rows = Array<Record<string, string | number | null>>;
const tables = ['incidents', 'incident_tags', 'reviews', 'review_factors', 'action_items', 'timeline_entries'] as const;
type Batch = Record<(typeof tables)[number], Rows>;

const MIN = 60_000;
const DAY = 86_400_000;
const services = Array.from({ length: 60 }, (_, i) => `service-${i}`);
const owners = Array.from({ length: 200 }, (_, i) => `Owner ${i}`);
const categories = ['technical', 'human', 'process', 'external'];
const tags = ['deploy', 'config', 'capacity', 'dependency', 'monitoring-gap'];
const classes = ['detect', 'diagnose', 'mitigate', 'resolve', 'prevent', null];
const statuses = ['proposed', 'accepted', 'in_progress', 'done', 'done', 'declined'];

export interface TrendSeedSize {
  incidents: number;
  timelinePerIncident: number;
  itemsPerIncident: number;
}

function batchOf(first: number, size: number, total: TrendSeedSize, { random, pick }: ReturnType<typeof randomSource>, nowMs: number): Batch {
  const batch: Batch = { incidents: [], incident_tags: [], reviews: [], review_factors: [], action_items: [], timeline_entries: [] };
  const iso = (ms: number) => new Date(ms).toISOString();
  /** Heavy-tailed minutes: most short, a few very long. */
  const minutes = (scale: number) => Math.round(scale * (1 / Math.max(0.02, random()) - 1)) + 1;
  for (let id = first; id < first + size; id++) {
    const startMs = nowMs - Math.round(((total.incidents - id) / total.incidents) * 3 * 365 * DAY) - 7 * DAY;
    const detected = startMs + minutes(5) * MIN;
    const responded = detected + minutes(3) * MIN;
    const mitigated = responded + minutes(20) * MIN;
    const resolved = mitigated + minutes(60) * MIN;
    const service = pick(services);
    batch.incidents.push({
      id, title: `Incident ${id}`, severity: pick(['sev1', 'sev2', 'sev2', 'sev3', 'sev3', 'sev3', 'sev4']), user_facing: 0, services: JSON.stringify([service]), labels: '[]',
      commander: null, responders: '[]', customer_impact: null, status: 'resolved', impact_started_at: iso(startMs), detected_at: iso(detected), responded_at: iso(responded),
      mitigated_at: random() < 0.9 ? iso(mitigated) : null, resolved_at: iso(resolved), started_at_ms: startMs, restricted: id % 50 === 1 ? 1 : 0, created_at: iso(startMs), updated_at: iso(resolved),
    });
    batch.incident_tags.push({ incident_id: id, kind: 'service', value: service });
    const dueMs = startMs + 14 * DAY;
    const isPublished = random() < 0.7;
    const updatedMs = Math.min(nowMs, dueMs + Math.round((random() - 0.6) * 20 * DAY));
    batch.reviews.push({
      id, incident_id: id, owner: pick(owners), state: isPublished ? 'published' : 'draft', due_at: iso(dueMs), due_at_ms: dueMs, policy_required: 1, policy_reason: 'bench',
      published_at_ms: isPublished ? updatedMs : null, created_at: iso(startMs), updated_at: iso(updatedMs),
    });
    batch.review_factors.push({
      id, review_id: id, kind: 'contributor', title: `Contributor of ${id}`, description: null, category: pick(categories),
      tags: JSON.stringify([...new Set([pick(tags), pick(tags)])]), accepted_risk: 0, created_at: iso(startMs), updated_at: iso(startMs),
    });
    for (let k = 0; k < total.itemsPerIncident; k++) {
      const createdMs = startMs + Math.round(random() * 20 * DAY);
      batch.action_items.push({
        id: (id - 1) * total.itemsPerIncident + k + 1, review_id: id, title: `Action ${id}.${k}`, description: null, owner: random() < 0.9 ? pick(owners) : null, due_date: iso(createdMs + 30 * DAY).slice(0, 10),
        priority: null, class: pick(classes), kind: 'corrective-action', second_order_effects: null, status: pick(statuses), decline_reason: null, external_url: null,
        created_at: iso(createdMs), updated_at: iso(Math.min(nowMs, createdMs + Math.round(random() * 60 * DAY))),
      });
    }
    for (let k = 0; k < total.timelinePerIncident; k++) {
      const at = startMs + k * 5 * MIN;
      batch.timeline_entries.push({
        id: (id - 1) * total.timelinePerIncident + k + 1, incident_id: id, occurred_at: iso(at), occurred_at_ms: at, kind: 'note', text: `Step ${k} of incident ${id}`, author: 'Bench',
        source: 'manual', key_timestamp: null, created_at: iso(at), updated_at: iso(at),
      });
    }
  }
  return batch;
}

function insertSqlite(trx: Parameters<typeof directRunner>[0], batch: Batch): void {
  const direct = directRunner(trx);
  if (!direct) throw new Error('The seed transaction has no direct SQLite runner');
  for (const table of tables) {
    const rows = batch[table];
    if (!rows.length) continue;
    const columns = Object.keys(rows[0]!);
    const statement = `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`;
    for (const row of rows) direct.run(statement, Object.values(row));
  }
}

async function insertPostgres(trx: AppContext['db'], batch: Batch): Promise<void> {
  for (const table of tables) {
    const rows = batch[table];
    if (!rows.length) continue;
    const columns = sql.join(Object.keys(rows[0]!).map((column) => sql.ref(column)));
    await sql`insert into ${sql.table(table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(trx);
  }
}

/** Seeds an empty database; `progress` hears how many incidents are in. */
export async function seedTrends(ctx: AppContext, size: TrendSeedSize, progress: (seeded: number) => void = () => undefined): Promise<void> {
  const source = randomSource(11);
  const nowMs = ctx.now().getTime();
  const BATCH = 1_000;
  if (ctx.dialect === 'sqlite') {
    for (let first = 1; first <= size.incidents; first += 10_000) {
      const last = Math.min(size.incidents, first + 9_999);
      await ctx.db.transaction().execute(async (trx) => {
        shareDirect(ctx.db, trx);
        for (let start = first; start <= last; start += BATCH) insertSqlite(trx, batchOf(start, Math.min(BATCH, last - start + 1), size, source, nowMs));
      });
      progress(last);
    }
    return;
  }
  let previous: Promise<void> = Promise.resolve();
  for (let start = 1; start <= size.incidents; start += BATCH) {
    const batch = batchOf(start, Math.min(BATCH, size.incidents - start + 1), size, source, nowMs);
    const writing = ctx.db.transaction().execute((trx) => insertPostgres(trx, batch));
    await previous;
    previous = writing.then(() => progress(start + batch.incidents.length - 1));
  }
  await previous;
  for (const table of ['incidents', 'reviews', 'review_factors', 'action_items', 'timeline_entries']) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(ctx.db);
  }
  await sql`vacuum analyze`.execute(ctx.db);
}
