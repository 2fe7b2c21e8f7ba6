import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2eDatabaseUrl } from './database.js';

/**
 * A second app instance on the run's PostgreSQL database, for journeys where people are on
 * different instances (live updates cross them through LISTEN/NOTIFY). It runs the same snapshot of
 * the build as the first (serve.ts) on HINDSIGHT_E2E_SECOND_PORT (default: the first port + 110).
 * Null on SQLite, where there is one instance.
 */
export async function startSecondInstance(): Promise<{ baseURL: string; stop: () => Promise<void> } | null> {
  const base = process.env.DATABASE_URL;
  const name = process.env.HINDSIGHT_E2E_DATABASE;
  const dataDir = process.env.HINDSIGHT_E2E_DATA_DIR;
  if (!base || !name || !dataDir) return null;
  const port = Number(process.env.HINDSIGHT_E2E_SECOND_PORT ?? Number(process.env.HINDSIGHT_E2E_PORT ?? 3100) + 110);
  const baseURL = `http://127.0.0.1:${port}`;
  const snapshot = path.join(dataDir, 'app/dist/node/server/main.js');
  const main = fs.existsSync(snapshot) ? snapshot : 'dist/node/server/main.js';
  const server: ChildProcess = spawn(process.execPath, [main, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: e2eDatabaseUrl(base, name),
      PORT: String(port),
      HINDSIGHT_HOST: '127.0.0.1',
      HINDSIGHT_PUBLIC_URL: baseURL,
      HINDSIGHT_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-e2e-second-')),
      HINDSIGHT_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  for (const started = Date.now(); ; ) {
    if (server.exitCode !== null) throw new Error(`The second instance exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseURL}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) {
      server.kill('SIGTERM');
      throw new Error(`The second instance did not answer on ${baseURL} within a minute`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseURL,
    stop: async () => {
      if (server.exitCode === null) server.kill('SIGTERM');
      await exited;
    },
  };
}
