/**
 * The Playwright webServer: the BUILT server (dist/node/server/main.js) on an empty database.
 * Playwright starts its webServer before globalSetup runs, so the PostgreSQL database has to be
 * created here, just before the server boots; global-teardown.ts drops it.
 */
import { spawn } from 'node:child_process';
import { createE2eDatabase, e2eDatabaseUrl } from './database.js';

const base = process.env.DATABASE_URL;
const name = process.env.HINDSIGHT_E2E_DATABASE;
const env = { ...process.env };
if (base && name) {
  await createE2eDatabase(base, name);
  env.DATABASE_URL = e2eDatabaseUrl(base, name);
}

const server = spawn(process.execPath, ['dist/node/server/main.js', 'serve'], { env, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));
