import fs from 'node:fs';
import { request, type FullConfig } from '@playwright/test';
import type { Session } from '../../src/shared/accounts/account.schema.js';
import type { ApiTokenCreated } from '../../src/shared/accounts/token.schema.js';
import { ADMIN, adminStatePath, adminTokenPath } from './accounts.js';

/**
 * Checks the server under test is up and on the expected, empty database, then makes the first
 * admin through first-run setup: their browser state becomes every journey's default session, and
 * an API token of theirs seeds data through the API.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error('playwright.config.ts must set use.baseURL');
  const health = (await (await fetch(`${baseURL}/healthz`)).json()) as { database: string };
  const expected = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
  if (health.database !== expected) throw new Error(`The e2e server runs on ${health.database}, expected ${expected}`);
  const setupStatus = (await (await fetch(`${baseURL}/api/setup`)).json()) as { needed: boolean };
  if (!setupStatus.needed) throw new Error('The e2e server does not start from an empty database; is another server reusing the port?');

  const browser = await request.newContext({ baseURL });
  try {
    const setup = await browser.post('/api/setup', { data: ADMIN });
    if (setup.status() !== 201) throw new Error(`First-run setup failed: ${setup.status()} ${await setup.text()}`);
    const session = (await setup.json()) as Session;
    const token = await browser.post('/api/tokens', {
      data: { name: 'e2e seeding', role: 'admin', expiresInDays: 1 },
      headers: { 'x-csrf-token': session.csrfToken ?? '' },
    });
    if (token.status() !== 201) throw new Error(`Could not create the e2e API token: ${token.status()} ${await token.text()}`);
    fs.writeFileSync(adminTokenPath(), ((await token.json()) as ApiTokenCreated).token, { mode: 0o600 });
    await browser.storageState({ path: adminStatePath() });
  } finally {
    await browser.dispose();
  }
}
