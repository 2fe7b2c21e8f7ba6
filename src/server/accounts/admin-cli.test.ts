import { createAppContext } from '../context.js';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/accounts/account.schema.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/kysely.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const hindsight = (args: string[], env: Record<string, string> = {}) => {
  const { HINDSIGHT_ADMIN_PASSWORD: _ignored, ...inherited } = process.env;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    env: { ...inherited, HINDSIGHT_DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('hindsight admin create', () => {
  it('creates an admin in a new SQLite data directory, password from HINDSIGHT_ADMIN_PASSWORD, who can then sign in', async () => {
    const created = hindsight(['admin', 'create', '--email', 'Ada@Example.com', '--name', 'Ada Lovelace'], { HINDSIGHT_ADMIN_PASSWORD: 'analytical engine 1843' });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created admin ada@example\.com \(user 1\)$/m);

    const config = loadConfig({ HINDSIGHT_DATA_DIR: dataDir });
    const handle = openDatabase(config.database);
    try {
      const user = await handle.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(user).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace', role: 'admin', disabled: 0 });
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      const audit = await handle.db.selectFrom('audit_log').selectAll().execute();
      expect(audit).toEqual([expect.objectContaining({ action: 'user.create', actor_user_id: null, actor_name: 'hindsight admin create (command line)' })]);

      const app = await buildApp(createAppContext(handle, config));
      const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'ADA@example.com', password: 'analytical engine 1843' } });
      expect(signIn.statusCode).toBe(200);
      expect(signIn.json<Session>().user.role).toBe('admin');
      expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: false });
      await app.close();
    } finally {
      await handle.close();
    }
  }, 60_000);

  it('takes --password, refuses a taken email, a missing or weak password, naming the option', () => {
    expect(hindsight(['admin', 'create', '--email', 'grace@example.com', '--name', 'Grace Hopper', '--password', 'a compiler in 1952']).code).toBe(0);

    const taken = hindsight(['admin', 'create', '--email', 'GRACE@example.com', '--name', 'Again', '--password', 'a compiler in 1952']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already exists/);

    const missing = hindsight(['admin', 'create', '--email', 'x@example.com', '--name', 'X']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--password: is required \(or set HINDSIGHT_ADMIN_PASSWORD\)/);

    const weak = hindsight(['admin', 'create', '--email', 'not-an-email', '--password', 'short']);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/--email: must be an email address/);
    expect(weak.stderr).toMatch(/--name: is required/);
    expect(weak.stderr).toMatch(/--password: must be at least 12 characters/);

    const unknown = hindsight(['admin', 'delete']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/admin create --email/);
  }, 60_000);
});
