/**
 * Inbound alert webhooks (issue 18): how many Alertmanager deliveries a second the app takes on
 * SQLite (target >= 500 alerts/s with de-duplication), through HTTP with the source's basic auth,
 * 10 connections. Scenarios, each the median of BENCH_ROUNDS rounds of BENCH_SECONDS:
 * - new alerts: every delivery is a new alert group, so a new incident with its timeline entry;
 * - repeated alerts: deliveries of 500 groups already known (each body differs, as repeat
 *   notifications of a changing group do): found by external id, nothing new added;
 * - mixed: one delivery in ten is a new group, the others known ones.
 * PostgreSQL is measured for comparison when reachable (BENCH_DATABASES=sqlite to skip it).
 */
import { adminToken, httpSend } from './support/auth.js';
import { benchDatabase, load, median, postgresAvailable, startTarget, writeResults, type LoadResult } from './support/harness.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const KNOWN = 500;

let sequence = 0;
const delivery = (group: string) =>
  JSON.stringify({
    version: '4',
    groupKey: `{}:{alertname="${group}"}`,
    status: 'firing',
    receiver: 'hindsight',
    groupLabels: { alertname: group },
    commonLabels: { alertname: group, service: 'checkout', severity: 'warning' },
    commonAnnotations: { summary: `${group} is firing` },
    externalURL: 'http://alertmanager.example:9093',
    truncatedAlerts: 0,
    alerts: [
      {
        status: 'firing',
        labels: { alertname: group, service: 'checkout', severity: 'warning' },
        annotations: { summary: `${group} is firing`, sequence: String(sequence++) },
        startsAt: '2026-03-10T09:00:00Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.example/graph',
        fingerprint: `fp-${group}`,
      },
    ],
  });

async function measure(kind: 'sqlite' | 'postgres') {
  const database = await benchDatabase(kind);
  const app = await startTarget('app', database.env);
  try {
    const authorization = `Bearer ${await adminToken(httpSend(app.baseUrl))}`;
    const created = await fetch(`${app.baseUrl}/api/admin/alert-sources`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ kind: 'alertmanager', name: 'Bench' }) });
    const source = (await created.json()) as { id: number; secret: string };
    const url = `${app.baseUrl}/api/hooks/alerts/${source.id}`;
    const headers = { authorization: `Basic ${Buffer.from(`alertmanager:${source.secret}`).toString('base64')}` };
    for (let i = 0; i < KNOWN; i++) await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: delivery(`known-${i}`) });
    let fresh = 0;
    const scenarios: Array<[string, () => string]> = [
      ['new alerts (one incident each)', () => delivery(`new-${fresh++}`)],
      ['repeated alerts (de-duplicated)', () => delivery(`known-${Math.floor(Math.random() * KNOWN)}`)],
      ['mixed (1 in 10 new)', () => (Math.random() < 0.1 ? delivery(`new-${fresh++}`) : delivery(`known-${Math.floor(Math.random() * KNOWN)}`))],
    ];
    const results = new Map<string, LoadResult[]>(scenarios.map(([name]) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [name, body] of scenarios) results.get(name)!.push(await load({ url, seconds, method: 'POST', headers, body }));
    }
    const incidents = (await (await fetch(`${app.baseUrl}/api/incidents?externalSource=alert-source:${source.id}&limit=1`, { headers: { authorization } })).json()) as { items: unknown[] };
    if (!incidents.items.length) throw new Error('no incident was created');
    return scenarios.map(([name]) => {
      const result = median(results.get(name)!);
      return { database: kind, scenario: name, alertsPerSecond: result.requestsPerSecond, latencyP50Ms: result.latencyP50Ms, latencyP99Ms: result.latencyP99Ms, errors: result.errors, non2xx: result.non2xx, target: kind === 'sqlite' ? '>= 500/s' : '-' };
    });
  } finally {
    await app.stop();
    await database.drop();
  }
}

const only = process.env.BENCH_DATABASES?.split(',');
const kinds = ((await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)).filter((kind) => !only || only.includes(kind));
const rows = [];
for (const kind of kinds) rows.push(...(await measure(kind)));
writeResults('alerts', rows);
