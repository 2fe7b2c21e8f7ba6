import { describe, expect, it } from 'vitest';
import type { User } from '../../shared/accounts/account.schema.js';
import type { AuditEntry } from '../../shared/accounts/audit.schema.js';
import type { Problem } from '../../shared/errors.js';
import { useTestApp } from '../../../test/support/app.js';
import { apiToken, signedIn, signIn } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';

type Page<T> = { items: T[]; nextCursor: string | null };

describe.each(databaseKinds)('managing users on %s', (kind) => {
  const t = useTestApp(kind, testConfig());

  it('creates users with a role and an optional password; emails are unique whatever their case', async () => {
    const admin = await signedIn(t, 'admin');
    const created = await admin.request<User>({
      method: 'POST',
      url: '/api/users',
      payload: { email: `Priya.${kind}@Example.com`, name: 'Priya Natarajan', role: 'responder', password: 'priya has a long password' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: `priya.${kind}@example.com`, role: 'responder', disabled: false, hasPassword: true, singleSignOn: false, version: 1 });
    expect(JSON.stringify(created.body)).not.toMatch(/argon2/);
    expect((await signIn(t, `priya.${kind}@example.com`, 'priya has a long password')).user.id).toBe(created.body.id);

    const duplicate = await admin.request<Problem>({ method: 'POST', url: '/api/users', payload: { email: `PRIYA.${kind}@example.com`, name: 'Again' } });
    expect(duplicate.status).toBe(409);
    const ssoOnly = await admin.request<User>({ method: 'POST', url: '/api/users', payload: { email: `sso.${kind}@example.com`, name: 'Sso Only' } });
    expect(ssoOnly.body).toMatchObject({ role: 'viewer', hasPassword: false });
  });

  it('enforces the password rules and names the field', async () => {
    const admin = await signedIn(t, 'admin');
    const email = `rules.${kind}@example.com`;
    for (const [password, message] of [
      ['short pass', 'must be at least 12 characters'],
      [email, 'must not be the email address'],
    ]) {
      const response = await admin.request<Problem>({ method: 'POST', url: '/api/users', payload: { email, name: 'Rules', password } });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'password', in: 'body', message }]);
    }
    const user = await admin.request<User>({ method: 'POST', url: '/api/users', payload: { email, name: 'Rules' } });
    const reset = await admin.request<Problem>({ method: 'PATCH', url: `/api/users/${user.body.id}`, payload: { version: 1, password: email } });
    expect(reset.body.errors).toEqual([{ field: 'password', in: 'body', message: 'must not be the email address' }]);
  });

  it('lists users a page at a time', async () => {
    const admin = await signedIn(t, 'admin');
    const seen: number[] = [];
    let url = '/api/users?limit=2';
    for (let guard = 0; guard < 50; guard++) {
      const page = (await admin.request<Page<User>>({ method: 'GET', url })).body;
      seen.push(...page.items.map((u) => u.id));
      if (!page.nextCursor) break;
      url = `/api/users?limit=2&cursor=${page.nextCursor}`;
    }
    const all = await t.ctx.db.selectFrom('users').select('id').orderBy('id').execute();
    expect(seen).toEqual(all.map((u) => u.id));
  });

  it('changes roles with the version read, recording who changed what', async () => {
    const admin = await signedIn(t, 'admin');
    const sara = await signedIn(t, 'viewer');
    const promoted = await admin.request<User>({ method: 'PATCH', url: `/api/users/${sara.user.id}`, payload: { version: 1, role: 'responder' } });
    expect(promoted.body).toMatchObject({ role: 'responder', version: 2 });
    const stale = await admin.request<Problem>({ method: 'PATCH', url: `/api/users/${sara.user.id}`, payload: { version: 1, role: 'admin' } });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ role: 'responder', version: 2 });
    expect(JSON.stringify(stale.body)).not.toMatch(/password_hash|argon2/);

    const audit = await admin.request<Page<AuditEntry>>({ method: 'GET', url: `/api/audit?entityType=user&entityId=${sara.user.id}&action=user.role_change` });
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actor: { userId: admin.user.id, name: admin.user.name },
        action: 'user.role_change',
        before: expect.objectContaining({ role: 'viewer' }),
        after: expect.objectContaining({ role: 'responder' }),
      }),
    ]);
  });

  it('disables a user, signing them out everywhere, and enables them again', async () => {
    const admin = await signedIn(t, 'admin');
    const sara = await signedIn(t, 'responder');
    const disabled = await admin.request<User>({ method: 'PATCH', url: `/api/users/${sara.user.id}`, payload: { version: 1, disabled: true } });
    expect(disabled.body.disabled).toBe(true);
    expect((await sara.request({ method: 'GET', url: '/api/auth/session' })).status).toBe(401);
    expect(await t.ctx.db.selectFrom('sessions').select('id').where('user_id', '=', sara.user.id).execute()).toEqual([]);
    await admin.request({ method: 'PATCH', url: `/api/users/${sara.user.id}`, payload: { version: 2, disabled: false } });
    expect((await signIn(t, sara.user.email)).user.id).toBe(sara.user.id);
    const actions = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'user').where('entity_id', '=', String(sara.user.id)).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['user.create', 'auth.sign_in', 'user.disable', 'user.enable', 'auth.sign_in']);
  });

  it('resets a password: the old one stops working, every session ends and every API token is revoked, in the audit log', async () => {
    const admin = await signedIn(t, 'admin');
    const sara = await signedIn(t, 'responder');
    const tokens = [await apiToken(t, sara), await apiToken(t, sara)];
    expect((await tokens[0]!.request({ method: 'GET', url: '/api/incidents' })).status).toBe(200);
    const reset = await admin.request<User>({ method: 'PATCH', url: `/api/users/${sara.user.id}`, payload: { version: 1, password: 'a brand new passphrase' } });
    expect(reset.status).toBe(200);
    expect((await sara.request({ method: 'GET', url: '/api/auth/session' })).status).toBe(401);
    expect((await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email: sara.user.email, password: 'correct horse battery staple' }, remoteAddress: '10.9.0.1' })).status).toBe(401);
    expect((await signIn(t, sara.user.email, 'a brand new passphrase')).user.id).toBe(sara.user.id);
    for (const token of tokens) expect((await token.request({ method: 'GET', url: '/api/incidents' })).status).toBe(401);
    const revoked = await admin.request<Page<AuditEntry>>({ method: 'GET', url: '/api/audit?action=api_token.revoke&entityType=api_token' });
    const ids = revoked.body.items.filter((entry) => entry.actor.userId === admin.user.id).map((entry) => Number(entry.entityId));
    expect(ids.sort()).toEqual(tokens.map((token) => token.id).sort());
  });

  it('keeps at least one active admin', async () => {
    const { handle } = t.database;
    const admins = await handle.db.selectFrom('users').select(['id', 'version']).where('role', '=', 'admin').where('disabled', '=', 0).execute();
    const last = await signedIn(t, 'admin');
    for (const other of admins) await handle.db.updateTable('users').set({ role: 'viewer' }).where('id', '=', other.id).execute();
    for (const payload of [{ role: 'responder' }, { disabled: true }]) {
      const response = await last.request<Problem>({ method: 'PATCH', url: `/api/users/${last.user.id}`, payload: { version: 1, ...payload } });
      expect(response.status).toBe(409);
      expect(response.body.detail).toMatch(/last active admin/);
    }
    const renamed = await last.request<User>({ method: 'PATCH', url: `/api/users/${last.user.id}`, payload: { version: 1, name: 'Still Admin' } });
    expect(renamed.body).toMatchObject({ name: 'Still Admin', role: 'admin' });
  });

  it('answers 404 for an unknown user', async () => {
    const admin = await signedIn(t, 'admin');
    expect((await admin.request({ method: 'GET', url: '/api/users/999999' })).status).toBe(404);
    expect((await admin.request({ method: 'PATCH', url: '/api/users/999999', payload: { version: 1, name: 'x' } })).status).toBe(404);
  });
});
