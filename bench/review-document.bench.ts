/**
 * Issue 3's target, on SQLite and PostgreSQL: reading a complete review (2,000 timeline entries,
 * 50 factors, 50 action items) with GET /api/reviews/:id/document takes under 10x the time of
 * reading one incident with GET /api/incidents/:id. Both are read N times, interleaved, through
 * app.inject (in-process, no network) with a browser's Accept-Encoding, after a warm-up; median
 * and p95 latencies are compared. For context it also times the document without compression and
 * rebuilt after an edit (the cache missed), which the target does not cover.
 *
 *   npx tsx bench/review-document.bench.ts        (BENCH_READS=300 by default)
 */
import { createAppContext } from '../src/server/context.js';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/kysely.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { adminToken, type Send } from './support/auth.js';
import { benchDatabase, postgresAvailable, writeResults } from './support/harness.js';

const reads = Number(process.env.BENCH_READS ?? 300);
const size = { timeline: 2000, factors: 50, actionItems: 50 };
const kinds = ['signal', 'detection', 'escalation', 'action', 'mitigation', 'communication', 'resolution', 'note'];
const factorKinds = ['contributor', 'mitigator', 'risk', 'learning'];

/** The API token every request sends (authentication is always on). */
let authorization = '';

const injectSend =
  (app: FastifyInstance): Send =>
  async ({ method, url, payload, headers }) => {
    const response = await app.inject({ method, url, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });
    const setCookie = response.headers['set-cookie'];
    return { status: response.statusCode, body: response.json(), setCookie: setCookie === undefined ? [] : ([] as string[]).concat(setCookie) };
  };

async function send<T>(app: FastifyInstance, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<T> {
  const response = await app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json<T>();
}

/** A complete review: every section filled, links on factors, whys and action items. */
async function seed(app: FastifyInstance): Promise<{ incidentId: number; reviewId: number }> {
  const incident = await send<{ id: number }>(app, 'POST', '/api/incidents', {
    title: 'Payment service outage', severity: 'sev1', userFacing: true, services: ['payments'], commander: 'Priya Natarajan',
    impactStartedAt: '2026-03-10T14:05:00+01:00', detectedAt: '2026-03-10T14:17:00+01:00', respondedAt: '2026-03-10T14:31:00+01:00',
    mitigatedAt: '2026-03-10T14:52:00+01:00', resolvedAt: '2026-03-10T15:25:00+01:00', status: 'resolved',
  });
  const review = await send<{ id: number; version: number }>(app, 'POST', `/api/incidents/${incident.id}/review`, {});
  const start = Date.parse('2026-03-10T13:00:00Z');
  for (let batch = 0; batch < size.timeline / 500; batch++) {
    const entries = Array.from({ length: 500 }, (_, i) => ({
      occurredAt: new Date(start + (batch * 500 + i) * 1500).toISOString(),
      kind: kinds[i % kinds.length],
      text: `Event ${batch * 500 + i}: connection pool at ${i % 100}% with a slow query holding connections`,
    }));
    await send(app, 'POST', `/api/incidents/${incident.id}/timeline/batch`, { entries });
  }
  const timeline = await send<{ items: Array<{ id: number }> }>(app, 'GET', `/api/incidents/${incident.id}/timeline`);
  const factorIds: number[] = [];
  for (let i = 0; i < size.factors; i++) {
    const factor = await send<{ id: number }>(app, 'POST', `/api/reviews/${review.id}/factors`, {
      kind: factorKinds[i % factorKinds.length], title: `Factor ${i}`, description: 'A condition that made the incident possible.',
      category: 'technical', tags: ['capacity', 'deploy'], timelineEntryIds: timeline.items.slice(i * 3, i * 3 + 3).map((e) => e.id),
    });
    factorIds.push(factor.id);
  }
  for (let i = 0; i < size.actionItems; i++) {
    await send(app, 'POST', `/api/reviews/${review.id}/action-items`, {
      title: `Action ${i}`, owner: 'Sara Lind', dueDate: '2026-04-01', priority: 'p2', class: 'prevent', factorIds: factorIds.slice(i % 48, (i % 48) + 2),
    });
  }
  for (let i = 0; i < 3; i++) {
    const steps = Array.from({ length: 5 }, (_, s) => ({ why: `Why ${s}?`, because: `Because ${s}.` }));
    await send(app, 'POST', `/api/reviews/${review.id}/whys`, { title: `Chain ${i}`, steps, systemicCause: 'Staging is smaller', factorIds: factorIds.slice(i, i + 2) });
  }
  for (const key of ['detect_sooner', 'went_well', 'went_wrong', 'learned_about_system']) {
    await send(app, 'PUT', `/api/reviews/${review.id}/questions/${key}`, { answer: `An answer to ${key}.` });
  }
  await app.inject({ method: 'PATCH', url: `/api/reviews/${review.id}`, headers: { authorization }, payload: { version: review.version, summary: 'Summary.', impact: 'Impact.' } });
  return { incidentId: incident.id, reviewId: review.id };
}

/** What a browser sends; the small incident is never compressed, the document is (once, then cached). */
const browser = { 'accept-encoding': 'gzip, deflate, br' };

interface Scenario {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** Run before each timed read, untimed (e.g. an edit, so the read rebuilds the document). */
  before?: () => Promise<unknown>;
}

/** Reads every scenario once per round, interleaved, so background load hits them alike. */
async function time(app: FastifyInstance, scenarios: Scenario[], rounds: number) {
  const results = scenarios.map(() => ({ ms: [] as number[], bytes: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, scenario] of scenarios.entries()) {
      await scenario.before?.();
      const started = process.hrtime.bigint();
      const response = await app.inject({ method: 'GET', url: scenario.url, headers: { authorization, ...scenario.headers } });
      results[i]!.ms.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (response.statusCode !== 200) throw new Error(`GET ${scenario.url}: ${response.statusCode}`);
      results[i]!.bytes = response.rawPayload.length;
    }
  }
  return results;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const round = (n: number) => Math.round(n * 100) / 100;

async function measure(kind: 'sqlite' | 'postgres') {
  const database = await benchDatabase(kind);
  const config = loadConfig({ HINDSIGHT_LOG_LEVEL: 'silent', HINDSIGHT_TIME_ZONE: 'UTC', ...database.env });
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    const app = await buildApp(createAppContext(handle, config));
    authorization = `Bearer ${await adminToken(injectSend(app))}`;
    const { incidentId, reviewId } = await seed(app);
    const incident: Scenario = { name: 'GET /api/incidents/:id', url: `/api/incidents/${incidentId}`, headers: browser };
    const document: Scenario = { name: 'GET /api/reviews/:id/document', url: `/api/reviews/${reviewId}/document`, headers: browser };
    const plain: Scenario = { ...document, name: 'document, no Accept-Encoding', headers: {} };
    let edits = 0;
    const edit = () => send(app, 'PUT', `/api/reviews/${reviewId}/questions/got_lucky`, { answer: `Edit ${edits}`, ...(edits++ ? { version: edits - 1 } : {}) });
    const cold: Scenario = { ...document, name: 'document, rebuilt (after an edit)', before: edit };
    await time(app, [incident, document, plain], 30);
    const [incidentTimes, documentTimes, plainTimes] = await time(app, [incident, document, plain], reads);
    const [coldTimes] = await time(app, [cold], Math.ceil(reads / 10));
    await app.close();
    const base = { median: percentile(incidentTimes!.ms, 50), p95: percentile(incidentTimes!.ms, 95) };
    const row = (scenario: Scenario, result: { ms: number[]; bytes: number }, target: boolean) => {
      const median = percentile(result.ms, 50);
      const ratio = round(median / base.median);
      return {
        database: kind, scenario: scenario.name, reads: result.ms.length, medianMs: round(median), p95Ms: round(percentile(result.ms, 95)),
        responseKb: round(result.bytes / 1024), ratioMedian: ratio, ratioP95: round(percentile(result.ms, 95) / base.p95),
        target: target ? (ratio < 10 ? '< 10x: met' : '< 10x: MISSED') : '-',
      };
    };
    return [
      row(incident, incidentTimes!, false),
      row(document, documentTimes!, true),
      row(plain, plainTimes!, false),
      row(cold, coldTimes!, false),
    ];
  } finally {
    await handle.close();
    await database.drop();
  }
}

const databases: Array<'sqlite' | 'postgres'> = (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
const rows = [];
for (const kind of databases) rows.push(...(await measure(kind)));
writeResults('review-document', rows);
if (rows.some((r) => String(r.target).includes('MISSED'))) process.exitCode = 1;
