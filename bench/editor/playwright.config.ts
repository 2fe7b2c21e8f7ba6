import path from 'node:path';
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The editor benchmark: the e2e setup (built server, fresh database), with only the benchmark spec. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'editor-performance.spec.ts',
  outputDir: path.join(root, 'test-results/bench-artifacts'),
  globalSetup: path.join(root, 'e2e/support/global-setup.ts'),
  globalTeardown: path.join(root, 'e2e/support/global-teardown.ts'),
  webServer: { ...(base.webServer as object), cwd: root } as typeof base.webServer,
});
