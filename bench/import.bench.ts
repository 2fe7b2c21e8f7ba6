/**
 * Importing postmortems from the command line: `hindsight import <folder>` on 1,000 Markdown
 * documents (BENCH_IMPORT_COUNT to change it), on SQLite and PostgreSQL, timed from the command's
 * start to its exit (process start-up included; the database is migrated beforehand). It runs the
 * built CLI (`dist/`, as installed); run `npm run build:server` after changing the server. Target
 * (issue 15): under 10 s on SQLite.
 *
 * The documents are the real postmortems of ../shared/data, in turn, each made distinct: a title of
 * its own and every clock time moved by a few minutes within its hour, so every document is a new
 * file (name and content) with the shapes of a real one (tables, bullets, headings, prose, action
 * lists), never 1,000 copies of one.
 */
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchDatabase, postgresAvailable, writeResults } from './support/harness.js';

const COUNT = Number(process.env.BENCH_IMPORT_COUNT ?? 1_000);
const SHARED_DATA_DIR = path.resolve('..', 'shared', 'data');
const TARGET_SECONDS = 10;

function realPostmortems(): Array<{ name: string; content: string }> {
  const entries = fs.readdirSync(SHARED_DATA_DIR, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.md$/i.test(e.name) && !/^(README|SOURCE)\.md$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .map((file) => ({ name: path.basename(file), content: fs.readFileSync(file, 'utf8') }));
}

/** Moves each hh:mm by `shift` minutes inside its hour (the hour, and so the day, stay as written). */
const shiftMinutes = (content: string, shift: number) =>
  content.replace(/\b(\d{1,2}):(\d{2})\b/g, (_all, hours: string, minutes: string) => `${hours}:${String((Number(minutes) + shift) % 60).padStart(2, '0')}`);

/** The first heading (or, without one, a new first line) names the document's number. */
function retitled(content: string, n: number): string {
  const heading = /^(#{1,6}\s+)(.+)$/m;
  return heading.test(content) ? content.replace(heading, (_all, marks: string, title: string) => `${marks}${title} (bench ${n})`) : `# Imported postmortem ${n}\n\n${content}`;
}

function writeDocuments(folder: string, count: number): void {
  const sources = realPostmortems();
  for (let n = 0; n < count; n++) {
    const source = sources[n % sources.length]!;
    const content = retitled(shiftMinutes(source.content, (n * 7) % 60), n);
    fs.writeFileSync(path.join(folder, `${String(n).padStart(4, '0')}-${source.name}`), content);
  }
}

/** The command users run: the built CLI (built first when missing), not the sources through a loader. */
const builtCli = path.resolve('dist/node/server/main.js');
if (!fs.existsSync(builtCli)) execSync('npm run build:server --silent', { stdio: 'inherit' });

function hindsight(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [builtCli, ...args], { env: { ...parentEnv, HINDSIGHT_LOG_LEVEL: 'silent', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

async function measure(kind: 'sqlite' | 'postgres', folder: string) {
  const database = await benchDatabase(kind);
  try {
    const migrated = await hindsight(['migrate'], database.env);
    if (migrated.code !== 0) throw new Error(`migrate failed: ${migrated.stderr}`);
    const started = performance.now();
    const run = await hindsight(['import', '--zone', 'UTC', folder], database.env);
    const seconds = (performance.now() - started) / 1000;
    const totals = run.stdout.trim().split('\n').pop() ?? '';
    if (run.code !== 0 || !totals.includes(`${COUNT} imported`)) throw new Error(`import failed (${run.code}): ${totals}\n${run.stderr}`);
    return { database: kind, documents: COUNT, seconds: Number(seconds.toFixed(2)), 'documents/s': Math.round(COUNT / seconds), [`under ${TARGET_SECONDS} s`]: seconds < TARGET_SECONDS };
  } finally {
    await database.drop();
  }
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-import-bench-'));
try {
  writeDocuments(folder, COUNT);
  const kinds: Array<'sqlite' | 'postgres'> = (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
  const rows = [];
  for (const kind of kinds) rows.push(await measure(kind, folder));
  writeResults('import', rows);
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
