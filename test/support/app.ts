import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../src/shared/accounts/roles.js';
import { systemActor } from '../../src/server/access/actor.js';
import { actorOf } from '../../src/server/accounts/principal.js';
import { createToken } from '../../src/server/accounts/tokens.service.js';
import { findUserById } from '../../src/server/accounts/users.repo.js';
import { createUser } from '../../src/server/accounts/users.service.js';
import { buildApp, type BuildAppOptions } from '../../src/server/app.js';
import type { Config } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import { createTestDatabase, testConfig, testContext, type DatabaseKind, type TestDatabase } from './databases.js';

export type TestResponse<T> = { status: number; body: T; headers: Record<string, unknown> };

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** The context the app was built with, for calling services directly. */
  ctx: AppContext;
  /** The clock the app reads; tests move it to make reviews overdue. */
  clock: { now: Date };
  /** A request as the harness admin (Bearer token), unless the options carry their own credentials. */
  request<T = unknown>(options: InjectOptions): Promise<TestResponse<T>>;
  /** A request as a user of `role` (one per role, made on first use), or anonymous with null. */
  requestAs<T = unknown>(role: Role | null, options: InjectOptions): Promise<TestResponse<T>>;
  /** The Authorization header of the harness user of `role`, for raw `app.inject` calls. */
  authHeaders(role?: Role): Promise<{ authorization: string }>;
}

/** A user of `role` and an API token acting with it. */
async function harnessToken(ctx: AppContext, role: Role): Promise<string> {
  const user = await createUser(ctx, systemActor, { email: `harness-${role}@example.com`, name: `Harness ${role}`, role });
  const row = (await findUserById(ctx.db, user.id))!;
  const session = { id: 0, csrfToken: '', expiresAt: '' };
  const created = await createToken(ctx, { actor: actorOf(row), user: row, via: 'session', session, tokenId: null }, { name: 'test harness', role, expiresInDays: 366 });
  return created.token;
}

const hasCredentials = (options: InjectOptions) => {
  const headers = (options.headers ?? {}) as Record<string, unknown>;
  return 'authorization' in headers || 'cookie' in headers;
};

/** Builds the app on a fresh database of `kind` before the file's tests and drops it after. */
export function useTestApp(kind: DatabaseKind, config: Config = testConfig(), options: BuildAppOptions = {}): TestApp {
  const testApp = { clock: { now: new Date() } } as TestApp;
  const tokens = new Map<Role, Promise<string>>();
  const inject = async <T>(options: InjectOptions): Promise<TestResponse<T>> => {
    const response = await testApp.app.inject(options);
    const isJson = /json/.test(String(response.headers['content-type'] ?? ''));
    return { status: response.statusCode, body: (isJson ? response.json() : response.body) as T, headers: response.headers };
  };
  const tokenFor = (role: Role) => {
    if (!tokens.has(role)) tokens.set(role, harnessToken(testApp.ctx, role));
    return tokens.get(role)!;
  };
  beforeAll(async () => {
    testApp.database = await createTestDatabase(kind);
    testApp.ctx = testContext(testApp.database.handle, config, () => testApp.clock.now);
    testApp.app = await buildApp(testApp.ctx, options);
    testApp.authHeaders = async (role = 'admin') => ({ authorization: `Bearer ${await tokenFor(role)}` });
    testApp.requestAs = async <T>(role: Role | null, options: InjectOptions) =>
      inject<T>(role === null ? options : { ...options, headers: { ...options.headers, ...(await testApp.authHeaders(role)) } });
    testApp.request = <T>(options: InjectOptions) => (hasCredentials(options) ? inject<T>(options) : testApp.requestAs<T>('admin', options));
  });
  afterAll(async () => {
    await testApp.app?.close();
    await testApp.database?.drop();
  });
  return testApp;
}
