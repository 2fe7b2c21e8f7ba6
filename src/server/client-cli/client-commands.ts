import fs from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import type { SearchPage } from '../../shared/search/search.schema.js';
import { ApiRefused, ApiUnreachable, callApi, type ApiClient, type ApiRequest } from './api-client.js';
import { CliError } from '../operations/startup-errors.js';
import { clientFor, connectionHelp, connectionOptions, exitCodes, resolveConnection } from './connection.js';
import { fields, person, table } from './table.js';

/**
 * The command-line client: `hindsight incidents|reviews|actions|search ...` against a running
 * server's REST API with an API token (docs/mcp-and-cli.md). Tables for people, --json for scripts.
 */
type Options = NonNullable<ParseArgsConfig['options']>;
interface Subcommand {
  usage: string;
  summary: string;
  options: Options;
  details?: string;
  positionals: { min: number; max: number };
  run(api: ApiClient, values: Record<string, string | boolean | string[] | undefined>, positionals: string[]): Promise<string | Uint8Array>;
}

const json = { json: { type: 'boolean', default: false } } as const;
const listFilters = { limit: { type: 'string' }, cursor: { type: 'string' } } as const;
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const list = (value: unknown) => (Array.isArray(value) && value.length ? value.map(String) : undefined);
const print = (values: { json?: unknown }, body: unknown, human: () => string) => (values.json ? JSON.stringify(body, null, 2) : human());
const nextPage = (cursor: string | null) => (cursor ? `\nMore: --cursor ${cursor}` : '');

function positiveId(text: string | undefined, what: string): number {
  const id = Number(text);
  if (!text || !/^\d+$/.test(text) || !Number.isSafeInteger(id) || id < 1) throw new CliError(`${what} must be a positive whole number, not ${text ?? '(nothing)'}`, exitCodes.usage);
  return id;
}

const incidentRows = (items: Incident[]) =>
  table(
    ['ID', 'Severity', 'Status', 'Started', 'Title', 'Services', 'Review'],
    items.map((i) => [String(i.id), i.severity, i.status, i.impactStartedAt ?? '-', i.title, i.services.join(', '), i.review ? `${i.review.id} ${i.review.state}` : '-']),
  );

export const clientCommands: Record<string, Record<string, Subcommand>> = {
  incidents: {
    list: {
      usage: 'incidents list [--status s,...] [--severity s,...] [--service <name>] [--label <label>] [--q <words>] [--limit n] [--cursor c] [--json]',
      summary: 'incidents you may see, newest first',
      options: { ...json, ...listFilters, status: { type: 'string' }, severity: { type: 'string' }, service: { type: 'string' }, label: { type: 'string' }, q: { type: 'string' } },
      positionals: { min: 0, max: 0 },
      run: async (api, v) => {
        const query = { status: str(v.status), severity: str(v.severity), service: str(v.service), label: str(v.label), q: str(v.q), limit: str(v.limit), cursor: str(v.cursor) };
        const page = await callApi<{ items: Incident[]; nextCursor: string | null }>(api, { method: 'GET', path: '/api/incidents', query });
        return print(v, page, () => incidentRows(page.items) + nextPage(page.nextCursor));
      },
    },
    show: {
      usage: 'incidents show <id> [--json]',
      summary: 'one incident',
      options: json,
      positionals: { min: 1, max: 1 },
      run: async (api, v, [id]) => {
        const incident = await callApi<Incident>(api, { method: 'GET', path: `/api/incidents/${positiveId(id, 'The incident id')}` });
        return print(v, incident, () =>
          fields([
            ['Incident', incident.id],
            ['Title', incident.title],
            ['Severity', incident.severity],
            ['Status', incident.status],
            ['User-facing', incident.userFacing ? 'yes' : 'no'],
            ['Restricted', incident.restricted ? 'yes' : 'no'],
            ['Services', incident.services.join(', ')],
            ['Labels', incident.labels.join(', ')],
            ['Commander', person(incident.commander)],
            ['Impact started', incident.impactStartedAt],
            ['Detected', incident.detectedAt],
            ['Mitigated', incident.mitigatedAt],
            ['Resolved', incident.resolvedAt],
            ['Customer impact', incident.customerImpact],
            ['Review', incident.review ? `${incident.review.id} (${incident.review.state}${incident.review.overdue ? ', overdue' : ''})` : null],
          ]),
        );
      },
    },
    create: {
      usage: 'incidents create --title <title> --severity sev1|sev2|sev3|sev4 [--service <name>]... [--label <label>]... [--commander <name>] [--started-at <ISO 8601>] [--impact <text>] [--user-facing] [--restricted] [--json]',
      summary: 'create an incident (needs the responder role)',
      options: {
        ...json,
        title: { type: 'string' },
        severity: { type: 'string' },
        service: { type: 'string', multiple: true },
        label: { type: 'string', multiple: true },
        commander: { type: 'string' },
        'started-at': { type: 'string' },
        impact: { type: 'string' },
        'user-facing': { type: 'boolean', default: false },
        restricted: { type: 'boolean', default: false },
      },
      positionals: { min: 0, max: 0 },
      run: async (api, v) => {
        if (!str(v.title) || !str(v.severity)) throw new CliError('--title and --severity are required', exitCodes.usage);
        const body = {
          title: str(v.title),
          severity: str(v.severity),
          services: list(v.service) ?? [],
          labels: list(v.label) ?? [],
          commander: str(v.commander) ?? null,
          impactStartedAt: str(v['started-at']) ?? null,
          customerImpact: str(v.impact) ?? null,
          userFacing: v['user-facing'] === true,
          restricted: v.restricted === true,
        };
        const incident = await callApi<Incident>(api, { method: 'POST', path: '/api/incidents', body });
        return print(v, incident, () => `Created incident ${incident.id}: ${incident.title}${incident.review ? ` (review ${incident.review.id})` : ''}`);
      },
    },
  },
  reviews: {
    show: {
      usage: 'reviews show <id> [--json]',
      summary: 'one review: its state, owner, deadline and summary',
      options: json,
      positionals: { min: 1, max: 1 },
      run: async (api, v, [id]) => {
        const review = await callApi<Review>(api, { method: 'GET', path: `/api/reviews/${positiveId(id, 'The review id')}` });
        return print(v, review, () =>
          fields([
            ['Review', review.id],
            ['Incident', `${review.incidentId} ${review.incidentTitle} (${review.incidentSeverity})`],
            ['State', review.state],
            ['Owner', person(review.owner)],
            ['Due', review.dueAt ? `${review.dueAt}${review.overdue ? ' (overdue)' : ''}` : null],
            ['Quality score', review.qualityScore],
            ['Summary', review.summary],
          ]),
        );
      },
    },
    export: {
      usage: 'reviews export <id> [--format markdown|html|pdf] [--output <file>]',
      summary: 'the whole review as Markdown (default), HTML or PDF, to stdout or a file',
      options: { format: { type: 'string', default: 'markdown' }, output: { type: 'string', short: 'o' } },
      positionals: { min: 1, max: 1 },
      run: async (api, v, [id]) => {
        const request: ApiRequest = { method: 'GET', path: `/api/reviews/${positiveId(id, 'The review id')}/export`, query: { format: str(v.format) } };
        const answer = await api(request);
        if (answer.status !== 200) await callApi(api, request); // throws the refusal
        const bytes = answer.bytes ?? new TextEncoder().encode(answer.text);
        if (str(v.output)) {
          await fs.writeFile(str(v.output)!, bytes);
          return `Wrote ${str(v.output)}`;
        }
        return bytes;
      },
    },
  },
  actions: {
    list: {
      usage: 'actions list [--owner me|<id>|<name>] [--status s,...] [--overdue] [--review <id>] [--limit n] [--cursor c] [--json]',
      summary: 'action items across reviews',
      options: { ...json, ...listFilters, owner: { type: 'string' }, status: { type: 'string' }, overdue: { type: 'boolean' }, review: { type: 'string' } },
      positionals: { min: 0, max: 0 },
      run: async (api, v) => {
        const query = { owner: str(v.owner), status: str(v.status), overdue: v.overdue === undefined ? undefined : String(v.overdue), reviewId: str(v.review), limit: str(v.limit), cursor: str(v.cursor) };
        const page = await callApi<{ items: ActionItem[]; nextCursor: string | null }>(api, { method: 'GET', path: '/api/action-items', query });
        return print(v, page, () =>
          table(
            ['ID', 'Status', 'Due', 'Owner', 'Title', 'Incident'],
            page.items.map((a) => [String(a.id), a.status, a.dueDate ? `${a.dueDate}${a.overdue ? ' (overdue)' : ''}` : '-', person(a.owner), a.title, `${a.incidentId} ${a.incidentTitle}`]),
          ) + nextPage(page.nextCursor),
        );
      },
    },
  },
  search: {
    '': {
      usage: 'search <words>... [--service <name>] [--severity s,...] [--state s,...] [--label <label>] [--from <day>] [--to <day>] [--limit n] [--cursor c] [--json]',
      summary: 'search the reviews you may read',
      options: { ...json, ...listFilters, service: { type: 'string' }, severity: { type: 'string' }, state: { type: 'string' }, label: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
      positionals: { min: 0, max: Infinity },
      run: async (api, v, words) => {
        const query = { q: words.join(' '), service: str(v.service), severity: str(v.severity), state: str(v.state), label: str(v.label), from: str(v.from), to: str(v.to), limit: str(v.limit), cursor: str(v.cursor) };
        const page = await callApi<SearchPage>(api, { method: 'GET', path: '/api/search', query });
        return print(v, page, () => {
          const rows = page.items.map((hit) => [String(hit.reviewId), String(hit.incidentId), hit.severity, hit.state, hit.startedAt.slice(0, 10), hit.title, hit.matches[0]?.segments.map((s) => s.text).join('') ?? '']);
          return `${table(['Review', 'Incident', 'Severity', 'State', 'Started', 'Title', 'Match'], rows)}\n${page.total}${page.totalCapped ? '+' : ''} found${nextPage(page.nextCursor)}`;
        });
      },
    },
  },
};

export const isClientCommand = (name: string) => Object.hasOwn(clientCommands, name);

const label = (group: string, sub: string) => (sub ? `${group} ${sub}` : group);

/** The lines of `hindsight --help` for the client commands. */
export const clientCommandSummaries = (): Array<{ usage: string; summary: string }> =>
  Object.entries(clientCommands).flatMap(([group, subs]) => Object.entries(subs).map(([sub, command]) => ({ usage: label(group, sub), summary: command.summary })));

/** `hindsight <group> --help` or `hindsight <group> <sub> --help`. */
export function clientUsage(group: string, sub?: string): string {
  const subs = clientCommands[group]!;
  const chosen = sub !== undefined ? subs[sub] : subs[''];
  if (chosen) return `Usage: hindsight ${chosen.usage}\n\n${chosen.summary}\n${chosen.details ? `${chosen.details}\n` : ''}\n${connectionHelp}`;
  return `Usage:\n${Object.values(subs)
    .map((command) => `  hindsight ${command.usage}\n      ${command.summary}`)
    .join('\n')}\n\nhindsight ${group} <command> --help describes one.\n\n${connectionHelp}`;
}

/** Runs a client command; answers the exit code. Writes the result to stdout. */
export async function clientCommand(group: string, argv: string[], out: (text: string | Uint8Array) => void = writeOut): Promise<number> {
  const subs = clientCommands[group]!;
  const wantsHelp = argv.some((arg) => arg === '--help' || arg === '-h');
  const sub = subs[''] ? '' : argv[0];
  if (sub === undefined || (sub !== '' && !Object.hasOwn(subs, sub))) {
    if (wantsHelp && (sub === undefined || sub.startsWith('-'))) {
      out(`${clientUsage(group)}\n`);
      return exitCodes.ok;
    }
    throw new CliError(sub === undefined ? clientUsage(group) : `Unknown command "${group} ${sub}"; run hindsight ${group} --help`, exitCodes.usage);
  }
  if (wantsHelp) {
    out(`${clientUsage(group, sub)}\n`);
    return exitCodes.ok;
  }
  const command = subs[sub]!;
  const { values, positionals } = parseArgs({ args: sub ? argv.slice(1) : argv, allowPositionals: true, strict: true, options: { ...connectionOptions, ...command.options } });
  if (positionals.length < command.positionals.min || positionals.length > command.positionals.max) throw new CliError(`Usage: hindsight ${command.usage}`, exitCodes.usage);
  const connection = resolveConnection({ url: str(values.url), token: str(values.token), config: str(values.config) });
  const result = await withExitCodes(() => command.run(clientFor(connection), values as Record<string, string | boolean | string[] | undefined>, positionals));
  out(typeof result === 'string' ? `${result}\n` : result);
  return exitCodes.ok;
}

/** The API's answers as the documented exit codes. */
export async function withExitCodes<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiUnreachable) throw new CliError(error.message, exitCodes.unreachable);
    if (error instanceof ApiRefused && error.status === 401) throw new CliError(`${error.message}\nCheck the token (--token, HINDSIGHT_TOKEN or the config file)`, exitCodes.unreachable);
    if (error instanceof ApiRefused) throw new CliError(error.message, exitCodes.refused);
    throw error;
  }
}

const writeOut = (text: string | Uint8Array) => void process.stdout.write(text);
