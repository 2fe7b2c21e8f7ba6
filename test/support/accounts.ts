import type { InjectOptions } from 'fastify';
import type { Session, User } from '../../src/shared/accounts/account.schema.js';
import type { Role } from '../../src/shared/accounts/roles.js';
import type { ApiTokenCreated } from '../../src/shared/accounts/token.schema.js';
import { systemActor } from '../../src/server/access/actor.js';
import { createUser as createUserRecord, updateUser } from '../../src/server/accounts/users.service.js';
import type { TestApp } from './app.js';

/** Accounts for tests that sign in as particular users. */
export const PASSWORD = 'correct horse battery staple';

let counter = 0;

export async function createUser(t: TestApp, overrides: { role?: Role; email?: string; name?: string; password?: string | null; disabled?: boolean } = {}): Promise<User> {
  const n = ++counter;
  const user = await createUserRecord(t.ctx, systemActor, {
    email: overrides.email ?? `user${n}-${Math.random().toString(36).slice(2, 8)}@example.com`,
    name: overrides.name ?? `Test User ${n}`,
    role: overrides.role ?? 'viewer',
    ...(overrides.password === null ? {} : { password: overrides.password ?? PASSWORD }),
  });
  return overrides.disabled ? updateUser(t.ctx, systemActor, user.id, { version: user.version, disabled: true }) : user;
}

/** The name=value pairs a response sets, and the raw Set-Cookie lines by name. */
export function cookiesOf(headers: Record<string, unknown>): Record<string, { value: string; line: string }> {
  const raw = headers['set-cookie'];
  const lines = raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
  return Object.fromEntries(
    lines.map((line) => {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at).trim(), { value: pair.slice(at + 1).trim(), line }];
    }),
  );
}

/** A signed-in browser: sends the session cookie, and the CSRF header on writes unless told not to. */
export interface Browser {
  user: User;
  cookie: string;
  csrfToken: string;
  request<T = unknown>(options: InjectOptions & { csrf?: boolean }): Promise<{ status: number; body: T; headers: Record<string, unknown> }>;
}

export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<Browser> {
  const response = await t.requestAs<Session>(null, { method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (response.status !== 200) throw new Error(`signIn: ${response.status} ${JSON.stringify(response.body)}`);
  const session = cookiesOf(response.headers).hindsight_session;
  if (!session) throw new Error('signIn: no session cookie');
  return browser(t, response.body.user, `hindsight_session=${session.value}`, response.body.csrfToken ?? '');
}

export function browser(t: TestApp, user: User, cookie: string, csrfToken: string): Browser {
  return {
    user,
    cookie,
    csrfToken,
    request: ({ csrf = true, headers, ...options }) =>
      t.request({ ...options, headers: { ...headers, cookie, ...(csrf && options.method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}) } }),
  };
}

/** A new user with `role`, signed in. */
export async function signedIn(t: TestApp, role: Role = 'viewer'): Promise<Browser> {
  const user = await createUser(t, { role });
  return signIn(t, user.email);
}

/** An API token made by a signed-in browser; `request` sends it as the Bearer token. */
export async function apiToken(t: TestApp, as: Browser, role: Role = as.user.role, extra: Record<string, unknown> = {}) {
  const response = await as.request<ApiTokenCreated>({ method: 'POST', url: '/api/tokens', payload: { name: `token ${++counter}`, role, ...extra } });
  if (response.status !== 201) throw new Error(`apiToken: ${response.status} ${JSON.stringify(response.body)}`);
  const token = response.body;
  return {
    ...token,
    request: <T = unknown>(options: InjectOptions) => t.request<T>({ ...options, headers: { ...options.headers, authorization: `Bearer ${token.token}` } }),
  };
}
