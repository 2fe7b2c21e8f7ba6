import type {
  ChangeCreate,
  ChangeEvent,
  ChangeImportRequest,
  ChangeImportResult,
  ChangeListQuery,
  ChangeSource,
  ParsedChange,
} from '../../shared/changes/change.schema.js';
import { externalIdOf, parseChanges } from '../../shared/changes/parse-changes.js';
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/group-commit.js';
import { recordChange } from '../events/record-change.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { invalidField } from '../http/version-conflict.js';
import { toChangeEvent, toChangeValues } from './change.mapper.js';
import * as repo from './changes.repo.js';

type StorableChange = Omit<ParsedChange, 'source'> & { source: ChangeSource };

/**
 * Stores the changes not known yet, in one transaction with their audit entry and event; a change
 * known before (same source and external id, imported earlier or by someone at the same moment)
 * is left as it is, and a list with nothing new records nothing.
 */
async function store(ctx: AppContext, changes: StorableChange[], action: 'change.import' | 'change.create'): Promise<{ rows: Map<string, repo.ChangeRow>; created: Set<number> }> {
  const nowIso = ctx.now().toISOString();
  const values = changes.map((change) => toChangeValues(change, ctx.actor?.userId ?? null, nowIso));
  return writeTransaction(ctx.db, async (trx) => {
    const changeIds = await repo.insertNewChanges(trx, values);
    if (changeIds.length) {
      const sources = [...new Set(values.map((v) => v.source))];
      await recordChange(ctx, trx, { type: 'changes.added', changeIds }, { action, entityType: 'change_event', entityId: changeIds[0]!, before: null, after: { changeIds, sources } });
    }
    return { rows: await repo.findKnown(trx, values), created: new Set(changeIds) };
  });
}

/** Reads a list of changes; unless it is a dry run, stores those not known yet. */
export async function importChanges(ctx: AppContext, request: ChangeImportRequest): Promise<ChangeImportResult> {
  const parsed = parseChanges(request.format, request.content, { timeZone: request.timeZone, service: request.service });
  if ('unreadable' in parsed) throw invalidField('content', `The ${request.format === 'csv' ? 'CSV' : 'JSON'} ${parsed.unreadable}`);
  const keys = parsed.changes.map((change) => ({ source: change.source, external_id: change.externalId }));
  const { rows, created } = request.dryRun ? { rows: await repo.findKnown(ctx.db, keys), created: new Set<number>() } : await store(ctx, parsed.changes, 'change.import');
  // A change listed twice is created once: the second mention is "known".
  const seen = new Set<string>();
  const changes = parsed.changes.map(({ row, ...change }) => {
    const key = repo.changeKey({ source: change.source, external_id: change.externalId });
    const stored = rows.get(key);
    const known = seen.has(key) || (stored !== undefined && !created.has(stored.id));
    seen.add(key);
    return { ...change, row, id: stored?.id ?? null, known };
  });
  return { created: created.size, known: changes.filter((c) => c.known).length, changes, problems: parsed.problems };
}

/** One change, as a CI pipeline reports it; sending the same one again (same externalId) answers the stored one. */
export async function addChange(ctx: AppContext, input: ChangeCreate): Promise<{ change: ChangeEvent; created: boolean }> {
  const externalId = externalIdOf(input.service, input.externalId, input.occurredAt, input.title);
  const { rows, created } = await store(ctx, [{ ...input, source: 'api', externalId }], 'change.create');
  const row = rows.get(repo.changeKey({ source: 'api', external_id: externalId }))!;
  return { change: toChangeEvent(row), created: created.has(row.id) };
}

export async function listChanges(ctx: AppContext, query: ChangeListQuery) {
  const cursor = decodeCursor(query.cursor, ['occurredAtMs', 'id'] as const);
  const filter = { service: query.service, fromMs: query.from ? Date.parse(query.from) : undefined, toMs: query.to ? Date.parse(query.to) : undefined };
  const rows = await repo.listChanges(ctx.db, filter, cursor, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toChangeEvent),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ occurredAtMs: last.occurred_at_ms, id: last.id }) : null,
  };
}

/** The changes between two instants, newest first, at most `limit`. */
export async function changesBetween(ctx: AppContext, fromMs: number, toMs: number, limit: number): Promise<ChangeEvent[]> {
  return (await repo.listChanges(ctx.db, { fromMs, toMs }, null, limit)).map(toChangeEvent);
}
