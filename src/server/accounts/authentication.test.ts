import { describe, expect, it } from 'vitest';
import type { User } from '../../shared/accounts/account.schema.js';
import type { Role } from '../../shared/accounts/roles.js';
import type { Problem } from '../../shared/errors.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { apiToken, signedIn, signIn, type Browser } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { incidentInput } from '../../../test/support/factories.js';

describe.each(databaseKinds)('authentication and roles on %s', (kind) => {
  const t = useTestApp(kind, testConfig());

  it('leaves health, sign-in methods, setup status and the API document open to anyone', async () => {
    for (const url of ['/healthz', '/api/auth/providers', '/api/setup', '/api/openapi.json']) {
      expect((await t.request({ method: 'GET', url })).status, url).toBe(200);
    }
    expect((await t.request({ method: 'GET', url: '/api/auth/providers' })).body).toEqual({ password: true, oidc: null });
  });

  it('answers 401 problem+json to anonymous callers of every other route', async () => {
    const incident = await (await signedIn(t, 'responder')).request<Incident>({ method: 'POST', url: '/api/incidents', payload: incidentInput() });
    const routes: Array<[string, string]> = [
      ['GET', '/api/incidents'],
      ['GET', `/api/incidents/${incident.body.id}`],
      ['POST', '/api/incidents'],
      ['PATCH', `/api/incidents/${incident.body.id}`],
      ['GET', '/api/reviews'],
      ['GET', '/api/users'],
      ['GET', '/api/audit'],
      ['GET', '/api/tokens'],
    ];
    for (const [method, url] of routes) {
      const response = await t.requestAs<Problem>(null, { method: method as 'GET', url, payload: method === 'GET' ? undefined : {} });
      expect(response.status, `${method} ${url}`).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('unauthenticated');
    }
  });

  it('answers 403 below the role a route names (viewer < responder < admin), by session and by token alike', async () => {
    const routes: Array<{ method: 'GET' | 'POST'; url: string; payload?: object; needs: Role }> = [
      { method: 'GET', url: '/api/incidents', needs: 'viewer' },
      { method: 'GET', url: '/api/reviews/overdue', needs: 'viewer' },
      { method: 'POST', url: '/api/incidents', payload: incidentInput(), needs: 'responder' },
      { method: 'GET', url: '/api/users', needs: 'admin' },
      { method: 'GET', url: '/api/audit', needs: 'admin' },
    ];
    const rank = { viewer: 0, responder: 1, admin: 2 };
    for (const role of ['viewer', 'responder', 'admin'] as const) {
      const session = await signedIn(t, role);
      const token = await apiToken(t, session, role);
      for (const caller of [session, token]) {
        for (const route of routes) {
          const response = await caller.request<Problem>({ method: route.method, url: route.url, payload: route.payload });
          const label = `${role} ${'cookie' in caller ? 'session' : 'token'} ${route.method} ${route.url}`;
          if (rank[role] >= rank[route.needs]) expect(response.status, label).toBeLessThan(300);
          else {
            expect(response.status, label).toBe(403);
            expect(response.body).toMatchObject({ code: 'forbidden', detail: `This needs the ${route.needs} role; you act as ${role}` });
          }
        }
      }
    }
  });

  it('applies a role change or a disabled account at once to existing sessions', async () => {
    const admin = await signedIn(t, 'admin');
    const sara = await signedIn(t, 'responder');
    expect((await sara.request({ method: 'POST', url: '/api/incidents', payload: incidentInput() })).status).toBe(201);
    const demoted = await admin.request<User>({ method: 'PATCH', url: `/api/users/${sara.user.id}`, payload: { version: sara.user.version, role: 'viewer' } });
    expect((await sara.request({ method: 'POST', url: '/api/incidents', payload: incidentInput() })).status).toBe(403);
    await admin.request({ method: 'PATCH', url: `/api/users/${sara.user.id}`, payload: { version: demoted.body.version, disabled: true } });
    expect((await sara.request({ method: 'GET', url: '/api/incidents' })).status).toBe(401);
  });

  describe('CSRF', () => {
    let sara: Browser;
    const write = (as: Browser, headers: Record<string, string> | undefined, csrf: boolean) =>
      as.request<Problem>({ method: 'POST', url: '/api/incidents', payload: incidentInput(), headers, csrf });

    it('refuses writes made with the session cookie without the session\'s CSRF token: 403 naming CSRF', async () => {
      sara = await signedIn(t, 'responder');
      const other = await signedIn(t, 'responder');
      const count = async () => (await t.ctx.db.selectFrom('incidents').select('id').execute()).length;
      const before = await count();
      for (const [label, headers] of [
        ['no header', undefined],
        ['wrong token', { 'x-csrf-token': 'guess' }],
        ["another session's token", { 'x-csrf-token': other.csrfToken }],
        ['empty', { 'x-csrf-token': '' }],
      ] as const) {
        const response = await write(sara, headers, false);
        expect(response.status, label).toBe(403);
        expect(response.body.code).toBe('forbidden');
        expect(response.body.detail).toMatch(/CSRF/);
      }
      for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
        expect((await sara.request<Problem>({ method, url: '/api/incidents/1', payload: {}, csrf: false })).body.detail, method).toMatch(/CSRF/);
      }
      expect(await count()).toBe(before);
    });

    it('accepts them with the token, and reads without it', async () => {
      expect((await write(sara, undefined, true)).status).toBe(201);
      expect((await sara.request({ method: 'GET', url: '/api/incidents', csrf: false })).status).toBe(200);
    });

    it('exempts Bearer requests (no ambient credential), even when a session cookie is also sent', async () => {
      const token = await apiToken(t, sara, 'responder');
      const response = await t.request({
        method: 'POST',
        url: '/api/incidents',
        payload: incidentInput(),
        headers: { authorization: `Bearer ${token.token}`, cookie: sara.cookie },
      });
      expect(response.status).toBe(201);
    });

    it('exempts sign-in and setup, which have no session yet, even when an old session cookie is sent', async () => {
      const again = await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email: sara.user.email, password: 'correct horse battery staple' }, headers: { cookie: sara.cookie } });
      expect(again.status).toBe(200);
      // Signing in again from the same browser ends the session it had.
      expect((await sara.request({ method: 'GET', url: '/api/auth/session' })).status).toBe(401);
      const setup = await t.request({ method: 'POST', url: '/api/setup', payload: { email: 'x@example.com', name: 'X', password: 'a long enough password' }, headers: { cookie: sara.cookie } });
      expect(setup.status).toBe(409);
    });
  });

  it('treats a percent-encoded API path as the API route it matches: authenticated, CSRF-checked, audited, with API headers', async () => {
    const sara = await signedIn(t, 'responder');
    const session = await sara.request<{ user: User }>({ method: 'GET', url: '/%61pi/auth/session' });
    expect([session.status, session.body.user.id]).toEqual([200, sara.user.id]);
    expect(session.headers['set-cookie']).toBeUndefined();
    expect(session.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    const forged = await sara.request<Problem>({ method: 'POST', url: '/%61pi/auth/sign-out', csrf: false });
    expect([forged.status, forged.body.detail]).toEqual([403, expect.stringMatching(/CSRF/)]);
    expect((await sara.request({ method: 'GET', url: '/api/auth/session' })).status).toBe(200);
    const auditedSignOuts = async () => (await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'auth.sign_out').where('entity_id', '=', String(sara.user.id)).execute()).length;
    expect((await sara.request({ method: 'POST', url: '/%61pi/auth/sign-out' })).status).toBe(204);
    expect(await auditedSignOuts()).toBe(1);
    expect((await t.requestAs(null, { method: 'GET', url: '/%61pi/incidents' })).status).toBe(401);
    expect((await t.requestAs(null, { method: 'GET', url: '/%61pi/no-such-route' })).status).toBe(404);
  });

  it('keeps signing in possible while another browser of the same user is signed in', async () => {
    const sara = await signedIn(t);
    const laptop = await signIn(t, sara.user.email);
    expect((await sara.request({ method: 'GET', url: '/api/auth/session' })).status).toBe(200);
    expect((await laptop.request({ method: 'GET', url: '/api/auth/session' })).status).toBe(200);
  });
});
