/**
 * Issue 2's targets, with authentication as deployed (an API token), measured on SQLite and, for
 * comparison, PostgreSQL (no target there: each request is a round trip to another process):
 * - GET /api/incidents/:id reaches at least 50% of a bare Fastify route returning the same JSON on SQLite;
 * - creating incidents sustains at least 2,000 per second on SQLite.
 * Each figure is the median of BENCH_ROUNDS interleaved rounds of BENCH_SECONDS each.
 */
import { adminToken, httpSend } from './support/auth.js';
import { benchDatabase, load, median, postgresAvailable, startTarget, writeResults, type LoadResult } from './support/harness.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const incident = {
  title: 'Checkout latency above SLO',
  severity: 'sev2',
  userFacing: true,
  services: ['checkout', 'payments'],
  labels: ['database'],
  commander: 'Priya Natarajan',
  responders: ['Sara Lind'],
  impactStartedAt: '2026-03-10T09:00:00+01:00',
  detectedAt: '2026-03-10T09:04:00+01:00',
};

async function measure(kind: 'sqlite' | 'postgres') {
  const database = await benchDatabase(kind);
  const app = await startTarget('app', database.env);
  try {
    const authorization = `Bearer ${await adminToken(httpSend(app.baseUrl))}`;
    const created = await fetch(`${app.baseUrl}/api/incidents`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(incident) });
    const body = await created.text();
    const { id } = JSON.parse(body) as { id: number };
    const bare = await startTarget('bare', { BENCH_BODY: body });
    try {
      const bareReads: LoadResult[] = [];
      const reads: LoadResult[] = [];
      const creates: LoadResult[] = [];
      // Interleaved rounds, so that a slower moment of the machine falls on both sides of a ratio.
      for (let round = 0; round < rounds; round++) {
        bareReads.push(await load({ url: `${bare.baseUrl}/bare/${id}`, seconds }));
        reads.push(await load({ url: `${app.baseUrl}/api/incidents/${id}`, seconds, headers: { authorization } }));
        creates.push(await load({ url: `${app.baseUrl}/api/incidents`, seconds, method: 'POST', headers: { authorization }, body: () => JSON.stringify(incident) }));
      }
      if (process.env.BENCH_VERBOSE) console.log({ bare: bareReads.map((r) => r.requestsPerSecond), read: reads.map((r) => r.requestsPerSecond), create: creates.map((r) => r.requestsPerSecond) });
      const [bareRead, read, create] = [median(bareReads), median(reads), median(creates)];
      return [
        { database: kind, scenario: 'bare route (same JSON)', ...bareRead, ratioToBare: 1, target: '-' },
        { database: kind, scenario: 'GET /api/incidents/:id', ...read, ratioToBare: +(read.requestsPerSecond / bareRead.requestsPerSecond).toFixed(2), target: kind === 'sqlite' ? '>= 0.5 of bare' : '-' },
        { database: kind, scenario: 'POST /api/incidents', ...create, ratioToBare: +(create.requestsPerSecond / bareRead.requestsPerSecond).toFixed(2), target: kind === 'sqlite' ? '>= 2000/s' : '-' },
      ];
    } finally {
      await bare.stop();
    }
  } finally {
    await app.stop();
    await database.drop();
  }
}

const only = process.env.BENCH_DATABASES?.split(',');
const kinds = ((await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)).filter((kind) => !only || only.includes(kind));
const rows = [];
for (const kind of kinds) rows.push(...(await measure(kind)));
writeResults('http', rows);
