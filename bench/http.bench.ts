/**
 * Issue 2's targets, on SQLite and PostgreSQL, with authentication as deployed (an API token):
 * - GET /api/incidents/:id reaches at least 50% of a bare Fastify route returning the same JSON;
 * - creating incidents sustains at least 2,000 per second on SQLite.
 */
import { adminToken, httpSend } from './support/auth.js';
import { benchDatabase, load, postgresAvailable, startTarget, writeResults } from './support/harness.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
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
      const bareRead = await load({ url: `${bare.baseUrl}/bare/${id}`, seconds });
      const read = await load({ url: `${app.baseUrl}/api/incidents/${id}`, seconds, headers: { authorization } });
      const create = await load({ url: `${app.baseUrl}/api/incidents`, seconds, method: 'POST', headers: { authorization }, body: () => JSON.stringify(incident) });
      return [
        { database: kind, scenario: 'bare route (same JSON)', ...bareRead, ratioToBare: 1, target: '-' },
        { database: kind, scenario: 'GET /api/incidents/:id', ...read, ratioToBare: +(read.requestsPerSecond / bareRead.requestsPerSecond).toFixed(2), target: '>= 0.5 of bare' },
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

const kinds: Array<'sqlite' | 'postgres'> = (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
const rows = [];
for (const kind of kinds) rows.push(...(await measure(kind)));
writeResults('http', rows);
