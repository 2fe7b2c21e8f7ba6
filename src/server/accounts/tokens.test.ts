import { describe, expect, it } from 'vitest';
import type { Session, User } from '../../shared/accounts/account.schema.js';
import type { ApiToken, ApiTokenCreated } from '../../shared/accounts/token.schema.js';
import type { Problem } from '../../shared/errors.js';
import { useTestApp } from '../../../test/support/app.js';
import { apiToken, signedIn } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { incidentInput } from '../../../test/support/factories.js';
import { sha256 } from './secrets.js';

const DAY = 24 * 3600_000;

describe.each(databaseKinds)('API tokens on %s', (kind) => {
  const t = useTestApp(kind, testConfig());

  it('shows the secret once and stores only its hash', async () => {
    const sara = await signedIn(t, 'responder');
    const created = await sara.request<ApiTokenCreated>({ method: 'POST', url: '/api/tokens', payload: { name: 'deploy bot', role: 'responder', expiresInDays: 30 } });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.body).toMatchObject({ name: 'deploy bot', role: 'responder', status: 'active', lastUsedAt: null, revokedAt: null });
    expect(created.body.token).toMatch(/^hst_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(created.body.expiresAt!) - t.clock.now.getTime()).toBe(30 * DAY);

    const list = await sara.request<{ items: ApiToken[] }>({ method: 'GET', url: '/api/tokens' });
    expect(list.body.items).toEqual([{ ...created.body, token: undefined }].map(({ token: _token, ...rest }) => rest));
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);

    const rows = await t.ctx.db.selectFrom('api_tokens').selectAll().where('user_id', '=', sara.user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(sha256(created.body.token));
    const everything = JSON.stringify([rows, await t.ctx.db.selectFrom('audit_log').selectAll().execute()]);
    expect(everything).not.toContain(created.body.token);
    expect(everything).not.toContain(created.body.token.slice(4));
  });

  it('accepts the token as a Bearer credential, with no CSRF header needed, and notes when it was used', async () => {
    const sara = await signedIn(t, 'responder');
    const token = await apiToken(t, sara, 'responder');
    const session = await token.request<Session>({ method: 'GET', url: '/api/auth/session' });
    expect(session.body).toMatchObject({ via: 'token', csrfToken: null, user: { id: sara.user.id, role: 'responder' } });
    const created = await token.request({ method: 'POST', url: '/api/incidents', payload: incidentInput() });
    expect(created.status).toBe(201);
    const [listed] = (await sara.request<{ items: ApiToken[] }>({ method: 'GET', url: '/api/tokens' })).body.items;
    expect(listed?.lastUsedAt).toBe(t.clock.now.toISOString());
  });

  it('acts as the lower of its ceiling and its user\'s current role', async () => {
    const admin = await signedIn(t, 'admin');
    const viewerToken = await apiToken(t, admin, 'viewer');
    expect((await viewerToken.request({ method: 'GET', url: '/api/incidents' })).status).toBe(200);
    expect((await viewerToken.request({ method: 'POST', url: '/api/incidents', payload: incidentInput() })).status).toBe(403);
    expect((await viewerToken.request({ method: 'GET', url: '/api/users' })).status).toBe(403);

    const adminToken = await apiToken(t, admin, 'admin');
    expect((await adminToken.request({ method: 'GET', url: '/api/users' })).status).toBe(200);
    const other = await signedIn(t, 'admin'); // so that `admin` is not the last admin
    const demoted = await other.request<User>({ method: 'PATCH', url: `/api/users/${admin.user.id}`, payload: { version: admin.user.version, role: 'responder' } });
    expect(demoted.status).toBe(200);
    expect((await adminToken.request({ method: 'GET', url: '/api/users' })).status).toBe(403);
    expect((await adminToken.request<Session>({ method: 'GET', url: '/api/auth/session' })).body.user.role).toBe('responder');
  });

  it('refuses a ceiling above your role, both expiry forms at once, a past or too distant expiry', async () => {
    const sara = await signedIn(t, 'responder');
    const create = (payload: object) => sara.request<Problem>({ method: 'POST', url: '/api/tokens', payload: { name: 'x', role: 'viewer', ...payload } });
    const cases: Array<[object, string]> = [
      [{ role: 'admin' }, 'role'],
      [{ expiresInDays: 5, expiresAt: '2099-01-01T00:00:00Z' }, 'expiresInDays'],
      [{ expiresAt: new Date(t.clock.now.getTime() - 1000).toISOString() }, 'expiresAt'],
      [{ expiresAt: new Date(t.clock.now.getTime() + 400 * DAY).toISOString() }, 'expiresAt'],
      [{ expiresInDays: 367 }, 'expiresInDays'],
      [{ expiresInDays: 0 }, 'expiresInDays'],
    ];
    for (const [payload, field] of cases) {
      const response = await create(payload);
      expect(response.status, JSON.stringify(payload)).toBe(400);
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    }
    const defaulted = await sara.request<ApiTokenCreated>({ method: 'POST', url: '/api/tokens', payload: { name: 'default expiry', role: 'viewer' } });
    expect(Date.parse(defaulted.body.expiresAt!) - t.clock.now.getTime()).toBe(90 * DAY);
    const inTenDays = new Date(Math.floor(t.clock.now.getTime() / 1000) * 1000 + 10 * DAY);
    const withOffset = new Date(inTenDays.getTime() + 2 * 3600_000).toISOString().replace(/\.000Z$/, '+02:00');
    const exact = await sara.request<ApiTokenCreated>({ method: 'POST', url: '/api/tokens', payload: { name: 'exact', role: 'viewer', expiresAt: withOffset } });
    expect(exact.body.expiresAt).toBe(inTenDays.toISOString());
  });

  it('stops working when it expires', async () => {
    const sara = await signedIn(t);
    const token = await apiToken(t, sara, 'viewer', { expiresInDays: 1 });
    expect((await token.request({ method: 'GET', url: '/api/incidents' })).status).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + DAY);
    const expired = await token.request<Problem>({ method: 'GET', url: '/api/incidents' });
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toMatch(/expired/);
    const listed = (await sara.request<{ items: ApiToken[] }>({ method: 'GET', url: '/api/tokens' })).body.items.find((item) => item.id === token.id);
    expect(listed?.status).toBe('expired');
  });

  it('revokes: the owner (or an admin) only, idempotent, recorded in the audit log', async () => {
    const sara = await signedIn(t, 'responder');
    const bob = await signedIn(t, 'responder');
    const admin = await signedIn(t, 'admin');
    const token = await apiToken(t, sara, 'responder');
    expect((await bob.request<Problem>({ method: 'DELETE', url: `/api/tokens/${token.id}` })).status).toBe(404);
    expect((await token.request({ method: 'GET', url: '/api/incidents' })).status).toBe(200);

    expect((await sara.request({ method: 'DELETE', url: `/api/tokens/${token.id}` })).status).toBe(204);
    expect((await token.request({ method: 'GET', url: '/api/incidents' })).status).toBe(401);
    expect((await sara.request({ method: 'DELETE', url: `/api/tokens/${token.id}` })).status).toBe(204);
    const listed = (await sara.request<{ items: ApiToken[] }>({ method: 'GET', url: '/api/tokens' })).body.items[0];
    expect(listed).toMatchObject({ id: token.id, status: 'revoked', revokedAt: t.clock.now.toISOString() });

    const another = await apiToken(t, sara, 'viewer');
    expect((await admin.request({ method: 'DELETE', url: `/api/tokens/${another.id}` })).status).toBe(204);
    expect((await another.request({ method: 'GET', url: '/api/incidents' })).status).toBe(401);

    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'entity_id']).where('entity_type', '=', 'api_token').where('entity_id', 'in', [String(token.id), String(another.id)]).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'api_token.create', actor_user_id: sara.user.id, entity_id: String(token.id) },
      { action: 'api_token.revoke', actor_user_id: sara.user.id, entity_id: String(token.id) },
      { action: 'api_token.create', actor_user_id: sara.user.id, entity_id: String(another.id) },
      { action: 'api_token.revoke', actor_user_id: admin.user.id, entity_id: String(another.id) },
    ]);
  });

  it("stops working when its user is disabled, and cannot mint tokens", async () => {
    const sara = await signedIn(t, 'responder');
    const admin = await signedIn(t, 'admin');
    const token = await apiToken(t, sara, 'responder');
    const minted = await token.request<Problem>({ method: 'POST', url: '/api/tokens', payload: { name: 'child', role: 'viewer' } });
    expect(minted.status).toBe(403);
    expect(minted.body.detail).toMatch(/not with another API token/);
    await admin.request({ method: 'PATCH', url: `/api/users/${sara.user.id}`, payload: { version: sara.user.version, disabled: true } });
    expect((await token.request({ method: 'GET', url: '/api/incidents' })).status).toBe(401);
  });

  it('answers 401 to a malformed or unknown Bearer token, even on public routes', async () => {
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer not-a-token', `Bearer hst_${'A'.repeat(43)}`]) {
      const response = await t.request<Problem>({ method: 'GET', url: '/api/auth/providers', headers: { authorization } });
      expect(response.status, authorization).toBe(401);
      expect(response.body.code).toBe('unauthenticated');
    }
  });
});
