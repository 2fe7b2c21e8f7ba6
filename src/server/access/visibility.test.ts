import { describe, expect, it } from 'vitest';
import type { IncidentAccess } from '../../shared/accounts/incident-access.schema.js';
import type { Problem } from '../../shared/errors.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { signedIn, type Browser } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { incidentInput } from '../../../test/support/factories.js';
import type { Actor } from './actor.js';
import { canSeeIncident, visibleIncidentId, visibleIncidents } from './visibility.js';

describe.each(databaseKinds)('restricted incidents on %s', (kind) => {
  const t = useTestApp(kind, testConfig());

  const setup = async () => {
    const commander = await signedIn(t, 'responder');
    const member = await signedIn(t, 'viewer');
    const outsider = await signedIn(t, 'responder');
    const admin = await signedIn(t, 'admin');
    const create = async (as: Browser) => (await as.request<Incident>({ method: 'POST', url: '/api/incidents', payload: incidentInput({ services: ['vault'] }) })).body;
    const open = await create(commander);
    const secret = await create(commander);
    const restricted = await commander.request<IncidentAccess>({ method: 'PUT', url: `/api/incidents/${secret.id}/access`, payload: { restricted: true, memberIds: [member.user.id] } });
    expect(restricted.status).toBe(200);
    const actor = (b: Browser): Actor => ({ userId: b.user.id, name: b.user.name, role: b.user.role });
    return { commander, member, outsider, admin, open, secret, restricted: restricted.body, actor };
  };

  it('restricts an incident to named people; whoever restricts it stays a member', async () => {
    const { commander, member, restricted, secret } = await setup();
    expect(restricted).toEqual({
      incidentId: secret.id,
      restricted: true,
      members: expect.arrayContaining([
        { id: commander.user.id, name: commander.user.name, email: commander.user.email },
        { id: member.user.id, name: member.user.name, email: member.user.email },
      ]),
    });
    expect(restricted.members).toHaveLength(2);
  });

  it('answers whether someone may see an incident: members and admins only when restricted', async () => {
    const { commander, member, outsider, admin, open, secret, actor } = await setup();
    const sees = (who: Actor | null, id: number) => canSeeIncident(t.ctx, who, id);
    for (const who of [actor(commander), actor(member), actor(admin)]) expect(await sees(who, secret.id)).toBe(true);
    expect(await sees(actor(outsider), secret.id)).toBe(false);
    expect(await sees(null, secret.id)).toBe(false);
    expect(await sees(actor(outsider), open.id)).toBe(true);
    expect(await sees(null, open.id)).toBe(true);
    expect(await sees(actor(admin), 999_999)).toBe(false);
  });

  it('filters incident queries, and queries of rows that point at incidents, by what the actor may see', async () => {
    const { member, outsider, admin, open, secret, actor } = await setup();
    const ids = [open.id, secret.id];
    const incidentsSeenBy = async (who: Actor | null) =>
      (await t.ctx.db.selectFrom('incidents').select('incidents.id').where('incidents.id', 'in', ids).where(visibleIncidents(who)).orderBy('incidents.id').execute()).map((r) => r.id);
    const tagsSeenBy = async (who: Actor | null) =>
      (
        await t.ctx.db
          .selectFrom('incident_tags')
          .select('incident_tags.incident_id')
          .where('incident_tags.incident_id', 'in', ids)
          .where(visibleIncidentId(who, 'incident_tags.incident_id'))
          .orderBy('incident_tags.incident_id')
          .execute()
      ).map((r) => r.incident_id);
    for (const query of [incidentsSeenBy, tagsSeenBy]) {
      expect(await query(actor(member))).toEqual(ids);
      expect(await query(actor(admin))).toEqual(ids);
      expect(await query(actor(outsider))).toEqual([open.id]);
      expect(await query(null)).toEqual([open.id]);
    }
  });

  it('hides a restricted incident\'s access list from outsiders (404) and checks the member ids', async () => {
    const { member, outsider, admin, secret } = await setup();
    expect((await outsider.request<Problem>({ method: 'GET', url: `/api/incidents/${secret.id}/access` })).status).toBe(404);
    expect((await outsider.request<Problem>({ method: 'PUT', url: `/api/incidents/${secret.id}/access`, payload: { restricted: false, memberIds: [] } })).status).toBe(404);
    expect((await member.request({ method: 'GET', url: `/api/incidents/${secret.id}/access` })).status).toBe(200);
    expect((await member.request({ method: 'PUT', url: `/api/incidents/${secret.id}/access`, payload: { restricted: false, memberIds: [] } })).status).toBe(403); // a viewer
    const unknown = await admin.request<Problem>({ method: 'PUT', url: `/api/incidents/${secret.id}/access`, payload: { restricted: true, memberIds: [999_999] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'memberIds', in: 'body', message: 'no user with id 999999' }]);
    const opened = await admin.request<IncidentAccess>({ method: 'PUT', url: `/api/incidents/${secret.id}/access`, payload: { restricted: false, memberIds: [] } });
    expect(opened.body).toEqual({ incidentId: secret.id, restricted: false, members: [] });
    expect((await outsider.request({ method: 'GET', url: `/api/incidents/${secret.id}/access` })).status).toBe(200);
  });

  it('records access changes in the audit log against the incident', async () => {
    const { commander, member, secret } = await setup();
    const entries = await t.ctx.db.selectFrom('audit_log').selectAll().where('incident_id', '=', secret.id).where('action', '=', 'incident.access_change').execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'incident.access_change', entity_type: 'incident', entity_id: String(secret.id), actor_user_id: commander.user.id });
    expect(JSON.parse(entries[0]!.before!)).toEqual({ restricted: false, memberIds: [] });
    expect(JSON.parse(entries[0]!.after!)).toEqual({ restricted: true, memberIds: [commander.user.id, member.user.id].sort((a, b) => a - b) });
  });
});
