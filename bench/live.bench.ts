/**
 * Issue 11's live-update target: from a committed edit to the browser, p95 under 250 ms, on the same
 * app instance (SQLite and PostgreSQL) and across two instances sharing one PostgreSQL database.
 * A WebSocket client stands in for the browser; each edit is a PATCH of the review's summary, timed
 * from sending it until its event arrives (an upper bound of commit → browser). BENCH_EDITS edits
 * (default 300), one after another.
 */
import WebSocket from 'ws';
import type { ServerMessage } from '../src/shared/live/live-protocol.js';
import { adminToken, httpSend } from './support/auth.js';
import { benchDatabase, postgresAvailable, startTarget, writeResults, type Target } from './support/harness.js';

const edits = Number(process.env.BENCH_EDITS ?? 300);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function json<T>(response: Promise<Response>): Promise<T> {
  const answered = await response;
  if (!answered.ok) throw new Error(`${answered.status} ${await answered.text()}`);
  return (await answered.json()) as T;
}

async function measure(writer: Target, watcher: Target): Promise<{ p50: number; p95: number; max: number }> {
  const authorization = `Bearer ${await adminToken(httpSend(writer.baseUrl))}`;
  const headers = { 'content-type': 'application/json', authorization };
  const incident = await json<{ id: number }>(fetch(`${writer.baseUrl}/api/incidents`, { method: 'POST', headers, body: JSON.stringify({ title: 'Live bench', severity: 'sev3' }) }));
  let review = await json<{ id: number; version: number }>(fetch(`${writer.baseUrl}/api/incidents/${incident.id}/review`, { method: 'POST', headers, body: '{}' }));

  const socket = new WebSocket(`${watcher.baseUrl.replace('http', 'ws')}/api/live`, { headers: { authorization } });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const arrivals = new Map<number, number>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    if (message.type !== 'events') return;
    for (const event of message.events) if (event.type === 'review.changed' && event.reviewId === review.id) arrivals.set(arrivals.size, performance.now());
  });

  const latencies: number[] = [];
  for (let i = 0; i < edits; i++) {
    const sent = performance.now();
    review = await json(fetch(`${writer.baseUrl}/api/reviews/${review.id}`, { method: 'PATCH', headers, body: JSON.stringify({ version: review.version, summary: `Edit ${i}` }) }));
    while (!arrivals.has(i)) await new Promise((resolve) => setTimeout(resolve, 1));
    latencies.push(arrivals.get(i)! - sent);
  }
  socket.close();
  const sorted = latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1)!) };
}

async function scenario(kind: 'sqlite' | 'postgres', instances: 1 | 2) {
  const database = await benchDatabase(kind);
  const writer = await startTarget('app', database.env);
  const watcher = instances === 2 ? await startTarget('app', database.env) : writer;
  try {
    const figures = await measure(writer, watcher);
    return { database: kind, path: instances === 1 ? 'same instance' : 'instance A → browser on instance B', edits, ...figures, target: 'p95 < 250 ms' };
  } finally {
    if (watcher !== writer) await watcher.stop();
    await writer.stop();
    await database.drop();
  }
}

const rows = [await scenario('sqlite', 1)];
if (await postgresAvailable()) rows.push(await scenario('postgres', 1), await scenario('postgres', 2));
writeResults('live', rows);
