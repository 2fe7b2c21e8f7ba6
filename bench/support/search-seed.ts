/**
 * Published reviews of realistic size for the search benchmark, written straight into the tables
 * and the search index (what the search.index-review job would have written), as fast as each
 * database takes them: SQLite one prepared single-row insert after another in large transactions,
 * PostgreSQL one multi-row insert per table and batch, its rows as one JSON parameter.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../src/server/context.js';
import { directRunner, shareDirect } from '../../src/server/db/direct.js';

/** A repeatable pseudo-random sequence, so every run seeds the same reviews and asks the same questions. */
export function randomSource(seed = 42) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return { random, pick };
}

/** A vocabulary with a long tail, like incident writing: a few words everywhere, most words rare. */
const syllables = ['ka', 'lo', 'mi', 'ren', 'tor', 'vi', 'sa', 'den', 'pul', 'gor', 'nex', 'ba', 'quo', 'ti', 'zar', 'fel'];
export const vocabulary = Array.from({ length: 4000 }, (_, i) => `${syllables[i % 16]}${syllables[(i >> 4) % 16]}${syllables[(i >> 8) % 16]}`);
export const commonWords = ['database', 'replica', 'deploy', 'timeout', 'latency', 'queue', 'cache', 'disk', 'certificate', 'migration', 'index', 'pool', 'alert', 'rollback', 'config', 'network'];
const services = Array.from({ length: 60 }, (_, i) => `service-${i}`);
const categories = ['technical', 'human', 'process', 'external'];
const tags = ['deploy', 'config', 'capacity', 'dependency', 'data-migration', 'monitoring-gap', 'documentation-gap'];

/** Rows of one table, every row with the same keys in the same order. */
type Rows = Array<Record<string, string | number | null>>;

interface Batch {
  incidents: Rows;
  reviews: Rows;
  search_documents: Rows;
  search_facets: Rows;
}

/** Reviews `first`..`first + size - 1` (ids from 1), each of an incident with the same id; 1 in 50 incidents restricted. */
function batchOf(first: number, size: number, { random, pick }: ReturnType<typeof randomSource>, now: string): Batch {
  /** Zipf-like: low ranks far more often. */
  const word = () => (random() < 0.3 ? pick(commonWords) : vocabulary[Math.floor(vocabulary.length * random() ** 3)]!);
  const sentence = (words: number) => Array.from({ length: words }, word).join(' ');
  const lines = (count: number, words: number) => Array.from({ length: count }, () => sentence(words)).join('\n');
  const batch: Batch = { incidents: [], reviews: [], search_documents: [], search_facets: [] };
  for (let id = first; id < first + size; id++) {
    const startedAtMs = Date.parse('2020-01-01T00:00:00Z') + (id - 1) * 3_600_000;
    const title = `${pick(commonWords)} ${sentence(5)}`;
    const severity = pick(['sev1', 'sev2', 'sev3', 'sev4']);
    const affected = [...new Set([pick(services), pick(services)])];
    const [summary, impact, learnings] = [sentence(60), sentence(30), sentence(30)];
    batch.incidents.push({
      id, title, severity, user_facing: 0, services: JSON.stringify(affected), labels: '[]', commander: null, responders: '[]', customer_impact: null,
      status: 'resolved', impact_started_at: new Date(startedAtMs).toISOString(), detected_at: null, responded_at: null, mitigated_at: null, resolved_at: null,
      started_at_ms: startedAtMs, restricted: id % 50 === 1 ? 1 : 0, created_at: now, updated_at: now,
    });
    batch.reviews.push({
      id, incident_id: id, owner: 'Sara Lind', state: 'published', due_at: null, due_at_ms: null, policy_required: 1, policy_reason: 'bench',
      summary, impact, learnings, published_at_ms: Date.parse(now), created_at: now, updated_at: now,
    });
    batch.search_documents.push({
      review_id: id, incident_id: id, severity, state: 'published', owner_user_id: null, owner_name: 'sara lind', started_at_ms: startedAtMs, indexed_at_ms: Date.now(),
      title, summary, impact, factors: lines(3, 25), whys: lines(5, 12), learnings, timeline: lines(25, 12), answers: lines(4, 20), action_items: lines(4, 10),
    });
    const category = pick(categories);
    const facet = (kind: string, value: string) => batch.search_facets.push({ review_id: id, kind, value, incident_id: id, started_at_ms: startedAtMs });
    for (const service of affected) facet('service', service);
    facet('category', category);
    facet('contributor_category', category);
    facet('tag', pick(tags));
  }
  return batch;
}

const tables = ['incidents', 'reviews', 'search_documents', 'search_facets'] as const;

/** SQLite: one prepared insert per table, run once per row. */
function insertSqlite(trx: Parameters<typeof directRunner>[0], batch: Batch): void {
  const direct = directRunner(trx);
  if (!direct) throw new Error('The seed transaction has no direct SQLite runner');
  for (const table of tables) {
    const rows = batch[table];
    const columns = Object.keys(rows[0]!);
    const statement = `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`;
    for (const row of rows) direct.run(statement, Object.values(row));
  }
}

/** PostgreSQL: one insert per table, its rows read from a JSON array as records of the table's own type. */
async function insertPostgres(trx: AppContext['db'], batch: Batch): Promise<void> {
  for (const table of tables) {
    const rows = batch[table];
    const columns = sql.join(Object.keys(rows[0]!).map((column) => sql.ref(column)));
    await sql`insert into ${sql.table(table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(trx);
  }
}

/**
 * Seeds `count` published reviews into a database that has no incidents yet; `progress` hears how
 * many are in. SQLite commits every TRANSACTION_ROWS reviews (and is left without statistics, as the
 * app leaves it), PostgreSQL every BATCH, then vacuums and analyzes as autovacuum would.
 */
export async function seedReviews(ctx: AppContext, count: number, progress: (seeded: number) => void = () => undefined): Promise<void> {
  const source = randomSource();
  const now = new Date().toISOString();
  const BATCH = 1_000;
  const TRANSACTION_ROWS = 10_000;
  if (ctx.dialect === 'sqlite') {
    for (let first = 1; first <= count; first += TRANSACTION_ROWS) {
      const last = Math.min(count, first + TRANSACTION_ROWS - 1);
      await ctx.db.transaction().execute(async (trx) => {
        shareDirect(ctx.db, trx);
        for (let start = first; start <= last; start += BATCH) insertSqlite(trx, batchOf(start, Math.min(BATCH, last - start + 1), source, now));
      });
      progress(last);
    }
    return;
  }
  // A GIN index takes rows faster in one build than one at a time: dropped for the load, then rebuilt from its own definition.
  const { rows: ginIndexes } = await sql<{ name: string; definition: string }>`select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename = 'search_documents' and indexdef like '% USING gin %'`.execute(ctx.db);
  for (const { name } of ginIndexes) await sql`drop index ${sql.ref(name)}`.execute(ctx.db);
  // Two batches in flight: the server computes one's tsvectors while the next is written or generated.
  let previous: Promise<void> = Promise.resolve();
  for (let start = 1; start <= count; start += BATCH) {
    const batch = batchOf(start, Math.min(BATCH, count - start + 1), source, now);
    const writing = ctx.db.transaction().execute((trx) => insertPostgres(trx, batch));
    await previous;
    previous = writing.then(() => progress(start + batch.incidents.length - 1));
  }
  await previous;
  await ctx.db.connection().execute(async (connection) => {
    await sql`set maintenance_work_mem = '256MB'`.execute(connection);
    for (const { definition } of ginIndexes) await sql.raw(definition).execute(connection);
  });
  for (const table of ['incidents', 'reviews']) await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(ctx.db);
  await sql`vacuum analyze`.execute(ctx.db);
}
