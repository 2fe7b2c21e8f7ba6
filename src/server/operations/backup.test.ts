import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { createSharedDatabase, type SharedDatabase } from '../../../test/support/instances.js';
import { firstAdmin, hindsight, startServer, writeLoad, type ServerProcess } from '../../../test/support/server-process.js';

describe.each(databaseKinds)('hindsight backup and restore, on %s', (kind) => {
  let shared: SharedDatabase;
  let server: ServerProcess;
  // Another folder than the checkout, as an operator's shell would be.
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-backups-'));
  beforeAll(async () => {
    shared = await createSharedDatabase(kind);
    server = await startServer(shared, { HINDSIGHT_JOBS: 'off' });
  }, 60_000);
  afterAll(async () => {
    if (server?.process.exitCode === null) server.process.kill('SIGKILL');
    await server?.exited;
    await shared?.drop();
    fs.rmSync(elsewhere, { recursive: true, force: true });
  });

  it('takes a consistent backup under write load, into a folder it creates, and restores exactly it', { timeout: 180_000 }, async () => {
    const load = writeLoad(server.baseUrl, await firstAdmin(server.baseUrl));
    while (load.acknowledged.length < 20) await sleep(20);

    const backupStarted = Date.now();
    const backup = await hindsight(['backup', 'nested/folders/hindsight.backup'], shared.env, { cwd: elsewhere });
    const backupEnded = Date.now();
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const file = path.join(elsewhere, 'nested/folders/hindsight.backup');
    expect(backup.stdout.trim()).toBe(`Backup written to ${file}`);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['hindsight.backup']);

    const countAtBackupEnd = load.acknowledged.length;
    while (load.acknowledged.length < countAtBackupEnd + 20) await sleep(20);
    if (kind === 'sqlite') {
      const refused = await hindsight(['restore', file], shared.env, { cwd: elsewhere });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/is in use: stop the server before restoring/);
    }
    await load.stop();
    expect(load.failures).toEqual([]);
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const restored = await hindsight(['restore', 'nested/folders/hindsight.backup'], shared.env, { cwd: elsewhere });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);

    expect(fs.readdirSync(path.dirname(file))).toEqual(['hindsight.backup']);
    const handle = await shared.open();
    const incidents = new Map((await handle.db.selectFrom('incidents').select(['id', 'title']).execute()).map((row) => [row.id, row.title]));
    const before = load.acknowledged.filter((write) => write.answeredAt < backupStarted);
    const after = load.acknowledged.filter((write) => write.sentAt > backupEnded);
    expect(before.length).toBeGreaterThanOrEqual(20);
    expect(after.length).toBeGreaterThanOrEqual(20);
    expect(before.filter((write) => incidents.get(write.id) !== write.title)).toEqual([]);
    expect(after.filter((write) => incidents.has(write.id))).toEqual([]);
    // One snapshot: each incident there has its audit entry and nothing more (they commit together).
    const audited = await handle.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'incident.create').execute();
    expect(audited.map((row) => Number(row.entity_id)).sort((a, b) => a - b)).toEqual([...incidents.keys()].sort((a, b) => a - b));
  });

  it('says what is wrong with a missing backup, in one line', { timeout: 60_000 }, async () => {
    const missing = await hindsight(['restore', 'no-such.backup'], shared.env, { cwd: elsewhere });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`No backup at ${path.join(elsewhere, 'no-such.backup')}`);
  });
});
