/**
 * Notifications: delivery latency from a committed change to the SMTP server (F14). An action item
 * is created with an owner (its event recorded in the change's transaction), then the event job
 * decides the message, the delivery job sends it over SMTP to a real local server (smtp-server);
 * latency is from the change's commit to the server's receipt of the whole mail. Two paces: a steady
 * 20 changes/s, and a burst of 200 at once. Default job settings (10 at once, 1 s idle poll).
 */
import { actionItemCreateSchema } from '../src/shared/actions/action-item.schema.js';
import { incidentCreateSchema } from '../src/shared/incidents/incident.schema.js';
import { systemActor } from '../src/server/access/actor.js';
import { createActionItem } from '../src/server/actions/action-items.service.js';
import { createUser } from '../src/server/accounts/users.service.js';
import { loadConfig } from '../src/server/config.js';
import { createAppContext, type AppContext } from '../src/server/context.js';
import { openDatabase } from '../src/server/db/kysely.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { createIncident } from '../src/server/incidents/incidents.service.js';
import { startJobs } from '../src/server/jobs/start-jobs.js';
import { requestReview } from '../src/server/reviews/reviews.service.js';
import { startSmtpPeer } from '../test/support/notification-peers.js';
import { benchDatabase, postgresAvailable, writeResults } from './support/harness.js';

const STEADY = { count: 200, perSecond: 20 };
const BURST = 200;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function measure(kind: 'sqlite' | 'postgres') {
  const smtp = await startSmtpPeer();
  const database = await benchDatabase(kind);
  const config = loadConfig({ ...database.env, HINDSIGHT_LOG_LEVEL: 'silent', HINDSIGHT_SMTP_URL: smtp.url });
  const handle = openDatabase(config.database);
  const ctx: AppContext = createAppContext(handle, config);
  const rows: Array<Record<string, unknown>> = [];
  try {
    await migrateToLatest(handle.db);
    const jobs = startJobs(ctx, { definitions: ctx.hooks.jobs, schedules: [] });
    const owners = await Promise.all(Array.from({ length: 20 }, (_, n) => createUser(ctx, systemActor, { email: `owner${n}@bench.example.com`, name: `Owner ${n}`, role: 'responder' })));
    const incident = await createIncident(ctx, incidentCreateSchema.parse({ title: 'Bench incident', severity: 'sev2', userFacing: true, services: ['checkout'], labels: [], commander: 'Bench', impactStartedAt: '2026-03-10T09:00:00Z' }));
    const { review } = await requestReview(ctx, incident, {});
    let serial = 0;
    const committed = new Map<string, number>();
    const change = async () => {
      const title = `Bench item ${++serial}`;
      await createActionItem(ctx, review.id, actionItemCreateSchema.parse({ title, owner: { userId: owners[serial % owners.length]!.id } }));
      committed.set(`You own the action item "${title}"`, performance.timeOrigin + performance.now());
    };
    const waitForAll = async (total: number) => {
      const deadline = Date.now() + 120_000;
      while (smtp.received.length < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    const latencies = (from: number) => smtp.received.slice(from).flatMap((mail) => (committed.has(mail.subject) ? [mail.receivedAt - committed.get(mail.subject)!] : []));

    await change(); // warm-up
    await waitForAll(1);
    for (const [name, run, count] of [
      ['steady 20/s', async () => {
        for (let i = 0; i < STEADY.count; i++) {
          const started = Date.now();
          await change();
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 / STEADY.perSecond - (Date.now() - started))));
        }
      }, STEADY.count],
      ['burst of 200', async () => {
        await Promise.all(Array.from({ length: BURST }, change));
      }, BURST],
    ] as const) {
      const from = smtp.received.length;
      await run();
      await waitForAll(from + count);
      const measured = latencies(from);
      const duplicates = measured.length - new Set(smtp.received.slice(from).map((m) => m.subject)).size;
      rows.push({
        database: kind,
        load: name,
        mails: measured.length,
        duplicates,
        'p50 ms': Math.round(percentile(measured, 50)),
        'p95 ms': Math.round(percentile(measured, 95)),
        'max ms': Math.round(Math.max(...measured)),
      });
    }
    await jobs.stop();
  } finally {
    await handle.close();
    await database.drop();
    await smtp.close();
  }
  return rows;
}

const kinds: Array<'sqlite' | 'postgres'> = (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
const rows = [];
for (const kind of kinds) rows.push(...(await measure(kind)));
writeResults('notifications', rows);
