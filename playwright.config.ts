import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser journeys against the built app (`npm run build` first): the server from dist/ on port
 * HINDSIGHT_E2E_PORT (default 3100), on a fresh temporary data folder (SQLite) or a fresh PostgreSQL
 * database when DATABASE_URL is set, with single sign-on through a local OpenID provider
 * (e2e/support/serve.ts). The config is evaluated by the runner and again by each worker: values are
 * pinned in process.env the first time so every process agrees.
 */
const port = Number(process.env.HINDSIGHT_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
process.env.HINDSIGHT_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-e2e-'));
/** Every journey's default page is signed in as the first admin (made by global-setup.ts). */
const adminState = path.join(process.env.HINDSIGHT_E2E_DATA_DIR, 'admin-state.json');
if (process.env.DATABASE_URL) process.env.HINDSIGHT_E2E_DATABASE ??= `hindsight_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

export default defineConfig({
  testDir: 'e2e',
  // One folder per database, so the PostgreSQL run keeps the SQLite run's traces.
  outputDir: `test-results/${process.env.DATABASE_URL ? 'postgres' : 'sqlite'}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry, reported as "flaky" by name rather than hidden: a journey that needed it is a bug to
  // find (the last one found this way: the workflow bar's steps went stale in a live-update race).
  retries: 1,
  reporter: [['list']],
  globalSetup: './e2e/support/global-setup.ts',
  globalTeardown: './e2e/support/global-teardown.ts',
  use: {
    baseURL,
    storageState: adminState,
    viewport: { width: 1280, height: 800 },
    timezoneId: 'Europe/Copenhagen',
    locale: 'en-GB',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'npx tsx e2e/support/serve.ts',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HINDSIGHT_HOST: '127.0.0.1',
      HINDSIGHT_DATA_DIR: process.env.HINDSIGHT_E2E_DATA_DIR,
      HINDSIGHT_LOG_LEVEL: 'warn',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL, HINDSIGHT_E2E_DATABASE: process.env.HINDSIGHT_E2E_DATABASE ?? '' } : {}),
    },
  },
});
