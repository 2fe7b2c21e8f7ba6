import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/accounts/audit.schema.js';
import type { Problem } from '../../shared/errors.js';
import type { Job, JobDetail, JobSummary } from '../../shared/jobs/job.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { signedIn } from '../../../test/support/accounts.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { useRunners } from '../../../test/support/jobs.js';
import { jobMetrics } from './jobs.service.js';
import { appHooks } from '../wiring.js';

type Page = { items: Job[]; nextCursor: string | null };

describe.each(databaseKinds)('the job queue for admins on %s', (kind) => {
  const t = useTestApp(kind);
  const runner = useRunners();
  const job = async (id: number) => (await t.request<JobDetail>({ method: 'GET', url: `/api/admin/jobs/${id}` })).body;
  const until = async (id: number, check: (job: JobDetail) => boolean) => {
    for (let i = 0; i < 500; i++) {
      const current = await job(id);
      if (check(current)) return current;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`job ${id} never got there: ${JSON.stringify(await job(id))}`);
  };

  it('pings the worker: the ping is audited, and done once a runner runs, naming the instance that ran it', async () => {
    const admin = await signedIn(t, 'admin');
    const ping = await admin.request<JobDetail>({ method: 'POST', url: '/api/admin/jobs/ping', payload: {} });
    expect(ping.status).toBe(201);
    expect(ping.body).toMatchObject({ kind: 'system.ping', state: 'queued', attempts: 0, maxAttempts: 3, payload: { failAttempts: 0 }, lastError: null, steps: [] });
    const audit = await t.request<{ items: AuditEntry[] }>({ method: 'GET', url: `/api/audit?entityType=job&entityId=${ping.body.id}` });
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'job.enqueue', actor: { userId: admin.user.id, name: admin.user.name } })]);

    const instance = runner(t.ctx, t.ctx.hooks.jobs);
    const done = await until(ping.body.id, (j) => j.state === 'done');
    expect(done).toMatchObject({ attempts: 1, worker: instance.instanceId, finishedAt: t.clock.now.toISOString(), lockedUntil: null });
  });

  it('shows a failed job with its error, lets an admin retry it, and it then runs (the failure drill)', async () => {
    runner(t.ctx, t.ctx.hooks.jobs);
    const start = t.clock.now.getTime();
    const ping = (await t.request<JobDetail>({ method: 'POST', url: '/api/admin/jobs/ping', payload: { failAttempts: 3 } })).body;
    let failing = await until(ping.id, (j) => j.attempts === 1 && j.state === 'queued');
    expect(failing).toMatchObject({ retrying: true, lastError: { message: 'Ping failed on purpose (attempt 1; asked to fail 3)', attempt: 1 } });
    expect(failing.lastError?.stack).toMatch(/system\.jobs\.ts/);
    const retrying = await t.request<Page>({ method: 'GET', url: '/api/admin/jobs?state=retrying&kind=system.ping' });
    expect(retrying.body.items.map((j) => j.id)).toEqual([ping.id]);

    // Retrying a failing job runs it now rather than after its backoff.
    const early = await t.request<Job>({ method: 'POST', url: `/api/admin/jobs/${ping.id}/retry` });
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({ state: 'queued', runAt: t.clock.now.toISOString() });
    failing = await until(ping.id, (j) => j.attempts === 2 && j.state === 'queued');
    t.clock.now = new Date(start + 60_000);
    const dead = await until(ping.id, (j) => j.state === 'dead');
    expect(dead).toMatchObject({ attempts: 3, maxAttempts: 3, finishedAt: t.clock.now.toISOString(), lastError: { message: 'Ping failed on purpose (attempt 3; asked to fail 3)', attempt: 3 } });
    expect((await t.request<Page>({ method: 'GET', url: '/api/admin/jobs?state=dead' })).body.items.map((j) => j.id)).toContain(ping.id);

    const retried = await t.request<Job>({ method: 'POST', url: `/api/admin/jobs/${ping.id}/retry` });
    expect(retried.body).toMatchObject({ state: 'queued', attempts: 3, maxAttempts: 4, finishedAt: null });
    const done = await until(ping.id, (j) => j.state === 'done');
    expect(done).toMatchObject({ attempts: 4, lastError: { attempt: 3 } });

    const audit = await t.request<{ items: AuditEntry[] }>({ method: 'GET', url: `/api/audit?entityType=job&entityId=${ping.id}` });
    expect(audit.body.items.map((entry) => entry.action)).toEqual(['job.retry', 'job.retry', 'job.enqueue']);
    expect(audit.body.items[0]).toMatchObject({ before: { state: 'dead', attempts: 3, maxAttempts: 3 }, after: { state: 'queued', attempts: 3, maxAttempts: 4 } });

    const again = await t.request<Problem>({ method: 'POST', url: `/api/admin/jobs/${ping.id}/retry` });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/is done: only a dead job/);
    expect((await t.request<Problem>({ method: 'POST', url: '/api/admin/jobs/999999/retry' })).status).toBe(404);
    expect((await t.request<Problem>({ method: 'GET', url: '/api/admin/jobs/999999' })).status).toBe(404);
  });

  it('lists jobs newest first, by state and kind, a page at a time; counts them per state', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await t.request<JobDetail>({ method: 'POST', url: '/api/admin/jobs/ping', payload: {} })).body.id);
    const seen: number[] = [];
    let url = '/api/admin/jobs?state=queued&kind=system.ping&limit=2';
    for (let guard = 0; guard < 10; guard++) {
      const page = (await t.request<Page>({ method: 'GET', url })).body;
      seen.push(...page.items.map((j) => j.id));
      if (!page.nextCursor) break;
      url = `/api/admin/jobs?state=queued&kind=system.ping&limit=2&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual([...ids].reverse());
    expect((await t.request<Page>({ method: 'GET', url: '/api/admin/jobs?kind=accounts.prune' })).body.items).toEqual([]);

    const summary = (await t.request<JobSummary>({ method: 'GET', url: '/api/admin/jobs/summary' })).body;
    expect(summary.counts).toMatchObject({ queued: 5, retrying: 0, running: 0, dead: 0 });
    expect(summary.counts.done).toBeGreaterThanOrEqual(2);
    // Every job kind and schedule the composition root lists (wiring.ts), in the summary's order.
    expect(summary.kinds).toEqual(appHooks().jobs.map((job) => job.kind).sort());
    expect(summary.schedules.map((s) => [s.name, s.cron])).toEqual(appHooks().jobSchedules.map((s) => [s.name, s.cron]));
    expect(summary.kinds).toEqual(expect.arrayContaining(['accounts.prune', 'events.prune', 'search.index-review', 'system.ping']));
    const metrics = await jobMetrics(t.ctx);
    expect(metrics.depth).toEqual(summary.counts);
    expect(metrics.failedAttemptsTotal).toBeGreaterThanOrEqual(3); // the drill above
  });

  it('refuses bad input naming the field, and anyone but an admin', async () => {
    const bad = await t.request<Problem>({ method: 'POST', url: '/api/admin/jobs/ping', payload: { failAttempts: 11 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'failAttempts', in: 'body' })]);
    const state = await t.request<Problem>({ method: 'GET', url: '/api/admin/jobs?state=failed' });
    expect(state.body.errors).toEqual([expect.objectContaining({ field: 'state', in: 'query' })]);
    expect((await t.request<Problem>({ method: 'GET', url: '/api/admin/jobs?cursor=forged' })).status).toBe(400);
    const responder = await signedIn(t, 'responder');
    expect((await responder.request({ method: 'GET', url: '/api/admin/jobs' })).status).toBe(403);
    expect((await responder.request({ method: 'POST', url: '/api/admin/jobs/ping', payload: {} })).status).toBe(403);
  });
});
