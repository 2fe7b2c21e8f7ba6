import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { User } from '../../shared/accounts/account.schema.js';
import { incidentCreateSchema } from '../../shared/incidents/incident.schema.js';
import { databaseKinds, testConfig, testContext } from '../../../test/support/databases.js';
import { incidentInput } from '../../../test/support/factories.js';
import { createSharedDatabase, type SharedDatabase } from '../../../test/support/instances.js';
import { useRunners } from '../../../test/support/jobs.js';
import { startSmtpPeer } from '../../../test/support/notification-peers.js';
import { firstAdmin, startServer, type ServerProcess } from '../../../test/support/server-process.js';
import { systemActor } from '../access/actor.js';
import { createUser } from '../accounts/users.service.js';
import { createIncident } from '../incidents/incidents.service.js';
import { requestReview, updateReview } from '../reviews/reviews.service.js';
import { sweepReminders } from './reminders.job.js';

const smtp = await startSmtpPeer();
afterAll(() => smtp.close());

describe.each(databaseKinds)('notifications across restarts and instances on %s', (kind) => {
  let shared: SharedDatabase;
  const servers: ServerProcess[] = [];
  const runners = useRunners();
  beforeAll(async () => {
    shared = await createSharedDatabase(kind);
  });
  afterAll(async () => {
    for (const server of servers) if (server.process.exitCode === null) server.process.kill('SIGKILL');
    await Promise.all(servers.map((server) => server.exited));
    await shared.drop();
  });

  it('delivers a notification enqueued before kill -9 exactly once after the restart', { timeout: 120_000 }, async () => {
    const env = { HINDSIGHT_SMTP_URL: smtp.url };
    // No worker on the first server: the notification is still queued when it is killed.
    const first = await startServer(shared, { ...env, HINDSIGHT_JOBS: 'off' });
    servers.push(first);
    const headers = await firstAdmin(first.baseUrl);
    const call = async <T>(url: string, body: object) => {
      const response = await fetch(`${first.baseUrl}${url}`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (response.status !== 201) throw new Error(`${url}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    const owner = await call<User>('/api/users', { email: `owner-restart-${kind}@example.com`, name: 'Owner Restart', role: 'responder' });
    const incident = await call<{ id: number }>('/api/incidents', incidentInput({ title: `Restart ${kind}` }));
    const review = await call<{ id: number }>(`/api/incidents/${incident.id}/review`, {});
    await call(`/api/reviews/${review.id}/action-items`, { title: `Survive kill -9 on ${kind}`, owner: { userId: owner.id } });
    first.process.kill('SIGKILL');
    await first.exited;
    expect(smtp.received.filter((m) => m.to.includes(owner.email))).toEqual([]);

    const second = await startServer(shared, { ...env, HINDSIGHT_JOBS: 'on', HINDSIGHT_JOB_POLL_MS: '100' });
    servers.push(second);
    await vi.waitFor(() => expect(smtp.received.filter((m) => m.to.includes(owner.email))).toHaveLength(1), { timeout: 60_000, interval: 50 });
    // A while longer: nothing more arrives.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const mails = smtp.received.filter((m) => m.to.includes(owner.email));
    expect(mails.map((m) => m.subject)).toEqual([`You own the action item "Survive kill -9 on ${kind}"`]);
    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('sends each reminder once when two instances sweep at the same moment', { timeout: 60_000 }, async () => {
    const config = testConfig({ HINDSIGHT_SMTP_URL: smtp.url });
    const now = new Date('2026-03-18T09:00:00Z');
    const [a, b] = [testContext(await shared.open(), config, () => now), testContext(await shared.open(), config, () => now)];
    const owners = await Promise.all([1, 2, 3].map((n) => createUser(a, systemActor, { email: `swept-${n}-${kind}@example.com`, name: `Swept ${n}`, role: 'responder' })));
    for (const [n, owner] of owners.entries()) {
      const incident = await createIncident(a, incidentCreateSchema.parse(incidentInput({ title: `Swept ${kind} ${n}` })));
      const { review } = await requestReview(a, incident, { owner: { userId: owner.id } });
      await updateReview(a, review.id, { version: review.version, dueAt: '2026-03-16T23:59:59.999Z' });
    }
    // Both instances sweep at once, several times, and both run the deliveries.
    await Promise.all([sweepReminders(a), sweepReminders(b), sweepReminders(a), sweepReminders(b)]);
    runners(a, a.hooks.jobs);
    runners(b, b.hooks.jobs);
    const overdue = () => smtp.received.filter((m) => m.subject.startsWith(`Review overdue: Swept ${kind} `));
    await vi.waitFor(() => expect(overdue()).toHaveLength(owners.length), { timeout: 30_000, interval: 50 });
    await Promise.all([sweepReminders(b), sweepReminders(a)]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(overdue().map((m) => m.to[0]).sort()).toEqual(owners.map((o) => o.email).sort());
  });
});
