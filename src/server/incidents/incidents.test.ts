import { describe, expect, it } from 'vitest';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { Problem } from '../../shared/errors.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createIncident, incidentInput } from '../../../test/support/factories.js';
import { createReview } from '../../../test/support/reviews.js';
import { signedIn } from '../../../test/support/accounts.js';

type Page = { items: Incident[]; nextCursor: string | null };

describe.each(databaseKinds)('incidents on %s', (kind) => {
  const t = useTestApp(kind);

  it('creates and reads an incident, keeping every timestamp exactly as given', async () => {
    const created = await createIncident(t, {
      title: 'Payments failing',
      severity: 'sev2',
      userFacing: true,
      services: ['payments', 'api'],
      labels: ['database'],
      commander: 'Priya Natarajan',
      responders: ['Sara Lind', 'Bob Marley'],
      customerImpact: 'Card payments failed for 38 minutes',
      impactStartedAt: '2026-03-29T01:55:00+01:00',
      detectedAt: '2026-03-29T03:02:30.250+02:00',
      respondedAt: '2026-03-29T01:10:00Z',
    });
    expect(created).toMatchObject({
      id: expect.any(Number),
      status: 'active',
      version: 1,
      review: null,
      impactStartedAt: '2026-03-29T01:55:00+01:00',
      detectedAt: '2026-03-29T03:02:30.250+02:00',
      respondedAt: '2026-03-29T01:10:00Z',
      mitigatedAt: null,
      resolvedAt: null,
    });
    const read = await t.request<Incident>({ method: 'GET', url: `/api/incidents/${created.id}` });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created);
  });

  it('serves repeated reads (from the read cache on SQLite) that follow every change of the incident and of who may see it', async () => {
    const [commander, member, outsider] = [await signedIn(t, 'responder'), await signedIn(t, 'viewer'), await signedIn(t, 'viewer')];
    const created = (await commander.request<Incident>({ method: 'POST', url: '/api/incidents', payload: incidentInput() })).body;
    const read = (as: typeof outsider) => as.request<Incident>({ method: 'GET', url: `/api/incidents/${created.id}` });
    for (let i = 0; i < 2; i++) expect((await read(outsider)).body).toEqual(created);
    const setAccess = (restricted: boolean) => commander.request({ method: 'PUT', url: `/api/incidents/${created.id}/access`, payload: { restricted, memberIds: [member.user.id] } });
    expect((await setAccess(true)).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      expect((await read(outsider)).status).toBe(404);
      expect((await read(member)).body).toMatchObject({ id: created.id, restricted: true });
    }
    expect((await setAccess(false)).status).toBe(200);
    expect((await read(outsider)).body).toMatchObject({ id: created.id, restricted: false });
    const renamed = await commander.request<Incident>({ method: 'PATCH', url: `/api/incidents/${created.id}`, payload: { title: 'Renamed', version: created.version } });
    expect(renamed.status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await read(outsider)).body).toEqual(renamed.body);
  });

  it('answers a create exactly as a later read: restricted, resolved at once and so with its review', async () => {
    for (const body of [
      { title: 'Payroll export leaked', severity: 'sev1', userFacing: true, restricted: true, status: 'resolved', labels: ['security'], services: ['payroll'], responders: ['Sara Lind'] },
      { title: 'Minor blip', severity: 'sev4', customerImpact: 'none' },
    ]) {
      const created = (await t.request<Incident>({ method: 'POST', url: '/api/incidents', payload: body })).body;
      const read = await t.request<Incident>({ method: 'GET', url: `/api/incidents/${created.id}` });
      expect(read.body, body.title).toEqual(created);
    }
  });

  it('stamps resolvedAt when an incident is created or marked resolved without it, and leaves an unrecorded mitigation unknown', async () => {
    const incident = await createIncident(t, { status: 'resolved' });
    expect(incident.resolvedAt).not.toBeNull();
    expect(incident.mitigatedAt).toBeNull();

    const active = await createIncident(t, {});
    const resolved = await t.request<Incident>({ method: 'POST', url: `/api/incidents/${active.id}/resolve`, payload: {} });
    expect(resolved.body).toMatchObject({ status: 'resolved', mitigatedAt: null, resolvedAt: expect.any(String) });
    const metrics = await t.request<{ items: Array<{ key: string; status: string }> }>({ method: 'GET', url: `/api/incidents/${active.id}/metrics` });
    expect(metrics.body.items.find((m) => m.key === 'timeToMitigate')).toMatchObject({ status: 'unknown' });

    const mitigated = await createIncident(t, { status: 'mitigated' });
    expect(mitigated.mitigatedAt).not.toBeNull();
  });

  it('answers 404 as problem+json for an unknown incident', async () => {
    const response = await t.request<Problem>({ method: 'GET', url: '/api/incidents/999999' });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'not_found', status: 404 });
  });

  describe('listing', () => {
    const marker = `list-${kind}`;
    const seed = async () => {
      const make = (overrides: Parameters<typeof createIncident>[1]) => createIncident(t, { labels: [marker], ...overrides });
      return {
        a: await make({ severity: 'sev1', services: ['Payments'], impactStartedAt: '2026-01-05T10:00:00Z', status: 'resolved' }),
        b: await make({ severity: 'sev2', services: ['search'], labels: [marker, 'review-requested'], impactStartedAt: '2026-02-05T10:00:00+01:00' }),
        c: await make({ severity: 'sev3', services: ['payments', 'search'], impactStartedAt: '2026-03-05T10:00:00-05:00', status: 'mitigated' }),
        d: await make({ severity: 'sev4', services: ['auth'], title: 'Login 100% broken_flag', impactStartedAt: '2026-04-05T10:00:00Z' }),
      };
    };
    const list = async (query: string) => {
      const response = await t.request<Page>({ method: 'GET', url: `/api/incidents?label=${marker}&${query}` });
      expect(response.status).toBe(200);
      return response.body.items.map((incident) => incident.title);
    };

    it('filters by status, severity, service, label, date range and title words', async () => {
      const { a, b, c, d } = await seed();
      expect(await list('')).toEqual([d.title, c.title, b.title, a.title]);
      expect(await list('status=resolved,mitigated')).toEqual([c.title, a.title]);
      expect(await list('severity=sev1&severity=sev2')).toEqual([b.title, a.title]);
      expect(await list('service=payments')).toEqual([c.title, a.title]);
      expect(await list('service=search&severity=sev2')).toEqual([b.title]);
      expect(await list('service=pay')).toEqual([c.title, a.title]);
      expect(await list('service=PAY')).toEqual([c.title, a.title]);
      expect(await t.request<Page>({ method: 'GET', url: `/api/incidents?label=REVIEW-requested` }).then((r) => r.body.items.map((i) => i.id))).toContain(b.id);
      expect(await list(`from=${encodeURIComponent('2026-02-05T09:00:00Z')}&to=${encodeURIComponent('2026-04-01T00:00:00Z')}`)).toEqual([c.title, b.title]);
      expect(await list('q=100%25%20broken_')).toEqual([d.title]);
      expect(await list('q=broken%25flag')).toEqual([]);
    });

    it('pages with a cursor without skipping or repeating', async () => {
      const seen: string[] = [];
      let url = `/api/incidents?label=${marker}&limit=3`;
      for (let guard = 0; guard < 10; guard++) {
        const response = await t.request<Page>({ method: 'GET', url });
        seen.push(...response.body.items.map((i) => String(i.id)));
        if (!response.body.nextCursor) break;
        url = `/api/incidents?label=${marker}&limit=3&cursor=${response.body.nextCursor}`;
      }
      const all = await t.request<Page>({ method: 'GET', url: `/api/incidents?label=${marker}&limit=200` });
      expect(seen).toEqual(all.body.items.map((i) => String(i.id)));
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThan(3);
    });

    it('rejects a forged cursor and bad filters naming the parameter', async () => {
      const forged = await t.request<Problem>({ method: 'GET', url: '/api/incidents?cursor=nonsense' });
      expect(forged.status).toBe(400);
      expect(forged.body.errors).toEqual([{ field: 'cursor', in: 'query', message: expect.any(String) }]);
      const badSeverity = await t.request<Problem>({ method: 'GET', url: '/api/incidents?severity=sev9' });
      expect(badSeverity.status).toBe(400);
      expect(badSeverity.body.errors?.[0]).toMatchObject({ field: expect.stringMatching(/^severity/), in: 'query' });
    });
  });

  describe('services', () => {
    // Unique per run: the database is shared by the tests of a file.
    const tok = `s${kind}${Math.random().toString(36).slice(2, 7)}`;
    const names = (body: { items: Array<{ name: string }> }) => body.items.map((s) => s.name);

    it('matches the service filter and the services list by the starts of words, and keeps restricted services from non-members', async () => {
      const open = await createIncident(t, { services: [`${tok}payments-api`, `${tok}search`], labels: [tok] });
      const worker = await createIncident(t, { services: [`${tok}payments-api`, `${tok}payments_worker`], labels: [tok] });
      const secret = await createIncident(t, { services: [`${tok}payroll-secret`], labels: [tok], restricted: true });

      const all = await t.request<{ items: Array<{ name: string; incidents: number }> }>({ method: 'GET', url: `/api/services?q=${tok}pay` });
      expect(all.status).toBe(200);
      expect(all.body.items).toEqual([
        { name: `${tok}payments-api`, incidents: 2 },
        { name: `${tok}payments_worker`, incidents: 1 },
        { name: `${tok}payroll-secret`, incidents: 1 },
      ]);
      expect(names((await t.request<{ items: Array<{ name: string }> }>({ method: 'GET', url: `/api/services?q=${encodeURIComponent(`${tok}PAYMENTS api`)}` })).body)).toEqual([`${tok}payments-api`]);
      expect(names((await t.request<{ items: Array<{ name: string }> }>({ method: 'GET', url: `/api/services?q=${tok}pay%25` })).body)).toEqual([]);
      expect(names((await t.request<{ items: Array<{ name: string }> }>({ method: 'GET', url: `/api/services?q=${tok}&limit=1` })).body)).toEqual([`${tok}payments-api`]);

      const viewer = await signedIn(t, 'viewer');
      const seen = await viewer.request<{ items: Array<{ name: string }> }>({ method: 'GET', url: `/api/services?q=${tok}` });
      expect(names(seen.body)).not.toContain(`${tok}payroll-secret`);
      expect(names(seen.body)).toContain(`${tok}search`);
      const filtered = await viewer.request<Page>({ method: 'GET', url: `/api/incidents?service=${tok}payroll` });
      expect(filtered.body.items.map((i) => i.id)).not.toContain(secret.id);

      const byWord = await t.request<Page>({ method: 'GET', url: `/api/incidents?label=${tok}&service=${tok}payments` });
      expect(byWord.body.items).toHaveLength(2);
      const byLaterWord = await t.request<Page>({ method: 'GET', url: `/api/incidents?label=${tok}&service=work` });
      expect(byLaterWord.body.items.map((i) => i.id)).toEqual([worker.id]);
      const byName = await t.request<Page>({ method: 'GET', url: `/api/incidents?label=${tok}&service=${tok}search` });
      expect(byName.body.items.map((i) => i.id)).toEqual([open.id]);
    });

    it('rejects a bad limit naming the parameter', async () => {
      const response = await t.request<Problem>({ method: 'GET', url: '/api/services?limit=500' });
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]).toMatchObject({ field: 'limit', in: 'query' });
    });
  });

  describe('editing', () => {
    it('updates fields with the current version and bumps it', async () => {
      const incident = await createIncident(t);
      const response = await t.request<Incident>({
        method: 'PATCH',
        url: `/api/incidents/${incident.id}`,
        payload: { version: 1, severity: 'sev2', mitigatedAt: '2026-03-10T10:15:00+01:00', status: 'mitigated' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ severity: 'sev2', status: 'mitigated', mitigatedAt: '2026-03-10T10:15:00+01:00', version: 2 });
      expect(response.body.title).toBe(incident.title);
    });

    it('refuses a stale version with 409 and the current incident, changing nothing', async () => {
      const incident = await createIncident(t);
      await t.request({ method: 'PATCH', url: `/api/incidents/${incident.id}`, payload: { version: 1, title: 'First edit wins' } });
      const stale = await t.request<Problem>({ method: 'PATCH', url: `/api/incidents/${incident.id}`, payload: { version: 1, title: 'Second edit' } });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('version_conflict');
      expect(stale.body.current).toMatchObject({ title: 'First edit wins', version: 2 });
      const read = await t.request<Incident>({ method: 'GET', url: `/api/incidents/${incident.id}` });
      expect(read.body).toMatchObject({ title: 'First edit wins', version: 2 });
    });

    it('adds and removes labels as events, whatever the version', async () => {
      const incident = await createIncident(t, { labels: ['db'] });
      const added = await t.request<Incident>({ method: 'POST', url: `/api/incidents/${incident.id}/labels`, payload: { label: 'customer-visible' } });
      expect(added.body.labels).toEqual(['db', 'customer-visible']);
      const again = await t.request<Incident>({ method: 'POST', url: `/api/incidents/${incident.id}/labels`, payload: { label: 'Customer-Visible' } });
      expect(again.body.labels).toEqual(['db', 'customer-visible']);
      const removed = await t.request<Incident>({ method: 'DELETE', url: `/api/incidents/${incident.id}/labels/db` });
      expect(removed.body.labels).toEqual(['customer-visible']);
      const byLabel = await t.request<Page>({ method: 'GET', url: '/api/incidents?label=db' });
      expect(byLabel.body.items.map((i) => i.id)).not.toContain(incident.id);
    });

    it('holds the 50-label limit when labels are added one at a time, as create and edit do', async () => {
      const labels = Array.from({ length: 50 }, (_, i) => `label-${i}`);
      const { incident, review } = await createReview(t, { labels });
      expect((await t.request({ method: 'POST', url: '/api/incidents', payload: incidentInput({ labels: [...labels, 'one-more'] }) })).status).toBe(400);
      expect((await t.request({ method: 'PATCH', url: `/api/incidents/${incident.id}`, payload: { version: incident.version, labels: [...labels, 'one-more'] } })).status).toBe(400);
      const added = await t.request<Problem>({ method: 'POST', url: `/api/incidents/${incident.id}/labels`, payload: { label: 'one-more' } });
      expect([added.status, added.body.errors?.map((e) => e.field)]).toEqual([400, ['label']]);
      // One it already has is no 51st: nothing changes.
      const again = await t.request<Incident>({ method: 'POST', url: `/api/incidents/${incident.id}/labels`, payload: { label: 'LABEL-7' } });
      expect([again.status, again.body.labels.length, again.body.version]).toEqual([200, 50, incident.version]);
      expect((await t.request({ method: 'GET', url: `/api/reviews/${review.id}/document` })).status).toBe(200);
    });
  });
});
