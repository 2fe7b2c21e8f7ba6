import { DateTime } from 'luxon';
import { DATE_YEARS } from '../common.schema.js';
import { CHANGE_LIMITS, changeKinds, MAX_CHANGES_PER_IMPORT, type ChangeKind, type ChangeRowProblem, type ParsedChange } from './change.schema.js';
import { readCsv } from './csv.js';

export type ChangeFormat = 'csv' | 'json' | 'github_deployments';
export interface ParseOptions {
  /** The zone of times that state none; without it such rows are refused. */
  timeZone?: string | undefined;
  /** The service of rows that name none. */
  service?: string | undefined;
}
export type ParsedChangeRow = ParsedChange & { row: number };
export type ParseResult = { changes: ParsedChangeRow[]; problems: ChangeRowProblem[] } | { unreadable: string };

/** The names a column or key may have, lower-cased with punctuation removed, for each field. */
const ALIASES: Record<string, string[]> = {
  occurredAt: ['time', 'timestamp', 'deployedat', 'occurredat', 'createdat', 'date', 'datetime', 'when', 'at'],
  service: ['service', 'app', 'application', 'component', 'servicename'],
  title: ['title', 'summary', 'name'],
  description: ['description', 'message', 'details', 'body'],
  author: ['author', 'user', 'actor', 'deployer', 'creator', 'by', 'username'],
  link: ['link', 'url', 'htmlurl', 'weburl', 'href'],
  environment: ['environment', 'env', 'stage'],
  externalId: ['id', 'sha', 'version', 'externalid', 'commit', 'deployid', 'deploymentid'],
  kind: ['kind', 'type', 'changetype', 'category'],
};
const normalKey = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');
const fieldOfKey = new Map(Object.entries(ALIASES).flatMap(([field, names]) => names.map((name) => [name, field] as const)));

const KIND_WORDS: Record<string, ChangeKind> = {
  deploy: 'deploy', deployment: 'deploy', release: 'deploy', rollout: 'deploy', rollback: 'deploy',
  config: 'config', configuration: 'config', setting: 'config',
  featureflag: 'feature-flag', flag: 'feature-flag', toggle: 'feature-flag',
  migration: 'migration', schema: 'migration', dbmigration: 'migration',
};

const OFFSET_OR_ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An instant from a time as written: ISO 8601 with an offset (kept as given), epoch seconds or
 * milliseconds, or a zoneless ISO time read in `timeZone`. A zoneless time without a zone is
 * refused: guessing the server's zone would move a deploy by hours and reorder the suspects.
 */
export function readInstant(value: unknown, timeZone: string | undefined): { instant: string } | { problem: string } {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return inYears(DateTime.fromMillis(value > 1e11 ? value : value * 1000, { zone: 'utc' }));
  if (typeof value !== 'string' || value.trim() === '') return { problem: 'is missing' };
  const written = value.trim();
  if (/^\d{9,13}$/.test(written)) return readInstant(Number(written), timeZone);
  if (!ISO_LIKE.test(written)) return { problem: 'must be an ISO 8601 time such as 2026-03-10T09:05:00Z' };
  const iso = written.replace(' ', 'T');
  if (OFFSET_OR_ZONE.test(written)) return inYears(DateTime.fromISO(iso, { setZone: true }));
  if (!timeZone) return { problem: 'states no offset or zone: add one (e.g. Z or +01:00) or give the import a time zone' };
  return inYears(DateTime.fromISO(iso, { zone: timeZone }));
}

function inYears(time: DateTime): { instant: string } | { problem: string } {
  if (!time.isValid || time.year < DATE_YEARS.min || time.year > DATE_YEARS.max) return { problem: 'is not a valid time' };
  return { instant: time.toISO({ suppressMilliseconds: true })! };
}

const textOf = (value: unknown): string | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/** A row's values by field, from whichever of a field's names it uses (the first one present wins). */
function fieldsOf(record: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const field = fieldOfKey.get(normalKey(key));
    if (field && fields[field] === undefined && value !== null && value !== '') fields[field] = value;
  }
  return fields;
}

function kindOf(value: unknown): ChangeKind {
  const word = normalKey(textOf(value) ?? '');
  return (changeKinds as readonly string[]).includes(word) ? (word as ChangeKind) : (KIND_WORDS[word] ?? (word ? 'other' : 'deploy'));
}

const cut = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/** One row (a CSV line or a JSON object) as a change, or the problems that keep it out. */
function changeOfRow(row: number, record: Record<string, unknown>, source: 'csv' | 'json', options: ParseOptions): ParsedChangeRow | ChangeRowProblem[] {
  const fields = fieldsOf(record);
  const problems: ChangeRowProblem[] = [];
  const time = readInstant(fields.occurredAt, options.timeZone);
  if ('problem' in time) problems.push({ row, field: 'occurredAt', message: `time ${time.problem}` });
  const service = textOf(fields.service) ?? options.service ?? null;
  if (!service) problems.push({ row, field: 'service', message: 'names no service (a service or app column, or the import\'s service)' });
  const description = textOf(fields.description);
  const given = textOf(fields.externalId);
  const kind = kindOf(fields.kind);
  const title = textOf(fields.title) ?? description ?? (given ? `${kind} ${given}` : null);
  if (!title) problems.push({ row, field: 'title', message: 'has no title, description, message or id to show' });
  const link = textOf(fields.link);
  if (link && !/^https?:\/\/\S+$/i.test(link)) problems.push({ row, field: 'link', message: 'must be an http or https URL' });
  if (problems.length || 'problem' in time || !service || !title) return problems;
  return {
    row,
    source,
    kind,
    service: cut(service, CHANGE_LIMITS.service),
    title: cut(title.replace(/\s+/g, ' '), CHANGE_LIMITS.title),
    description: description && description !== title ? cut(description, CHANGE_LIMITS.description) : null,
    author: textOf(fields.author) ? cut(textOf(fields.author)!, CHANGE_LIMITS.author) : null,
    occurredAt: time.instant,
    link: link && link.length <= CHANGE_LIMITS.link ? link : null,
    environment: textOf(fields.environment) ? cut(textOf(fields.environment)!, CHANGE_LIMITS.environment) : null,
    externalId: externalIdOf(service, given, time.instant, title),
  };
}

/**
 * The key that makes re-importing idempotent: the service with its id (a version like 1.4.2 is
 * only unique per service), else the service, the instant and the title.
 */
export function externalIdOf(service: string, given: string | null | undefined, occurredAt: string, title: string): string {
  const key = given ? `${service}/${given}` : `${service}/${Date.parse(occurredAt)}/${title}`;
  return cut(key, CHANGE_LIMITS.externalId);
}

function collect(rows: Array<ParsedChangeRow | ChangeRowProblem[]>): ParseResult {
  const changes: ParsedChangeRow[] = [];
  const problems: ChangeRowProblem[] = [];
  for (const row of rows) {
    if (Array.isArray(row)) problems.push(...row);
    else changes.push(row);
  }
  return { changes, problems };
}

function parseCsv(content: string, options: ParseOptions): ParseResult {
  const records = readCsv(content);
  if (!records) return { unreadable: 'is not CSV: a quoted cell is never closed' };
  const [header, ...rows] = records;
  if (!header) return { unreadable: 'is empty' };
  const names = header.cells.map((cell) => cell.trim());
  if (!names.some((name) => fieldOfKey.get(normalKey(name)) === 'occurredAt')) {
    return { unreadable: `has no time column in its header row (one of: time, timestamp, deployed_at, occurred_at); found ${names.join(', ') || 'nothing'}` };
  }
  if (rows.length > MAX_CHANGES_PER_IMPORT) return { unreadable: `has ${rows.length} rows: at most ${MAX_CHANGES_PER_IMPORT} at once` };
  return collect(rows.map(({ line, cells }) => changeOfRow(line, Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ''])), 'csv', options)));
}

function readJsonArray(content: string, key?: string): unknown[] | string {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return 'is not JSON';
  }
  // Accept {deployments: [...]} or {changes: [...]} wrappers as well as a bare array.
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const inner = Object.values(value).find(Array.isArray);
    value = key && Array.isArray((value as Record<string, unknown>)[key]) ? (value as Record<string, unknown>)[key] : inner;
  }
  if (!Array.isArray(value)) return 'must be a JSON array of objects';
  if (value.length > MAX_CHANGES_PER_IMPORT) return `has ${value.length} items: at most ${MAX_CHANGES_PER_IMPORT} at once`;
  return value;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const notAnObject = (row: number): ChangeRowProblem[] => [{ row, field: 'row', message: 'is not an object' }];

function parseJson(content: string, options: ParseOptions): ParseResult {
  const items = readJsonArray(content, 'changes');
  if (typeof items === 'string') return { unreadable: items };
  return collect(items.map((item, i) => (isRecord(item) ? changeOfRow(i + 1, item, 'json', options) : notAnObject(i + 1))));
}

/** The page of the deployed commit, from the API address of its repository (github.com or GitHub Enterprise). */
function commitPage(repositoryUrl: string | null, sha: string | null): string | null {
  if (!repositoryUrl || !sha) return null;
  const cloud = /^https:\/\/api\.github\.com\/repos\/([^/\s]+\/[^/\s]+)$/.exec(repositoryUrl);
  if (cloud) return `https://github.com/${cloud[1]}/commit/${sha}`;
  const enterprise = /^(https?:\/\/[^/\s]+)\/api\/v3\/repos\/([^/\s]+\/[^/\s]+)$/.exec(repositoryUrl);
  return enterprise ? `${enterprise[1]}/${enterprise[2]}/commit/${sha}` : null;
}

/** GitHub's "List deployments" response (GET /repos/{owner}/{repo}/deployments): an array of deployments. */
function parseGithubDeployments(content: string, options: ParseOptions): ParseResult {
  const items = readJsonArray(content, 'deployments');
  if (typeof items === 'string') return { unreadable: items };
  return collect(
    items.map((item, i) => {
      const row = i + 1;
      if (!isRecord(item)) return notAnObject(row);
      const id = textOf(item.id);
      if (!id) return [{ row, field: 'id', message: 'a GitHub deployment has an id' }];
      const sha = textOf(item.sha);
      const ref = textOf(item.ref);
      const repositoryUrl = textOf(item.repository_url);
      const repository = repositoryUrl?.split('/').pop() ?? null;
      const creator = isRecord(item.creator) ? textOf(item.creator.login) : null;
      const task = textOf(item.task) ?? 'deploy';
      const shown = [ref, sha?.slice(0, 7)].filter(Boolean);
      const change = changeOfRow(
        row,
        {
          time: item.created_at,
          service: textOf(item.payload && isRecord(item.payload) ? item.payload.service : null) ?? options.service ?? repository,
          title: textOf(item.description) ?? `${task}${shown.length ? ` of ${shown.join(' @ ')}` : ''}`,
          author: creator,
          environment: item.environment,
          link: commitPage(repositoryUrl, sha) ?? textOf(item.url),
          kind: 'deploy',
        },
        'json',
        options,
      );
      return Array.isArray(change) ? change : { ...change, source: 'github' as const, externalId: id };
    }),
  );
}

/** Reads a list of changes; `unreadable` says why the content as a whole could not be read. */
export function parseChanges(format: ChangeFormat, content: string, options: ParseOptions = {}): ParseResult {
  if (format === 'csv') return parseCsv(content, options);
  if (format === 'json') return parseJson(content, options);
  return parseGithubDeployments(content, options);
}
