import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type BuildAppOptions } from '../../src/server/app.js';
import type { Config } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import { createTestDatabase, testConfig, testContext, type DatabaseKind, type TestDatabase } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** The context the app was built with, for calling services directly. */
  ctx: AppContext;
  /** The clock the app reads; tests move it to make reviews overdue. */
  clock: { now: Date };
  request<T = unknown>(options: InjectOptions): Promise<{ status: number; body: T; headers: Record<string, unknown> }>;
}

/**
 * Builds the app on a fresh database of `kind` before the file's tests and drops it after.
 * `options` go to buildApp, e.g. `{ authentication: true }`.
 */
export function useTestApp(kind: DatabaseKind, config: Config = testConfig(), options: BuildAppOptions = {}): TestApp {
  const testApp = { clock: { now: new Date() } } as TestApp;
  beforeAll(async () => {
    testApp.database = await createTestDatabase(kind);
    testApp.ctx = testContext(testApp.database.handle, config, () => testApp.clock.now);
    testApp.app = await buildApp(testApp.ctx, options);
    testApp.request = async <T>(options: InjectOptions) => {
      const response = await testApp.app.inject(options);
      const isJson = /json/.test(String(response.headers['content-type'] ?? ''));
      return { status: response.statusCode, body: (isJson ? response.json() : response.body) as T, headers: response.headers };
    };
  });
  afterAll(async () => {
    await testApp.app?.close();
    await testApp.database?.drop();
  });
  return testApp;
}
