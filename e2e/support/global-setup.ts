import type { FullConfig } from '@playwright/test';

/** Checks the server under test is up and on the expected, empty database before any journey runs. */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error('playwright.config.ts must set use.baseURL');
  const health = (await (await fetch(`${baseURL}/healthz`)).json()) as { database: string };
  const expected = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
  if (health.database !== expected) throw new Error(`The e2e server runs on ${health.database}, expected ${expected}`);
  const incidents = (await (await fetch(`${baseURL}/api/incidents?limit=1`)).json()) as { items: unknown[] };
  if (incidents.items.length > 0) throw new Error('The e2e server does not start from an empty database; is another server reusing the port?');
}
