/**
 * Meeting mode (issue 17, F11): the facilitator moves, every participant's browser follows. 50
 * participants (BENCH_PARTICIPANTS), each a user of their own signed in with a session, hold a live
 * WebSocket with the review watched: on PostgreSQL, half of them on each of two app instances, the
 * facilitator's moves (PUT /api/reviews/{id}/meeting/mode) sent to the first. Each latency is from
 * sending the move until that participant has its meeting.moved event; BENCH_MOVES moves (default
 * 100), one after another, each waiting for every participant. Target: p95 < 250 ms.
 * SQLite is measured too, with everyone on its one instance.
 */
import WebSocket from 'ws';
import type { ServerMessage } from '../src/shared/live/live-protocol.js';
import { adminToken, httpSend } from './support/auth.js';
import { benchDatabase, postgresAvailable, startTarget, writeResults, type Target } from './support/harness.js';

const participants = Number(process.env.BENCH_PARTICIPANTS ?? 50);
const moves = Number(process.env.BENCH_MOVES ?? 100);
const PASSWORD = 'meeting bench password';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

async function json<T>(response: Promise<Response>): Promise<T> {
  const answered = await response;
  if (!answered.ok) throw new Error(`${answered.status} ${await answered.text()}`);
  return (await answered.json()) as T;
}

interface Participant {
  arrivals: Map<number, number>;
  close(): void;
}

/** A participant's browser: signed in as its own user, the review watched, meeting.moved arrivals by version. */
async function participant(target: Target, email: string, reviewId: number): Promise<Participant> {
  const signIn = await fetch(`${target.baseUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (signIn.status !== 200) throw new Error(`sign-in ${email}: ${signIn.status}`);
  const cookie = signIn.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const socket = new WebSocket(`${target.baseUrl.replace('http', 'ws')}/api/live`, { headers: { cookie } });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'watch', reviewId }));
  const arrivals = new Map<number, number>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    if (message.type !== 'events') return;
    const at = performance.now();
    for (const event of message.events) if (event.type === 'meeting.moved' && event.reviewId === reviewId) arrivals.set(event.version, at);
  });
  return { arrivals, close: () => socket.close() };
}

async function measure(targets: Target[]) {
  const [first] = targets as [Target, ...Target[]];
  const authorization = `Bearer ${await adminToken(httpSend(first.baseUrl))}`;
  const headers = { 'content-type': 'application/json', authorization };
  const post = <T>(url: string, body: object, method = 'POST') => json<T>(fetch(`${first.baseUrl}${url}`, { method, headers, body: JSON.stringify(body) }));
  const incident = await post<{ id: number }>('/api/incidents', { title: 'Meeting bench', severity: 'sev2' });
  const review = await post<{ id: number }>(`/api/incidents/${incident.id}/review`, {});
  const entries = (await post<{ items: Array<{ id: number }> }>(`/api/incidents/${incident.id}/timeline/batch`, {
    entries: [
      { occurredAt: '2026-03-10T14:02:00Z', text: 'Config push rolled out' },
      { occurredAt: '2026-03-10T14:05:00Z', text: 'Alert fired' },
    ],
  })).items;

  const people: Participant[] = [];
  for (let i = 0; i < participants; i++) {
    const email = `participant-${i}@example.com`;
    await post('/api/users', { email, name: `Participant ${i}`, role: 'responder', password: PASSWORD });
    people.push(await participant(targets[i % targets.length]!, email, review.id));
  }

  const latencies: number[] = [];
  const slowest: number[] = [];
  for (let i = 0; i < moves; i++) {
    const sent = performance.now();
    const moved = await post<{ version: number }>(`/api/reviews/${review.id}/meeting/mode`, { stage: 'timeline', entryId: entries[i % 2]!.id }, 'PUT');
    for (const started = performance.now(); people.some((p) => !p.arrivals.has(moved.version)); ) {
      if (performance.now() - started > 10_000) throw new Error(`move ${moved.version} did not reach every participant within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const each = people.map((p) => p.arrivals.get(moved.version)! - sent);
    latencies.push(...each);
    slowest.push(Math.max(...each));
  }
  for (const p of people) p.close();
  const sorted = latencies.sort((a, b) => a - b);
  const lastSorted = slowest.sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1)!),
    lastParticipantP95: round(percentile(lastSorted, 95)),
  };
}

async function scenario(kind: 'sqlite' | 'postgres', instances: 1 | 2) {
  const database = await benchDatabase(kind);
  const targets = [await startTarget('app', database.env)];
  if (instances === 2) targets.push(await startTarget('app', database.env));
  try {
    const figures = await measure(targets);
    return { database: kind, instances, participants, moves, path: instances === 1 ? 'facilitator → everyone, one instance' : 'facilitator on A → participants on A and B', ...figures, target: 'p95 < 250 ms' };
  } finally {
    for (const target of targets.reverse()) await target.stop();
    await database.drop();
  }
}

const rows = [await scenario('sqlite', 1)];
if (await postgresAvailable()) rows.push(await scenario('postgres', 2));
writeResults('meeting', rows);
