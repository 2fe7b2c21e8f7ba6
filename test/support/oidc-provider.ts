import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestIdentity {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who may sign in, by login name (the devInteractions login form accepts any password). */
  identities: Map<string, TestIdentity>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 with one confidential client for Hindsight,
 * its development login and consent pages, and accounts from `identities`.
 */
export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const identities = new Map<string, TestIdentity>();
  const clientId = 'hindsight';
  const clientSecret = 'a-test-client-secret-that-is-long-enough';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    findAccount: (_ctx, id) => {
      const identity = identities.get(id);
      return identity && { accountId: id, claims: () => ({ sub: id, ...identity }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    identities,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Cookies per origin, as a browser keeps them (paths ignored: each origin here needs all of its own). */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  store(origin: string, setCookie: string[]): void {
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, jar);
    for (const line of setCookie) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = /max-age=0\b/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line);
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
  }

  header(origin: string): string {
    return [...(this.byOrigin.get(origin) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(origin: string, name: string): string | undefined {
    return this.byOrigin.get(origin)?.get(name);
  }
}

export interface Step {
  url: URL;
  status: number;
  body: string;
}

/**
 * A minimal browser: sends requests for `appOrigin` to the app in-process (inject) and everything
 * else over the network with fetch, keeps cookies, and follows redirects until a page (or the app's
 * web page, which tests do not serve) is reached.
 */
export function testBrowser(inject: (options: { method: string; url: string; headers: Record<string, string> }) => Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>, appOrigin: string) {
  const jar = new CookieJar();
  const lines = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

  async function once(url: URL, method: string, form?: Record<string, string>): Promise<{ status: number; location: string | null; body: string }> {
    if (url.origin === appOrigin) {
      const response = await inject({ method, url: url.pathname + url.search, headers: { cookie: jar.header(appOrigin) } });
      jar.store(appOrigin, lines(response.headers['set-cookie']));
      return { status: response.statusCode, location: (response.headers.location as string | undefined) ?? null, body: response.body };
    }
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: jar.header(url.origin), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    jar.store(url.origin, response.headers.getSetCookie());
    return { status: response.status, location: response.headers.get('location'), body: await response.text() };
  }

  async function go(start: URL, method = 'GET', form?: Record<string, string>): Promise<Step> {
    let url = start;
    let response = await once(url, method, form);
    for (let hops = 0; response.location && response.status >= 300 && response.status < 400; hops++) {
      if (hops > 20) throw new Error('too many redirects');
      url = new URL(response.location, url);
      if (url.origin === appOrigin && !url.pathname.startsWith('/api/')) return { url, status: 200, body: '' };
      response = await once(url, 'GET');
    }
    return { url, status: response.status, body: response.body };
  }

  /** Submits the page's (only) form with these fields added to its hidden ones. */
  async function submit(page: Step, fields: Record<string, string> = {}): Promise<Step> {
    const action = /<form[^>]*action="([^"]+)"/.exec(page.body)?.[1];
    if (!action) throw new Error(`no form on ${page.url.href}: ${page.body.slice(0, 300)}`);
    const hidden = Object.fromEntries([...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!]));
    return go(new URL(action.replaceAll('&amp;', '&'), page.url), 'POST', { ...hidden, ...fields });
  }

  return { jar, go, submit };
}
