/**
 * The Playwright webServer: the BUILT server (dist/node/server/main.js) on an empty database, with
 * single sign-on through a real local OpenID provider (oidc-provider on 127.0.0.1), started first.
 * Playwright starts its webServer before globalSetup runs, so the PostgreSQL database has to be
 * created here, just before the server boots; global-teardown.ts drops it.
 *
 * The server runs from a copy of dist/ in the run's data folder: a rebuild during the run (another
 * checkout task, a watcher) would otherwise swap the web app's chunks under the open pages.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startOidcProvider } from '../../test/support/oidc-provider.js';
import { OIDC_NAME, SSO_IDENTITIES } from './accounts.js';
import { createE2eDatabase, e2eDatabaseUrl } from './database.js';

const base = process.env.DATABASE_URL;
const name = process.env.HINDSIGHT_E2E_DATABASE;
const env = { ...process.env };
if (base && name) {
  await createE2eDatabase(base, name);
  env.DATABASE_URL = e2eDatabaseUrl(base, name);
}

const publicUrl = `http://127.0.0.1:${process.env.PORT ?? 3100}`;
const provider = await startOidcProvider(`${publicUrl}/api/auth/oidc/callback`);
for (const [login, identity] of Object.entries(SSO_IDENTITIES)) provider.identities.set(login, { ...identity });
Object.assign(env, {
  HINDSIGHT_PUBLIC_URL: publicUrl,
  HINDSIGHT_OIDC_ISSUER: provider.issuer,
  HINDSIGHT_OIDC_CLIENT_ID: provider.clientId,
  HINDSIGHT_OIDC_CLIENT_SECRET: provider.clientSecret,
  HINDSIGHT_OIDC_NAME: OIDC_NAME,
});

function snapshotOfBuild(): string {
  const dataDir = process.env.HINDSIGHT_DATA_DIR;
  if (!dataDir) return 'dist/node/server/main.js';
  const root = path.join(dataDir, 'app');
  fs.rmSync(root, { recursive: true, force: true });
  fs.cpSync('dist', path.join(root, 'dist'), { recursive: true });
  fs.copyFileSync('package.json', path.join(root, 'package.json'));
  fs.symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'), 'dir');
  return path.join(root, 'dist/node/server/main.js');
}

const server = spawn(process.execPath, [snapshotOfBuild(), 'serve'], { env, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  void provider.close().finally(() => process.exit(code ?? 0));
});
