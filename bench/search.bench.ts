/**
 * Issue 16's search targets, on SQLite and PostgreSQL, with N published reviews of realistic size
 * (BENCH_SEARCH_REVIEWS, default 100,000) seeded by bulk inserts into the tables and the index:
 * - GET /api/search p95 within 2x of the bare full-text query (the same match, rank and limit, no
 *   filters, visibility or snippets) on the same database in the same run;
 * - GET /api/reviews/:id/related p95 under 50 ms;
 * - the palette's first results (a two-word query, the last word half typed, limit 8, the most
 *   recent matches ranked, as src/web/api/search.ts asks) p95 under 150 ms.
 * Requests go through app.inject (in-process) as the first admin, after a warm-up; 1 in 50 incidents is restricted.
 *
 *   BENCH_SEARCH_REVIEWS=2000 npx tsx bench/search.bench.ts      (BENCH_READS=200 by default)
 *   BENCH_DATABASES=postgres ...                                  (one database only)
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { createAppContext } from '../src/server/context.js';
import { openDatabase } from '../src/server/db/kysely.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { fullTextQuery, rankedMatches } from '../src/server/db/search-dialect.js';
import { tokeniseQuery } from '../src/shared/search/search-terms.js';
import { adminToken, type Send } from './support/auth.js';
import { benchDatabase, postgresAvailable, writeResults } from './support/harness.js';
import { commonWords, randomSource, seedReviews, vocabulary } from './support/search-seed.js';

const reviewCount = Number(process.env.BENCH_SEARCH_REVIEWS ?? 100_000);
const reads = Number(process.env.BENCH_READS ?? 200);
const { random, pick } = randomSource(7);

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
    const seeding = await timed(() => seedReviews(ctx, reviewCount, (seeded) => process.stdout.write(`  ${kind}: seeded ${seeded} / ${reviewCount}\r`)));
    const get = async (url: string) => {
      const response = await app.inject({ method: 'GET', url, headers: { authorization } });
      if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`);
    };
    const queries = Array.from({ length: reads }, () => `${pick(commonWords)} ${vocabulary[Math.floor(random() * 300)]}`);
    const bare = (q: string) => async () => {
      await handle.db.selectFrom(rankedMatches(ctx.dialect, fullTextQuery(ctx.dialect, tokeniseQuery(`${q} `))).as('hits')).select(['hits.review_id', 'hits.score']).orderBy('hits.score', 'desc').limit(20).execute();
    };
    const reviewIds = Array.from({ length: reads }, () => 1 + Math.floor(random() * reviewCount));
    const scenarios = {
      bare: (i: number) => bare(queries[i]!)(),
      search: (i: number) => get(`/api/search?q=${encodeURIComponent(`${queries[i]!} `)}`),
      palette: (i: number) => get(`/api/search?limit=8&rank=recent&q=${encodeURIComponent(queries[i]!.slice(0, -2))}`),
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

const only = process.env.BENCH_DATABASES?.split(',');
const databases = ((await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)).filter((kind) => !only || only.includes(kind));
const rows = [];
for (const kind of databases) rows.push(...(await measure(kind)));
writeResults('search', rows);
if (rows.some((r) => r.target.includes('MISSED'))) process.exitCode = 1;
