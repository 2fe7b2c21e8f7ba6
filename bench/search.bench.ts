/**
 * Issue 16's search targets, on SQLite and PostgreSQL, with N published reviews of realistic size
 * (BENCH_SEARCH_REVIEWS, default 100,000) seeded by bulk inserts into the tables and the index:
 * - GET /api/search p95 within 2x of the bare full-text query (the same match, rank and limit, no
 *   filters, visibility or snippets) on the same database in the same run;
 * - GET /api/reviews/:id/related p95 under 50 ms;
 * - the palette's first results (a two-word query, the last word half typed, limit 8) p95 under 150 ms.
 * Requests go through app.inject (in-process) as the first admin, after a warm-up; 1 in 50 incidents is restricted.
 *
 *   BENCH_SEARCH_REVIEWS=2000 npx tsx bench/search.bench.ts      (BENCH_READS=200 by default)
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { createAppContext, type AppContext } from '../src/server/context.js';
import { openDatabase } from '../src/server/db/kysely.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { fullTextQuery, rankedMatches } from '../src/server/db/search-dialect.js';
import { tokeniseQuery } from '../src/shared/search/search-terms.js';
import { adminToken, type Send } from './support/auth.js';
import { benchDatabase, postgresAvailable, writeResults } from './support/harness.js';

const reviewCount = Number(process.env.BENCH_SEARCH_REVIEWS ?? 100_000);
const reads = Number(process.env.BENCH_READS ?? 200);
const BATCH = 250;

/** A vocabulary with a long tail, like incident writing: a few words everywhere, most words rare. */
const syllables = ['ka', 'lo', 'mi', 'ren', 'tor', 'vi', 'sa', 'den', 'pul', 'gor', 'nex', 'ba', 'quo', 'ti', 'zar', 'fel'];
const vocabulary = Array.from({ length: 4000 }, (_, i) => `${syllables[i % 16]}${syllables[(i >> 4) % 16]}${syllables[(i >> 8) % 16]}`);
const common = ['database', 'replica', 'deploy', 'timeout', 'latency', 'queue', 'cache', 'disk', 'certificate', 'migration', 'index', 'pool', 'alert', 'rollback', 'config', 'network'];
const services = Array.from({ length: 60 }, (_, i) => `service-${i}`);
const categories = ['technical', 'human', 'process', 'external'];
const tags = ['deploy', 'config', 'capacity', 'dependency', 'data-migration', 'monitoring-gap', 'documentation-gap'];

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
/** Zipf-like: low ranks far more often. */
const word = () => (random() < 0.3 ? pick(common) : vocabulary[Math.floor(vocabulary.length * random() ** 3)]!);
const sentence = (words: number) => Array.from({ length: words }, word).join(' ');

async function seedReviews(ctx: AppContext): Promise<void> {
  const now = new Date().toISOString();
  for (let start = 0; start < reviewCount; start += BATCH) {
    const size = Math.min(BATCH, reviewCount - start);
    await ctx.db.transaction().execute(async (trx) => {
      const incidents = await trx.insertInto('incidents').values(Array.from({ length: size }, (_, i) => {
        const startedAtMs = Date.parse('2020-01-01T00:00:00Z') + (start + i) * 3_600_000;
        return {
          title: `${pick(common)} ${sentence(5)}`, severity: pick(['sev1', 'sev2', 'sev3', 'sev4']), user_facing: 0,
          services: JSON.stringify([pick(services), pick(services)]), labels: '[]', commander: null, responders: '[]', customer_impact: null,
          status: 'resolved', impact_started_at: new Date(startedAtMs).toISOString(), detected_at: null, responded_at: null, mitigated_at: null, resolved_at: null,
          started_at_ms: startedAtMs, restricted: (start + i) % 50 === 0 ? 1 : 0, created_at: now, updated_at: now,
        };
      })).returning(['id', 'title', 'severity', 'services', 'started_at_ms']).execute();
      const reviews = await trx.insertInto('reviews').values(incidents.map((incident) => ({
        incident_id: incident.id, owner: 'Sara Lind', state: 'published', due_at: null, due_at_ms: null, policy_required: 1, policy_reason: 'bench',
        summary: sentence(60), impact: sentence(30), learnings: sentence(30), created_at: now, updated_at: now,
      }))).returning(['id', 'incident_id', 'summary', 'impact', 'learnings']).execute();
      const facets: Array<{ review_id: number; kind: string; value: string }> = [];
      const documents = reviews.map((review, i) => {
        const incident = incidents[i]!;
        const category = pick(categories);
        const tag = pick(tags);
        for (const service of new Set(JSON.parse(incident.services) as string[])) facets.push({ review_id: review.id, kind: 'service', value: service });
        facets.push({ review_id: review.id, kind: 'category', value: category }, { review_id: review.id, kind: 'contributor_category', value: category }, { review_id: review.id, kind: 'tag', value: tag });
        return {
          review_id: review.id, incident_id: incident.id, severity: incident.severity, state: 'published', owner_user_id: null, owner_name: 'sara lind',
          started_at_ms: incident.started_at_ms, indexed_at_ms: Date.now(), title: incident.title, summary: review.summary ?? '', impact: review.impact ?? '',
          factors: Array.from({ length: 3 }, () => sentence(25)).join('\n'), whys: Array.from({ length: 5 }, () => sentence(12)).join('\n'),
          learnings: review.learnings ?? '', timeline: Array.from({ length: 25 }, () => sentence(12)).join('\n'),
          answers: Array.from({ length: 4 }, () => sentence(20)).join('\n'), action_items: Array.from({ length: 4 }, () => sentence(10)).join('\n'),
        };
      });
      await trx.insertInto('search_documents').values(documents).execute();
      await trx.insertInto('search_facets').values(facets).execute();
    });
    if (start % 10_000 === 0) process.stdout.write(`  seeded ${start + size} / ${reviewCount}\r`);
  }
  if (ctx.dialect === 'postgres') await sql`analyze`.execute(ctx.db);
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const round = (n: number) => Math.round(n * 100) / 100;

async function timed(work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function measure(kind: 'sqlite' | 'postgres') {
  const database = await benchDatabase(kind);
  const config = loadConfig({ HINDSIGHT_LOG_LEVEL: 'silent', HINDSIGHT_TIME_ZONE: 'UTC', HINDSIGHT_RATE_LIMIT_PER_MINUTE: '0', HINDSIGHT_JOBS: 'off', ...database.env });
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    const ctx = createAppContext(handle, config);
    const app: FastifyInstance = await buildApp(ctx);
    const send: Send = async ({ method, url, payload, headers }) => {
      const response = await app.inject({ method, url, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });
      const setCookie = response.headers['set-cookie'];
      return { status: response.statusCode, body: response.json(), setCookie: setCookie === undefined ? [] : ([] as string[]).concat(setCookie) };
    };
    const authorization = `Bearer ${await adminToken(send)}`;
    const seeding = await timed(() => seedReviews(ctx));
    const get = async (url: string) => {
      const response = await app.inject({ method: 'GET', url, headers: { authorization } });
      if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`);
    };
    const queries = Array.from({ length: reads }, () => `${pick(common)} ${vocabulary[Math.floor(random() * 300)]}`);
    const bare = (q: string) => async () => {
      await handle.db.selectFrom(rankedMatches(ctx.dialect, fullTextQuery(ctx.dialect, tokeniseQuery(`${q} `))).as('hits')).select(['hits.review_id', 'hits.score']).orderBy('hits.score', 'desc').limit(20).execute();
    };
    const reviewIds = Array.from({ length: reads }, () => 1 + Math.floor(random() * reviewCount));
    const scenarios = {
      bare: (i: number) => bare(queries[i]!)(),
      search: (i: number) => get(`/api/search?q=${encodeURIComponent(`${queries[i]!} `)}`),
      palette: (i: number) => get(`/api/search?limit=8&q=${encodeURIComponent(queries[i]!.slice(0, -2))}`),
      related: (i: number) => get(`/api/reviews/${reviewIds[i]!}/related`),
    };
    const times: Record<keyof typeof scenarios, number[]> = { bare: [], search: [], palette: [], related: [] };
    for (let i = 0; i < Math.min(20, reads); i++) for (const run of Object.values(scenarios)) await run(i);
    for (let i = 0; i < reads; i++) for (const [name, run] of Object.entries(scenarios)) times[name as keyof typeof scenarios].push(await timed(() => run(i)));
    await app.close();
    const bareP95 = percentile(times.bare, 95);
    const row = (scenario: string, ms: number[], target: string) => ({ database: kind, reviews: reviewCount, scenario, reads: ms.length, medianMs: round(percentile(ms, 50)), p95Ms: round(percentile(ms, 95)), target });
    const searchP95 = percentile(times.search, 95);
    return [
      row('bare full-text query (rank, limit 20)', times.bare, `seeded in ${round(seeding / 1000)} s`),
      row('GET /api/search', times.search, `${round(searchP95 / bareP95)}x bare p95: ${searchP95 <= 2 * bareP95 ? 'met' : 'MISSED'} (< 2x)`),
      row('palette first results', times.palette, percentile(times.palette, 95) < 150 ? '< 150 ms: met' : '< 150 ms: MISSED'),
      row('GET /api/reviews/:id/related', times.related, percentile(times.related, 95) < 50 ? '< 50 ms: met' : '< 50 ms: MISSED'),
    ];
  } finally {
    await handle.close();
    await database.drop();
  }
}

const databases: Array<'sqlite' | 'postgres'> = (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
const rows = [];
for (const kind of databases) rows.push(...(await measure(kind)));
writeResults('search', rows);
if (rows.some((r) => r.target.includes('MISSED'))) process.exitCode = 1;
