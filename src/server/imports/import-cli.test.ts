import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseKinds, createTestDatabase, testContext } from '../../../test/support/databases.js';
import { hindsight } from '../../../test/support/server-process.js';
import { importFiles, postmortemFiles, summaryTable } from './import-cli.js';
import { readingThread } from './reading-thread.js';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-import-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const postmortems = path.join(folder, 'postmortems');
fs.mkdirSync(path.join(postmortems, '2024'), { recursive: true });
fs.writeFileSync(
  path.join(postmortems, '2024', '2024-03-05-search-outage.md'),
  ['# Search outage', '', 'Severity: SEV1', '', '## Timeline (UTC)', '- 14:02 Search errors alert', '- 14:30 Index restored', '', '## Action items', '- [ ] Alert on index size', ''].join('\n'),
);
fs.writeFileSync(path.join(postmortems, 'queue-backlog.txt'), ['Queue backlog', '', 'Timeline', '- 2024-05-01 09:00 Backlog grows', '- 09:40 Workers scaled', ''].join('\n'));
fs.writeFileSync(path.join(postmortems, 'notes.json'), '{}'); // not a postmortem: skipped

describe('hindsight import (the command line, SQLite)', () => {
  const env = { HINDSIGHT_DATA_DIR: path.join(folder, 'data'), HINDSIGHT_LOG_LEVEL: 'silent' };

  it('previews with --dry-run, imports a folder with a summary table, recognises it again, and exits 1 when a file fails or 2 on bad usage', { timeout: 180_000 }, async () => {
    const [preview, badZone, missing] = await Promise.all([
      hindsight(['import', '--dry-run', '--zone', 'Europe/London', postmortems], env),
      hindsight(['import', '--zone', 'Mars/Olympus', postmortems], env),
      hindsight(['import', path.join(folder, 'nowhere')], env),
    ]);
    expect(preview.stderr).toBe('');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/^File\s+Incidents\s+Entries\s+Untimed\s+Factors\s+Actions\s+Warnings\s+Result$/m);
    expect(preview.stdout).toMatch(/^2024\/2024-03-05-search-outage\.md\s+1\s+2\s+0\s+0\s+1\s+\d+\s+preview$/m);
    expect(preview.stdout).toMatch(/^queue-backlog\.txt\s+1\s+2\s+0\s+0\s+0\s+\d+\s+preview$/m);
    expect(preview.stdout).toContain('2 files read (dry run: nothing written), 0 failed');
    expect(badZone).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--zone: must be an IANA time zone/) });
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/^No such file or folder: /) });

    fs.writeFileSync(path.join(postmortems, 'empty.md'), '\n');
    const imported = await hindsight(['import', postmortems], env);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toMatch(/^2024\/2024-03-05-search-outage\.md\s.*created incident 1$/m);
    expect(imported.stdout).toMatch(/^empty\.md\s.*failed: the file is empty$/m);
    expect(imported.stdout).toContain('3 files: 2 imported, 0 imported before, 1 failed');

    fs.rmSync(path.join(postmortems, 'empty.md'));
    const again = await hindsight(['import', postmortems], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^queue-backlog\.txt\s.*imported before \(incident 2\)$/m);
  });
});

describe.each(databaseKinds)('importFiles (the command line path) on %s', (kind) => {
  it('reads the files on a worker thread exactly as on this one', async () => {
    const database = await createTestDatabase(kind);
    const reader = readingThread();
    try {
      const ctx = testContext(database.handle);
      const files = await postmortemFiles([postmortems]);
      const here = await importFiles(ctx, files, { dryRun: true, timeZone: 'UTC' });
      const there = await importFiles(ctx, files, { dryRun: true, timeZone: 'UTC' }, reader);
      expect(there).toEqual(here);
      expect(there.flatMap((o) => o.result?.incidents.map((i) => i.timeline.length) ?? [])).toEqual([2, 2]);
    } finally {
      await reader.close();
      await database.drop();
    }
  });

  it('imports every file of a folder through the import service, once', async () => {
    const database = await createTestDatabase(kind);
    try {
      const ctx = testContext(database.handle);
      const files = await postmortemFiles([postmortems]);
      expect(files.map((f) => f.name)).toEqual(['2024/2024-03-05-search-outage.md', 'queue-backlog.txt']);
      const outcomes = await importFiles(ctx, files, { dryRun: false, timeZone: 'UTC' });
      expect(outcomes.map((o) => [o.file.name, o.result?.created, o.problem])).toEqual([
        ['2024/2024-03-05-search-outage.md', true, null],
        ['queue-backlog.txt', true, null],
      ]);
      const incidents = await database.handle.db.selectFrom('incidents').select(['title', 'severity']).orderBy('id').execute();
      expect(incidents).toEqual([
        { title: 'Search outage', severity: 'sev1' },
        { title: 'Queue backlog', severity: 'sev3' },
      ]);
      const entries = await database.handle.db.selectFrom('timeline_entries').select(['occurred_at', 'text']).where('source', '=', 'import').orderBy('occurred_at_ms').execute();
      expect(entries.map((e) => e.occurred_at)).toEqual(['2024-03-05T14:02:00Z', '2024-03-05T14:30:00Z', '2024-05-01T09:00:00Z', '2024-05-01T09:40:00Z']);

      const again = await importFiles(ctx, files, { dryRun: false });
      expect(summaryTable(again, false)).toContain('2 files: 0 imported, 2 imported before, 0 failed');
    } finally {
      await database.drop();
    }
  });
});
