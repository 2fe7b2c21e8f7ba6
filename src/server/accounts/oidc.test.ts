import { afterAll, describe, expect, it } from 'vitest';
import type { Providers, Session } from '../../shared/accounts/account.schema.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { startOidcProvider, testBrowser } from '../../../test/support/oidc-provider.js';

/**
 * End to end against a real OpenID provider (oidc-provider on 127.0.0.1): the app redirects to it,
 * the test signs in and consents on its pages, the provider redirects back with a code, the app
 * exchanges it (PKCE, state, nonce, ID token checks) and starts a session.
 */
const appOrigin = 'http://localhost:3000'; // HINDSIGHT_PUBLIC_URL's default
const idp = await startOidcProvider(`${appOrigin}/api/auth/oidc/callback`);
afterAll(() => idp.close());

const oidcConfig = testConfig({
  HINDSIGHT_OIDC_ISSUER: idp.issuer,
  HINDSIGHT_OIDC_CLIENT_ID: idp.clientId,
  HINDSIGHT_OIDC_CLIENT_SECRET: idp.clientSecret,
  HINDSIGHT_OIDC_DEFAULT_ROLE: 'responder',
  HINDSIGHT_OIDC_NAME: 'Example SSO',
});

function browserFor(t: TestApp) {
  return testBrowser(async ({ method, url, headers }) => {
    const response = await t.app.inject({ method: method as 'GET', url, headers });
    return { statusCode: response.statusCode, headers: response.headers, body: response.body };
  }, appOrigin);
}

/** Start at the app, sign in as `login` at the provider, consent, and come back. */
async function signInWithProvider(t: TestApp, login: string) {
  const browser = browserFor(t);
  const loginPage = await browser.go(new URL('/api/auth/oidc/start', appOrigin));
  expect(loginPage.url.origin).toBe(idp.issuer);
  expect(loginPage.body).toContain('name="login"');
  const consentPage = await browser.submit(loginPage, { login, password: 'anything' });
  const landed = consentPage.url.origin === appOrigin ? consentPage : await browser.submit(consentPage);
  const session = await t.request<Session>({ method: 'GET', url: '/api/auth/session', headers: { cookie: browser.jar.header(appOrigin) } });
  return { browser, landed, session };
}

describe.each(databaseKinds)('OpenID Connect sign-in on %s', (kind) => {
  const t = useTestApp(kind, oidcConfig);

  it('tells the web app that single sign-on is available', async () => {
    expect((await t.request<Providers>({ method: 'GET', url: '/api/auth/providers' })).body).toEqual({
      password: true,
      oidc: { name: 'Example SSO', startUrl: '/api/auth/oidc/start' },
    });
  });

  it('redirects to the provider with PKCE (S256), state and nonce, keeping them server-side behind a short-lived cookie', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(start.statusCode).toBe(302);
    const location = new URL(start.headers.location as string);
    expect(location.origin).toBe(idp.issuer);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: idp.clientId,
      response_type: 'code',
      redirect_uri: `${appOrigin}/api/auth/oidc/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.any(String),
      nonce: expect.any(String),
    });
    const cookie = String(start.headers['set-cookie']);
    expect(cookie).toMatch(/^hindsight_oidc=[A-Za-z0-9_-]{43}; Max-Age=600; Path=\/api\/auth\/oidc; HttpOnly; SameSite=Lax$/);
    const stored = await t.ctx.db.selectFrom('oidc_logins').selectAll().where('state', '=', location.searchParams.get('state')!).executeTakeFirstOrThrow();
    expect(stored.handle_hash).not.toContain(cookie.split(/[=;]/)[1]);
  });

  it('signs a new user in end to end, with the default role, and records it', async () => {
    idp.identities.set(`olive-${kind}`, { email: `Olive.${kind}@Example.com`, email_verified: true, name: 'Olive Operator' });
    const { landed, session, browser } = await signInWithProvider(t, `olive-${kind}`);
    expect(landed.url.href).toBe(`${appOrigin}/`);
    expect(browser.jar.get(appOrigin, 'hindsight_oidc')).toBeUndefined();
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      via: 'session',
      csrfToken: expect.any(String),
      user: { email: `olive.${kind}@example.com`, name: 'Olive Operator', role: 'responder', hasPassword: false, singleSignOn: true },
    });
    const user = await t.ctx.db.selectFrom('users').selectAll().where('id', '=', session.body.user.id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ oidc_issuer: idp.issuer, oidc_subject: `olive-${kind}`, password_hash: null });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'after']).where('entity_id', '=', String(user.id)).where('entity_type', '=', 'user').orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([
      ['user.create', user.id],
      ['auth.sign_in', user.id],
    ]);
    expect(audit[1]!.after).toBe('{"method":"oidc"}');

    // The next sign-in finds the same account by issuer and subject, and leaves its role alone.
    await t.ctx.db.updateTable('users').set({ role: 'admin' }).where('id', '=', user.id).execute();
    const again = await signInWithProvider(t, `olive-${kind}`);
    expect(again.session.body.user).toMatchObject({ id: user.id, role: 'admin' });
  });

  it('links an existing account with the same, verified email; refuses an unverified one', async () => {
    const local = await createUser(t, { email: `lars.${kind}@example.com`, role: 'viewer' });
    idp.identities.set(`lars-unverified-${kind}`, { email: `lars.${kind}@example.com`, email_verified: false, name: 'Lars' });
    const refused = await signInWithProvider(t, `lars-unverified-${kind}`);
    expect(refused.landed.url.pathname + refused.landed.url.search).toBe('/sign-in?error=oidc_email_taken');
    expect(refused.session.status).toBe(401);

    idp.identities.set(`lars-${kind}`, { email: `LARS.${kind}@example.com`, email_verified: true, name: 'Lars' });
    const linked = await signInWithProvider(t, `lars-${kind}`);
    expect(linked.session.body.user).toMatchObject({ id: local.id, role: 'viewer', hasPassword: true, singleSignOn: true });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'after']).where('entity_id', '=', String(local.id)).where('action', '=', 'user.oidc_link').execute();
    expect(audit).toEqual([{ action: 'user.oidc_link', after: expect.stringContaining(`"oidcIssuer":"${idp.issuer}"`) }]);
  });

  it('refuses a callback without its cookie, a replayed one, a forged state, and disabled accounts', async () => {
    idp.identities.set(`mallory-${kind}`, { email: `mallory.${kind}@example.com`, email_verified: true, name: 'Mallory' });
    // A callback URL opened in another browser (no hindsight_oidc cookie): a login CSRF attempt.
    const victim = browserFor(t);
    const attacker = browserFor(t);
    const loginPage = await attacker.go(new URL('/api/auth/oidc/start', appOrigin));
    const consent = await attacker.submit(loginPage, { login: `mallory-${kind}`, password: 'x' });
    const consentForm = /<form[^>]*action="([^"]+)"/.exec(consent.body)![1]!;
    const response = await fetch(new URL(consentForm, consent.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: attacker.jar.header(idp.issuer), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'prompt=consent',
    });
    let location = new URL(response.headers.get('location')!, consent.url);
    while (location.origin !== appOrigin) {
      const next = await fetch(location, { redirect: 'manual', headers: { cookie: attacker.jar.header(idp.issuer) } });
      attacker.jar.store(idp.issuer, next.headers.getSetCookie());
      location = new URL(next.headers.get('location')!, location);
    }
    const callback = location; // /api/auth/oidc/callback?code=...&state=...
    const landed = await victim.go(callback);
    expect(landed.url.pathname + landed.url.search).toBe('/sign-in?error=oidc_expired');
    expect(victim.jar.get(appOrigin, 'hindsight_session')).toBeUndefined();

    // The browser that started it completes it, once; replaying the callback with the same cookie fails.
    const handle = attacker.jar.get(appOrigin, 'hindsight_oidc');
    expect(handle).toBeDefined();
    expect((await attacker.go(callback)).url.pathname).toBe('/');
    const replay = browserFor(t);
    replay.jar.store(appOrigin, [`hindsight_oidc=${handle}`]);
    expect((await replay.go(callback)).url.search).toBe('?error=oidc_expired');

    // A state that is not the one this browser started with.
    const forger = browserFor(t);
    await forger.go(new URL('/api/auth/oidc/start', appOrigin));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged');
    expect((await forger.go(forged)).url.search).toBe('?error=oidc_failed');

    // A disabled account cannot sign in with single sign-on either.
    await t.ctx.db.updateTable('users').set({ disabled: 1 }).where('email', '=', `mallory.${kind}@example.com`).execute();
    const disabled = await signInWithProvider(t, `mallory-${kind}`);
    expect(disabled.landed.url.search).toBe('?error=oidc_disabled');
    expect(disabled.session.status).toBe(401);
  });
});

describe('without OpenID Connect configured', () => {
  const t = useTestApp('sqlite', testConfig());

  it('answers 404 to the start and callback routes', async () => {
    expect((await t.request({ method: 'GET', url: '/api/auth/oidc/start' })).status).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y' })).status).toBe(404);
  });
});

describe('with an OpenID provider that cannot be reached', () => {
  const t = useTestApp('sqlite', testConfig({ HINDSIGHT_OIDC_ISSUER: 'http://127.0.0.1:9', HINDSIGHT_OIDC_CLIENT_ID: 'hindsight' }));

  it('answers 500 without telling an anonymous caller why', async () => {
    const response = await t.request<{ detail: string }>({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(response.status).toBe(500);
    expect(response.body.detail).toBe('Single sign-on is unavailable: the OpenID provider could not be reached');
  });
});
