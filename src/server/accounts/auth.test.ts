import { describe, expect, it } from 'vitest';
import type { Session } from '../../shared/accounts/account.schema.js';
import type { Problem } from '../../shared/errors.js';
import { useTestApp } from '../../../test/support/app.js';
import { browser, cookiesOf, createUser, PASSWORD, signIn } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { sha256 } from './secrets.js';

const DAY = 24 * 3600_000;
const signInAs = (email: string, password: string, remoteAddress = '127.0.0.1') => ({
  method: 'POST' as const,
  url: '/api/auth/sign-in',
  payload: { email, password },
  remoteAddress,
});

describe.each(databaseKinds)('signing in on %s', (kind) => {
  const t = useTestApp(kind, testConfig());

  it('signs in with email (any case) and password, setting an HTTP-only SameSite=Lax session cookie whose token is stored only hashed', async () => {
    const user = await createUser(t, { email: `Sara.Lind.${kind}@Example.com`, name: 'Sara Lind', role: 'responder' });
    expect(user.email).toBe(`sara.lind.${kind}@example.com`);
    const response = await t.request<Session>(signInAs(`  SARA.LIND.${kind}@example.COM `, PASSWORD));
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toMatchObject({ via: 'session', user: { id: user.id, name: 'Sara Lind', role: 'responder' }, csrfToken: expect.any(String) });
    const cookie = cookiesOf(response.headers).hindsight_session!;
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.line).toMatch(/; HttpOnly/);
    expect(cookie.line).toMatch(/; SameSite=Lax/);
    expect(cookie.line).toMatch(/; Path=\//);
    expect(cookie.line).toMatch(/; Max-Age=2592000/);
    expect(cookie.line).not.toMatch(/Secure/); // HINDSIGHT_PUBLIC_URL is http here

    const stored = await t.ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toBe(sha256(cookie.value));
    expect(JSON.stringify(stored)).not.toContain(cookie.value);

    const session = await t.requestAs<Session>(null, { method: 'GET', url: '/api/auth/session', headers: { cookie: `hindsight_session=${cookie.value}` } });
    expect(session.status).toBe(200);
    expect(session.body).toEqual(response.body);
  });

  it('answers a wrong password, an unknown email and an account without a password alike', async () => {
    const user = await createUser(t);
    const ssoOnly = await createUser(t, { password: null });
    const answers = await Promise.all([
      t.request<Problem>(signInAs(user.email, 'not the password at all', '10.1.0.1')),
      t.request<Problem>(signInAs(`nobody-${kind}@example.com`, PASSWORD, '10.1.0.2')),
      t.request<Problem>(signInAs(ssoOnly.email, PASSWORD, '10.1.0.3')),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.headers['set-cookie']).toBeUndefined();
      expect(answer.body).toMatchObject({ code: 'unauthenticated', detail: 'The email address or password is not right' });
    }
  });

  it('tells only someone who knows the password that the account is disabled', async () => {
    const user = await createUser(t, { disabled: true });
    expect((await t.request<Problem>(signInAs(user.email, 'wrong password here', '10.2.0.1'))).status).toBe(401);
    const right = await t.request<Problem>(signInAs(user.email, PASSWORD, '10.2.0.1'));
    expect(right.status).toBe(403);
    expect(right.body.detail).toMatch(/disabled/);
  });

  it('signs out: 204, the cookie cleared, the session gone, recorded in the audit log', async () => {
    const user = await createUser(t);
    const sara = await signIn(t, user.email);
    const withoutCsrf = await sara.request<Problem>({ method: 'POST', url: '/api/auth/sign-out', csrf: false });
    expect(withoutCsrf.status).toBe(403);
    expect(withoutCsrf.body.detail).toMatch(/CSRF/);

    const out = await sara.request({ method: 'POST', url: '/api/auth/sign-out' });
    expect(out.status).toBe(204);
    expect(cookiesOf(out.headers).hindsight_session?.line).toMatch(/hindsight_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await sara.request<Problem>({ method: 'GET', url: '/api/auth/session' });
    expect(after.status).toBe(401);
    expect(await t.ctx.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('entity_type', '=', 'user').where('entity_id', '=', String(user.id)).orderBy('id').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['user.create', 'auth.sign_in', 'auth.sign_out']);
    expect(audit[2]!.actor_user_id).toBe(user.id);
  });

  it('answers 401 for the session without a cookie, with an unknown one, and clears a stale one', async () => {
    expect((await t.requestAs(null, { method: 'GET', url: '/api/auth/session' })).status).toBe(401);
    const stale = await t.requestAs(null, { method: 'GET', url: '/api/auth/session', headers: { cookie: 'hindsight_session=forged-or-expired' } });
    expect(stale.status).toBe(401);
    expect(cookiesOf(stale.headers).hindsight_session?.value).toBe('');
  });

  it('ends a session after 7 days without use, and after 30 days whatever happens', async () => {
    const user = await createUser(t);
    const idle = await signIn(t, user.email);
    const busy = await signIn(t, user.email);
    for (const days of [6, 6, 6, 6, 5]) {
      t.clock.now = new Date(t.clock.now.getTime() + days * DAY); // used every 6 days, up to day 29
      expect((await busy.request({ method: 'GET', url: '/api/auth/session' })).status).toBe(200);
    }
    expect((await idle.request({ method: 'GET', url: '/api/auth/session' })).status).toBe(401);
    t.clock.now = new Date(t.clock.now.getTime() + 2 * DAY); // day 31
    expect((await busy.request({ method: 'GET', url: '/api/auth/session' })).status).toBe(401);
  });

  it('accepts sign-in only as JSON, so a cross-site form cannot post it', async () => {
    const user = await createUser(t);
    for (const contentType of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const response = await t.requestAs<Problem>(null, {
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'content-type': contentType },
        payload: JSON.stringify({ email: user.email, password: PASSWORD }),
      });
      expect(response.status, contentType).toBe(415);
      expect(response.body.errors).toEqual([{ field: 'content-type', in: 'headers', message: 'must be application/json' }]);
    }
  });

  it('names the field for malformed sign-ins', async () => {
    const response = await t.requestAs<Problem>(null, { method: 'POST', url: '/api/auth/sign-in', payload: { email: 'a@b.c', password: '', extra: 1 } });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field).sort()).toEqual(['extra', 'password']);
  });

  describe('throttling failed sign-ins', () => {
    it('refuses an email after 10 failures from anywhere, even with the right password, until the 15-minute window ends', async () => {
      const user = await createUser(t);
      for (let i = 0; i < 10; i++) expect((await t.request(signInAs(user.email, 'a wrong password', `10.3.0.${i}`))).status).toBe(401);
      const blocked = await t.request<Problem>(signInAs(user.email, PASSWORD, '10.3.1.1'));
      expect(blocked.status).toBe(429);
      expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(blocked.body.code).toBe('rate_limited');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);
      t.clock.now = new Date(t.clock.now.getTime() + 15 * 60_000);
      expect((await t.request(signInAs(user.email, PASSWORD, '10.3.1.1'))).status).toBe(200);
    });

    it('refuses an address after 10 failures, whatever the email; other addresses go on', async () => {
      const user = await createUser(t);
      for (let i = 0; i < 10; i++) expect((await t.request(signInAs(`guess${i}-${kind}@example.com`, 'a wrong password', '10.4.0.1'))).status).toBe(401);
      expect((await t.request(signInAs(user.email, PASSWORD, '10.4.0.1'))).status).toBe(429);
      expect((await t.request(signInAs(user.email, PASSWORD, '10.4.0.2'))).status).toBe(200);
    });

    it('checks at most 10 passwords per window when many wrong ones arrive at once, and then refuses the right one', async () => {
      const user = await createUser(t);
      const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => t.request(signInAs(user.email, `wrong password ${i}`, `10.6.${i}.1`))));
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(10);
      expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
      expect((await t.request(signInAs(user.email, PASSWORD, '10.6.200.1'))).status).toBe(429);
    });

    it('resets the email count on success, and counts only failures', async () => {
      const user = await createUser(t);
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 9; i++) expect((await t.request(signInAs(user.email, 'a wrong password', `10.5.${round}.${i}`))).status).toBe(401);
        expect((await t.request(signInAs(user.email, PASSWORD, `10.5.9.${round}`))).status).toBe(200);
      }
      for (let i = 0; i < 12; i++) expect((await t.request(signInAs(user.email, PASSWORD, '10.5.10.1'))).status).toBe(200);
    });
  });
});

describe.each(databaseKinds)('first-run setup on %s', (kind) => {
  const t = useTestApp(kind, testConfig());
  const admin = { email: `First.Admin.${kind}@example.com`, name: 'First Admin', password: 'a long first password' };

  it('creates the first admin exactly once and signs them in', async () => {
    expect((await t.requestAs(null, { method: 'GET', url: '/api/setup' })).body).toEqual({ needed: true });

    const short = await t.requestAs<Problem>(null, { method: 'POST', url: '/api/setup', payload: { ...admin, password: 'too short' } });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ field: 'password', in: 'body', message: 'must be at least 12 characters' }]);
    const emailAsPassword = await t.requestAs<Problem>(null, { method: 'POST', url: '/api/setup', payload: { ...admin, password: admin.email.toUpperCase() } });
    expect(emailAsPassword.body.errors).toEqual([{ field: 'password', in: 'body', message: 'must not be the email address' }]);
    const form = await t.requestAs(null, { method: 'POST', url: '/api/setup', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=x' });
    expect(form.status).toBe(415);

    const [first, second] = await Promise.all([
      t.requestAs<Session>(null, { method: 'POST', url: '/api/setup', payload: admin }),
      t.requestAs<Session>(null, { method: 'POST', url: '/api/setup', payload: { ...admin, email: `second.${kind}@example.com` } }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([201, 409]);
    const created = first.status === 201 ? first : second;
    expect(created.body).toMatchObject({ via: 'session', user: { role: 'admin', hasPassword: true }, csrfToken: expect.any(String) });
    const cookie = cookiesOf(created.headers).hindsight_session!.value;
    const me = browser(t, created.body.user, `hindsight_session=${cookie}`, created.body.csrfToken!);
    expect((await me.request<Session>({ method: 'GET', url: '/api/auth/session' })).body.user.role).toBe('admin');

    expect((await t.requestAs(null, { method: 'GET', url: '/api/setup' })).body).toEqual({ needed: false });
    const again = await t.requestAs<Problem>(null, { method: 'POST', url: '/api/setup', payload: { ...admin, email: `third.${kind}@example.com` } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
    expect(await t.ctx.db.selectFrom('users').select('role').execute()).toEqual([{ role: 'admin' }]);

    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'after']).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'user.create', actor_user_id: created.body.user.id, after: expect.stringContaining('"role":"admin"') },
      { action: 'auth.sign_in', actor_user_id: created.body.user.id, after: '{"method":"setup"}' },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/argon2|password_hash/);
  });
});

describe('secure cookies', () => {
  const t = useTestApp('sqlite', testConfig({ HINDSIGHT_PUBLIC_URL: 'https://hindsight.example.com' }));

  it('marks the session cookie Secure when the public URL is https', async () => {
    const user = await createUser(t);
    const response = await t.request(signInAs(user.email, PASSWORD));
    expect(cookiesOf(response.headers).hindsight_session?.line).toMatch(/; Secure/);
  });
});
