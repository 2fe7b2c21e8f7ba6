import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import type { Team } from '../../shared/teams/team.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/accounts.js';
import { databaseKinds } from '../../../test/support/databases.js';

describe.each(databaseKinds)('teams on %s', (kind) => {
  const t = useTestApp(kind);
  const create = (payload: object, role: 'admin' | 'responder' | 'viewer' = 'admin') => t.requestAs<Team & Problem>(role, { method: 'POST', url: '/api/teams', payload });

  it('creates, reads, changes and deletes a team, each change audited', async () => {
    const ana = await createUser(t, { name: 'Ana Lima' });
    const bo = await createUser(t, { name: 'Bo Berg' });
    const created = await create({ name: 'Payments', slug: 'payments', services: ['Checkout', 'billing', 'checkout'], memberIds: [bo.id, ana.id], slackChannel: 'C0PAYMENTS' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Payments', slug: 'payments', services: ['billing', 'checkout'], slackChannel: 'C0PAYMENTS', version: 1 });
    expect(created.body.members).toEqual([{ userId: ana.id, name: 'Ana Lima' }, { userId: bo.id, name: 'Bo Berg' }]);

    const read = await t.requestAs<Team>('viewer', { method: 'GET', url: `/api/teams/${created.body.id}` });
    expect(read.body).toEqual(created.body);
    const list = await t.requestAs<{ items: Team[] }>('viewer', { method: 'GET', url: '/api/teams' });
    expect(list.body.items.map((team) => team.slug)).toContain('payments');

    const changed = await t.request<Team>({ method: 'PATCH', url: `/api/teams/${created.body.id}`, payload: { version: 1, services: ['ledger'], memberIds: [ana.id], slackChannel: null } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ services: ['ledger'], members: [{ userId: ana.id }], slackChannel: null, version: 2 });

    const removed = await t.request({ method: 'DELETE', url: `/api/teams/${created.body.id}` });
    expect(removed.status).toBe(204);
    expect((await t.request({ method: 'GET', url: `/api/teams/${created.body.id}` })).status).toBe(404);

    const audit = await t.request<{ items: Array<{ action: string; before: unknown; after: unknown }> }>({ method: 'GET', url: `/api/audit?entityType=team&entityId=${created.body.id}` });
    expect(audit.body.items.map((entry) => entry.action).sort()).toEqual(['team.create', 'team.delete', 'team.update']);
    const update = audit.body.items.find((entry) => entry.action === 'team.update')!;
    expect(update.before).toMatchObject({ services: ['billing', 'checkout'] });
    expect(update.after).toMatchObject({ services: ['ledger'] });
  });

  it('refuses a stale version with 409 and the current team', async () => {
    const team = (await create({ name: 'Search', slug: 'search' })).body;
    await t.request({ method: 'PATCH', url: `/api/teams/${team.id}`, payload: { version: 1, name: 'Search and ranking' } });
    const stale = await t.request<Problem>({ method: 'PATCH', url: `/api/teams/${team.id}`, payload: { version: 1, name: 'Search again' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: { name: 'Search and ranking', version: 2 } });
  });

  it('names the field of bad input: a slug, a channel, an unknown member, a slug taken', async () => {
    const field = async (payload: object) => {
      const response = await create(payload);
      return [response.status, response.body.errors?.[0]?.field];
    };
    expect(await field({ name: 'X', slug: 'Not A Slug' })).toEqual([400, 'slug']);
    expect(await field({ name: '', slug: 'empty-name' })).toEqual([400, 'name']);
    expect(await field({ name: 'X', slug: 'x-channel', slackChannel: 'not a channel' })).toEqual([400, 'slackChannel']);
    expect(await field({ name: 'X', slug: 'x-member', memberIds: [2_000_000] })).toEqual([400, 'memberIds.0']);
    expect(await field({ name: 'X', slug: 'x-services', services: [''] })).toEqual([400, 'services.0']);
    expect(await field({ name: 'X', slug: 'x-extra', owner: 'me' })).toEqual([400, 'owner']);
    await create({ name: 'Taken', slug: 'taken' });
    expect(await field({ name: 'Taken again', slug: 'taken' })).toEqual([409, 'slug']);
    const other = (await create({ name: 'Other', slug: 'other' })).body;
    const rename = await t.request<Problem>({ method: 'PATCH', url: `/api/teams/${other.id}`, payload: { version: 1, slug: 'taken' } });
    expect([rename.status, rename.body.errors?.[0]?.field]).toEqual([409, 'slug']);
  });

  it('lets everyone read teams and only admins change them', async () => {
    const team = (await create({ name: 'Edge', slug: 'edge' })).body;
    for (const role of ['viewer', 'responder'] as const) {
      expect((await t.requestAs(role, { method: 'GET', url: `/api/teams/${team.id}` })).status).toBe(200);
      expect((await create({ name: 'Nope', slug: `nope-${role}` }, role)).status).toBe(403);
      expect((await t.requestAs(role, { method: 'PATCH', url: `/api/teams/${team.id}`, payload: { version: 1, name: 'Nope' } })).status).toBe(403);
      expect((await t.requestAs(role, { method: 'DELETE', url: `/api/teams/${team.id}` })).status).toBe(403);
    }
    expect((await t.requestAs(null, { method: 'GET', url: '/api/teams' })).status).toBe(401);
  });
});
