import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_DOCUMENTS, MAX_DOCUMENT_CHARS, importRequestSchema, type ImportResult } from '../../shared/imports/import.schema.js';
import type { Actor } from '../access/actor.js';
import type { Config } from '../config.js';
import { createAppContext } from '../context.js';
import { openDatabase } from '../db/kysely.js';
import { migrateToLatest } from '../db/migrate.js';
import { CliError, explainStartupError } from '../operations/startup-errors.js';
import type { ImportedDocument } from '../../shared/imports/postmortem.js';
import { clientFor, connectionOptions, resolveConnection } from '../client-cli/connection.js';
import { withExitCodes } from '../client-cli/client-commands.js';
import { importOverApi } from './import-remote.js';
import { importUsage } from './import-usage.js';
import { importDocuments, readingOptions } from './imports.service.js';
import { type DocumentReader, readingThread } from './reading-thread.js';


/** Who the audit log says made the change. */
const cliActor: Actor = { userId: null, name: 'hindsight import (command line)', role: 'admin' };
const POSTMORTEM_FILE = /\.(?:md|markdown|mdx|txt)$/i;

export interface FileImportOptions {
  dryRun: boolean;
  timeZone?: string;
  dateOrder?: 'DMY' | 'MDY';
}

export interface PostmortemFile {
  path: string;
  /** As imported: a file given by itself is named by its base name, a file found in a folder by its path inside it. */
  name: string;
}

/** The files named, folders read recursively for postmortems, in a stable order. */
export async function postmortemFiles(paths: string[]): Promise<PostmortemFile[]> {
  const found: PostmortemFile[] = [];
  for (const given of paths) {
    const stat = await fs.stat(given).catch(() => null);
    if (!stat) throw new CliError(`No such file or folder: ${given}`, 2);
    if (stat.isFile()) found.push({ path: given, name: path.basename(given) });
    else {
      const entries = await fs.readdir(given, { recursive: true, withFileTypes: true });
      const files = entries.filter((e) => e.isFile() && POSTMORTEM_FILE.test(e.name)).map((e) => path.join(e.parentPath, e.name));
      found.push(...files.sort().map((file) => ({ path: file, name: path.relative(given, file) })));
    }
  }
  return found;
}

export interface FileOutcome {
  file: PostmortemFile;
  result: ImportResult['documents'][number] | null;
  problem: string | null;
}

interface PreparedBatch {
  readable: Array<{ file: PostmortemFile; content: string }>;
  unreadable: FileOutcome[];
  read: Promise<ImportedDocument[]> | null;
}

async function prepare(files: PostmortemFile[], options: FileImportOptions, reader: DocumentReader | null): Promise<PreparedBatch> {
  const readable: PreparedBatch['readable'] = [];
  const unreadable: FileOutcome[] = [];
  for (const file of files) {
    const content = await fs.readFile(file.path, 'utf8');
    if (!content.trim()) unreadable.push({ file, result: null, problem: 'the file is empty' });
    else if (content.length > MAX_DOCUMENT_CHARS) unreadable.push({ file, result: null, problem: `longer than ${MAX_DOCUMENT_CHARS} characters` });
    else readable.push({ file, content });
  }
  const documents = readable.map(({ file, content }) => ({ name: documentName(file), content }));
  const read = reader && documents.length > 0 ? reader.read(documents, readingOptions(options)) : null;
  // Awaited once this batch's turn comes; until then a failure must not count as unhandled.
  read?.catch(() => undefined);
  return { readable, unreadable, read };
}

const documentName = (file: PostmortemFile) => file.name.slice(-500);

/** A small first batch, so that writing starts while the next, full, batch is read. */
const FIRST_BATCH = 10;

function batchesOf(files: PostmortemFile[]): PostmortemFile[][] {
  const batches = [files.slice(0, FIRST_BATCH)];
  for (let start = FIRST_BATCH; start < files.length; start += MAX_DOCUMENTS) batches.push(files.slice(start, start + MAX_DOCUMENTS));
  return batches.filter((batch) => batch.length > 0);
}

/**
 * Imports the files through the same service as POST /api/imports, a batch of documents at a time;
 * with a reader on another thread, the next batch is read while this one is written.
 */
export async function importFiles(ctx: ReturnType<typeof createAppContext>, files: PostmortemFile[], options: FileImportOptions, reader: DocumentReader | null = null): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  const batches = batchesOf(files);
  let next = batches.length > 0 ? prepare(batches[0]!, options, reader) : null;
  for (let k = 0; k < batches.length; k += 1) {
    const batch = await next!;
    next = k + 1 < batches.length ? prepare(batches[k + 1]!, options, reader) : null;
    next?.catch(() => undefined); // awaited on the next turn, where a failure is thrown
    outcomes.push(...batch.unreadable);
    if (batch.readable.length === 0) continue;
    const request = importRequestSchema.parse({ ...options, documents: batch.readable.map(({ file, content }) => ({ name: documentName(file), content })) });
    const { documents } = await importDocuments(ctx, cliActor, request, batch.read ? await batch.read : undefined);
    documents.forEach((result, j) => outcomes.push({ file: batch.readable[j]!.file, result, problem: result.error }));
  }
  return outcomes;
}

function outcomeText(outcome: FileOutcome, dryRun: boolean): string {
  if (outcome.problem) return `failed: ${outcome.problem}`;
  const ids = outcome.result!.incidents.map((i) => i.incidentId).filter((id) => id !== null);
  if (dryRun) return 'preview';
  return outcome.result!.created ? `created incident ${ids.join(', ')}` : `imported before${ids.length ? ` (incident ${ids.join(', ')})` : ''}`;
}

/** One line per file: what was found in it and what became of it, then the totals. */
export function summaryTable(outcomes: FileOutcome[], dryRun: boolean): string {
  const header = ['File', 'Incidents', 'Entries', 'Untimed', 'Factors', 'Actions', 'Warnings', 'Result'];
  const rows = outcomes.map((outcome) => {
    const incidents = outcome.result?.incidents ?? [];
    const entries = incidents.flatMap((i) => i.timeline);
    const factors = incidents.reduce((n, i) => n + i.contributingFactors.length + i.mitigators.length + i.risks.length + i.lessons.length, 0);
    return [
      outcome.file.name,
      String(incidents.length),
      String(entries.filter((e) => e.occurredAt !== null).length),
      String(entries.filter((e) => e.occurredAt === null).length),
      String(factors),
      String(incidents.reduce((n, i) => n + i.actionItems.length, 0)),
      String(outcome.result?.warnings.length ?? 0),
      outcomeText(outcome, dryRun),
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 || c === cells.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  const created = outcomes.filter((o) => o.result?.created).length;
  const failed = outcomes.filter((o) => o.problem).length;
  const totals = dryRun
    ? `${outcomes.length} files read (dry run: nothing written), ${failed} failed`
    : `${outcomes.length} files: ${created} imported, ${outcomes.length - created - failed} imported before, ${failed} failed`;
  return [line(header), ...rows.map(line), '', totals].join('\n');
}

/** `hindsight import ...`: prints the summary and returns the exit code. */
export async function importCommand(config: Config, argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { 'dry-run': { type: 'boolean', default: false }, zone: { type: 'string' }, 'date-order': { type: 'string' }, remote: { type: 'boolean', default: false }, ...connectionOptions },
  });
  if (positionals.length === 0) throw new CliError(`Usage: hindsight ${importUsage.usage}`, 2);
  const options = importRequestSchema
    .pick({ dryRun: true, timeZone: true, dateOrder: true })
    .safeParse({ dryRun: values['dry-run'], timeZone: values.zone, dateOrder: values['date-order']?.toUpperCase() });
  if (!options.success) {
    const flags: Record<string, string> = { timeZone: '--zone', dateOrder: '--date-order' };
    throw new CliError(options.error.issues.map((issue) => `${flags[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`).join('\n'), 2);
  }
  const files = await postmortemFiles(positionals);
  if (files.length === 0) throw new CliError(`No .md, .markdown, .mdx or .txt files in ${positionals.join(', ')}`, 2);

  if (values.remote || values.url !== undefined || values.config !== undefined) {
    const api = clientFor(resolveConnection(values));
    const outcomes = await withExitCodes(() => importOverApi(api, files, { ...options.data, dryRun: options.data.dryRun }));
    console.log(summaryTable(outcomes, options.data.dryRun));
    return outcomes.some((o) => o.problem) ? 1 : 0;
  }
  if (values.token !== undefined) throw new CliError('--token goes with --url or --remote (importing into this machine\'s database needs no token)', 2);

  const handle = openDatabase(config.database, { backgroundCheckpoints: false });
  try {
    await migrateToLatest(handle.db);
    const reader = readingThread();
    const outcomes = await importFiles(createAppContext(handle, config), files, { ...options.data, dryRun: options.data.dryRun }, reader).finally(() => reader.close());
    console.log(summaryTable(outcomes, options.data.dryRun));
    return outcomes.some((o) => o.problem) ? 1 : 0;
  } catch (error) {
    const explained = explainStartupError(error, config, 'database');
    throw explained ? new CliError(explained) : error;
  } finally {
    await handle.close();
  }
}
