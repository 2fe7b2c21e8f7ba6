import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/accounts/audit.schema.js';
import type { Problem } from '../../shared/errors.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { signedIn, type Browser } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { incidentInput } from '../../../test/support/factories.js';
import type { Actor } from '../access/actor.js';
import { listAudit, recordAudit } from './audit.service.js';

type Page = { items: AuditEntry[]; nextCursor: string | null };

describe.each(databaseKinds)('the audit log on %s', (kind) => {
  const t = useTestApp(kind, testConfig());
  const actorOf = (b: Browser): Actor => ({ userId: b.user.id, name: b.user.name, role: b.user.role });

  it('records a change in the same transaction as the change: rolled back together', async () => {
    const marker = `rollback-${kind}`;
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await recordAudit(trx, null, { action: 'test.change', entityType: 'test', entityId: marker, before: null, after: { x: 1 } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await t.ctx.db.transaction().execute((trx) => recordAudit(trx, null, { action: 'test.change', entityType: 'test', entityId: `${marker}-kept`, before: { x: 1 }, after: null }));
    const rows = await t.ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'test').execute();
    expect(rows).toEqual([expect.objectContaining({ entity_id: `${marker}-kept`, actor_user_id: null, actor_name: 'anonymous', before: '{"x":1}', after: null })]);
  });

  it('is readable by admins only, newest first, filtered by entity, actor, action (or prefix) and time, a page at a time', async () => {
    const admin = await signedIn(t, 'admin');
    const sara = await signedIn(t, 'responder');
    expect((await sara.request<Problem>({ method: 'GET', url: '/api/audit' })).status).toBe(403);

    const start = t.clock.now;
    t.clock.now = new Date(start.getTime() + 60_000);
    await sara.request({ method: 'POST', url: '/api/tokens', payload: { name: 'first', role: 'viewer' } });
    t.clock.now = new Date(start.getTime() + 120_000);
    const second = await sara.request<{ id: number }>({ method: 'POST', url: '/api/tokens', payload: { name: 'second', role: 'viewer' } });
    await sara.request({ method: 'DELETE', url: `/api/tokens/${second.body.id}` });

    const read = async (query: string) => {
      const response = await admin.request<Page>({ method: 'GET', url: `/api/audit?actor=${sara.user.id}&${query}` });
      expect(response.status, query).toBe(200);
      return response.body.items.map((entry) => `${entry.action} ${entry.entityType}`);
    };
    expect(await read('')).toEqual(['api_token.revoke api_token', 'api_token.create api_token', 'api_token.create api_token', 'auth.sign_in user']); // user.create was by the system
    expect(await read('action=api_token.create')).toEqual(['api_token.create api_token', 'api_token.create api_token']);
    expect(await read('action=api_token.*')).toEqual(['api_token.revoke api_token', 'api_token.create api_token', 'api_token.create api_token']);
    expect(await read(`entityType=api_token&entityId=${second.body.id}`)).toEqual(['api_token.revoke api_token', 'api_token.create api_token']);
    const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString().replace('Z', '+00:00'));
    expect(await read(`from=${iso(start.getTime() + 30_000)}&to=${iso(start.getTime() + 90_000)}`)).toEqual(['api_token.create api_token']);

    const [first] = (await admin.request<Page>({ method: 'GET', url: `/api/audit?actor=${sara.user.id}&limit=1` })).body.items;
    expect(first).toEqual({
      id: expect.any(Number),
      at: t.clock.now.toISOString(),
      actor: { userId: sara.user.id, name: sara.user.name },
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: String(second.body.id),
      incidentId: null,
      before: expect.objectContaining({ name: 'second', revokedAt: null }),
      after: expect.objectContaining({ name: 'second', revokedAt: t.clock.now.toISOString() }),
    });

    const seen: number[] = [];
    let url = `/api/audit?actor=${sara.user.id}&limit=2`;
    for (let guard = 0; guard < 10; guard++) {
      const page = (await admin.request<Page>({ method: 'GET', url })).body;
      seen.push(...page.items.map((entry) => entry.id));
      if (!page.nextCursor) break;
      url = `/api/audit?actor=${sara.user.id}&limit=2&cursor=${page.nextCursor}`;
    }
    expect(seen).toHaveLength(4);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    expect((await admin.request<Problem>({ method: 'GET', url: '/api/audit?cursor=forged' })).status).toBe(400);
  });

  it("shows a restricted incident's entries only to its members and admins", async () => {
    const admin = await signedIn(t, 'admin');
    const commander = await signedIn(t, 'responder');
    const outsider = await signedIn(t, 'responder');
    const incident = (await commander.request<Incident>({ method: 'POST', url: '/api/incidents', payload: incidentInput() })).body;
    await commander.request({ method: 'PUT', url: `/api/incidents/${incident.id}/access`, payload: { restricted: true, memberIds: [] } });
    const query = { entityType: 'incident', entityId: String(incident.id), limit: 50 };
    const ids = async (actor: Actor) => (await listAudit(t.ctx, actor, query)).items.map((entry) => entry.action);
    expect(await ids(actorOf(admin))).toEqual(['incident.access_change', 'incident.create']);
    expect(await ids(actorOf(commander))).toEqual(['incident.access_change', 'incident.create']);
    expect(await ids(actorOf(outsider))).toEqual([]);
    const api = await admin.request<Page>({ method: 'GET', url: `/api/audit?incident=1&entityType=incident&entityId=${incident.id}` });
    expect(api.status).toBe(400); // unknown parameter
  });
});
