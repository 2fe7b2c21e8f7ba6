import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one fork fewer than the cores: a single fork on a 2-core machine. The tests
    // mostly wait (on PostgreSQL, child processes, servers), so one fork per core keeps both busy.
    maxWorkers: Math.max(2, os.availableParallelism()),
  },
});
