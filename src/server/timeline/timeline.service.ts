import type { Selectable } from 'kysely';
import { AppError, notFound } from '../../shared/errors.js';
import { keyTimestamps, type Incident, type KeyTimestamp } from '../../shared/incidents/incident.schema.js';
import { computeMetrics, type Metric } from '../../shared/reviews/review-metrics.js';
import type {
  TimelineComment,
  TimelineEntry,
  TimelineEntryCreate,
  TimelineEntryUpdate,
  TimelineKind,
  TimelineRevision,
} from '../../shared/timeline/timeline.schema.js';
import { systemActor, type Actor } from '../access/actor.js';
import { auditChange } from '../audit/audit.service.js';
import type { AppContext, Executor } from '../context.js';
import { versionConflict } from '../http/version-conflict.js';
import type { TimelineEntriesTable } from '../db/schema.js';
import { getIncident, setKeyTimestamp } from '../incidents/incidents.service.js';
import { toComment, toRevision, toSnapshot, toTimelineEntry, toTimelineEntryWithCount } from './timeline.mapper.js';
import * as repo from './timeline.repo.js';

type EntryRow = Selectable<TimelineEntriesTable>;

/** The incident's timeline in time order. Loads the incident first, so its visibility rules apply. Not for use inside a transaction. */
export async function listTimeline(ctx: AppContext, incidentId: number, options: { includeDeleted?: boolean } = {}): Promise<TimelineEntry[]> {
  const incident = await getIncident(ctx, incidentId);
  const rows = await repo.listEntries(ctx.db, incident.id, options.includeDeleted ?? false);
  return rows.map(toTimelineEntryWithCount);
}

/** F6: the metrics from the incident's key timestamps, falling back to its timeline. */
export async function incidentMetrics(ctx: AppContext, incidentId: number): Promise<Metric[]> {
  const incident = await getIncident(ctx, incidentId);
  const timeline = await repo.listEntries(ctx.db, incident.id, false);
  return computeMetrics(incident, timeline.map((row) => ({ occurredAt: row.occurred_at, kind: row.kind as TimelineKind })));
}

/** An entry, after loading its incident the same way as every other read (visibility). */
async function readEntry(ctx: AppContext, entryId: number) {
  const row = await repo.findEntry(ctx.db, entryId);
  if (!row) throw notFound('Timeline entry', entryId);
  await getIncident(ctx, row.incident_id);
  return row;
}

export const getEntry = async (ctx: AppContext, entryId: number): Promise<TimelineEntry> => toTimelineEntryWithCount(await readEntry(ctx, entryId));

const entryValues = (incidentId: number, input: TimelineEntryCreate, author: string, nowIso: string) => ({
  incident_id: incidentId,
  occurred_at: input.occurredAt,
  occurred_at_ms: Date.parse(input.occurredAt),
  kind: input.kind,
  text: input.text,
  author,
  source: input.source,
  key_timestamp: null,
  created_at: nowIso,
  updated_at: nowIso,
});

/** Adds entries in one statement and one transaction: all of them or none. Returned in time order. */
export async function createEntries(ctx: AppContext, actor: Actor, incidentId: number, inputs: TimelineEntryCreate[]): Promise<TimelineEntry[]> {
  const incident = await getIncident(ctx, incidentId);
  const nowIso = ctx.now().toISOString();
  const rows = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertEntries(trx, inputs.map((input) => entryValues(incident.id, input, actor.name, nowIso)));
    const entries = inserted.map((row) => toTimelineEntry(row, 0));
    const [first] = entries;
    await auditChange(ctx, trx, {
      action: entries.length === 1 ? 'timeline.create' : 'timeline.create_batch',
      entityType: entries.length === 1 ? 'timeline_entry' : 'incident',
      entityId: entries.length === 1 && first ? first.id : incident.id,
      incidentId: incident.id,
      before: null,
      after: entries.length === 1 ? first : entries,
    });
    return inserted;
  });
  return rows.sort((a, b) => a.occurred_at_ms - b.occurred_at_ms || a.id - b.id).map((row) => toTimelineEntry(row, 0));
}

export async function createEntry(ctx: AppContext, actor: Actor, incidentId: number, input: TimelineEntryCreate): Promise<TimelineEntry> {
  const [entry] = await createEntries(ctx, actor, incidentId, [input]);
  return entry!;
}


/**
 * Runs `change` on the entry inside a transaction after checking the version the caller read, and
 * records the correction (who, when, before, after) in the same transaction.
 */
async function changeEntry(
  ctx: AppContext,
  actor: Actor,
  entryId: number,
  version: number,
  reason: string | undefined,
  change: (trx: Executor, current: EntryRow) => Promise<Partial<EntryRow> | null>,
): Promise<TimelineEntry> {
  await readEntry(ctx, entryId);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findEntry(trx, entryId);
    if (!current) throw notFound('Timeline entry', entryId);
    if (current.version !== version) throw versionConflict(`Timeline entry ${entryId}`, toTimelineEntryWithCount(current), version);
    if (current.deleted === 1) throw new AppError('conflict', `Timeline entry ${entryId} was deleted`, { current: toTimelineEntryWithCount(current) });
    const values = await change(trx, current);
    if (!values) return toTimelineEntryWithCount(current);
    const nowIso = ctx.now().toISOString();
    if (!(await repo.updateEntry(trx, entryId, version, { ...values, updated_at: nowIso }))) {
      throw versionConflict(`Timeline entry ${entryId}`, toTimelineEntryWithCount((await repo.findEntry(trx, entryId))!), version);
    }
    const after = { ...current, ...values };
    await repo.insertRevisions(trx, [revision(entryId, actor.name, nowIso, current, after, reason ?? null)]);
    await auditChange(ctx, trx, {
      action: values.deleted === 1 ? 'timeline.delete' : 'timeline.update',
      entityType: 'timeline_entry',
      entityId: entryId,
      incidentId: current.incident_id,
      before: toSnapshot(current),
      after: values.deleted === 1 ? null : toSnapshot(after),
    });
    return toTimelineEntryWithCount({ ...after, version: version + 1, updated_at: nowIso });
  });
}

const revision = (entryId: number, author: string, nowIso: string, before: EntryRow, after: EntryRow, reason: string | null) => ({
  entry_id: entryId,
  author,
  changed_at: nowIso,
  before: JSON.stringify(toSnapshot(before)),
  after: JSON.stringify(toSnapshot(after)),
  reason,
});

/**
 * A correction. Moving an entry that stands for one of the incident's key timestamps moves the
 * incident's timestamp too, in the same transaction (the incident row is locked first, as incident
 * changes do, so the two never deadlock).
 */
export function correctEntry(ctx: AppContext, actor: Actor, entryId: number, update: TimelineEntryUpdate): Promise<TimelineEntry> {
  const { version, reason, ...changes } = update;
  return changeEntry(ctx, actor, entryId, version, reason, async (trx, current) => {
    const values: Partial<EntryRow> = {};
    if (changes.occurredAt !== undefined && changes.occurredAt !== current.occurred_at) {
      values.occurred_at = changes.occurredAt;
      values.occurred_at_ms = Date.parse(changes.occurredAt);
    }
    if (changes.kind !== undefined && changes.kind !== current.kind) values.kind = changes.kind;
    if (changes.text !== undefined && changes.text !== current.text) values.text = changes.text;
    if (changes.source !== undefined && changes.source !== current.source) values.source = changes.source;
    if (Object.keys(values).length === 0) return null;
    if (values.occurred_at && current.key_timestamp) {
      await setKeyTimestamp(ctx, trx, current.incident_id, current.key_timestamp as KeyTimestamp, values.occurred_at);
    }
    return values;
  });
}

/**
 * Soft delete: the entry leaves the timeline but its history and comments stay readable. An entry
 * standing for a key timestamp is changed or cleared on the incident instead.
 */
export function deleteEntry(ctx: AppContext, actor: Actor, entryId: number, version: number, reason?: string): Promise<TimelineEntry> {
  return changeEntry(ctx, actor, entryId, version, reason, async (_trx, current) => {
    if (current.key_timestamp) {
      throw new AppError('conflict', `Timeline entry ${entryId} is the incident's ${current.key_timestamp}: clear or change it on the incident instead`);
    }
    return { deleted: 1 };
  });
}

export async function entryHistory(ctx: AppContext, entryId: number): Promise<TimelineRevision[]> {
  await readEntry(ctx, entryId);
  return (await repo.listRevisions(ctx.db, entryId)).map(toRevision);
}

export async function addComment(ctx: AppContext, actor: Actor, entryId: number, text: string): Promise<TimelineComment> {
  const entry = await readEntry(ctx, entryId);
  if (entry.deleted === 1) throw new AppError('conflict', `Timeline entry ${entryId} was deleted`, { current: toTimelineEntryWithCount(entry) });
  return ctx.db.transaction().execute(async (trx) => {
    const comment = toComment(await repo.insertComment(trx, { entry_id: entryId, author: actor.name, text, created_at: ctx.now().toISOString() }));
    await auditChange(ctx, trx, { action: 'timeline.comment', entityType: 'timeline_comment', entityId: comment.id, incidentId: entry.incident_id, before: null, after: comment });
    return comment;
  });
}

export async function listComments(ctx: AppContext, entryId: number): Promise<TimelineComment[]> {
  await readEntry(ctx, entryId);
  return (await repo.listComments(ctx.db, entryId)).map(toComment);
}

/** How each key timestamp appears in the timeline. */
const keyEntries: Record<KeyTimestamp, { kind: TimelineKind; text: string }> = {
  impactStartedAt: { kind: 'signal', text: 'Impact started' },
  detectedAt: { kind: 'detection', text: 'Detected' },
  respondedAt: { kind: 'escalation', text: 'Responded (acknowledged)' },
  mitigatedAt: { kind: 'mitigation', text: 'Mitigated' },
  resolvedAt: { kind: 'resolution', text: 'Resolved' },
};

/**
 * Called after every change to an incident, inside its transaction (which holds the incident row):
 * one live entry per non-null key timestamp, moved when the timestamp moves (text and kind edited
 * in the timeline are kept), and deleted when it is cleared. Writes only what differs, so calling
 * it again changes nothing; it never writes back to the incident.
 */
export async function syncKeyTimestampEntries(ctx: AppContext, trx: Executor, incident: Incident, isNew = false): Promise<void> {
  // A new incident has no timeline yet.
  const existing = new Map(isNew ? [] : (await repo.listKeyEntries(trx, incident.id)).map((row) => [row.key_timestamp, row]));
  const nowIso = ctx.now().toISOString();
  const author = systemActor.name;
  const inserts = [];
  const revisions = [];
  for (const key of keyTimestamps) {
    const value = incident[key];
    const entry = existing.get(key);
    if (value !== null && !entry) {
      const { kind, text } = keyEntries[key];
      inserts.push({ ...entryValues(incident.id, { occurredAt: value, kind, text, source: 'manual' }, author, nowIso), key_timestamp: key });
    } else if (value !== null && entry && entry.occurred_at !== value) {
      const after = await repo.updateEntryUnconditionally(trx, entry.id, { occurred_at: value, occurred_at_ms: Date.parse(value), updated_at: nowIso });
      revisions.push(revision(entry.id, author, nowIso, { ...after, occurred_at: entry.occurred_at }, after, `The incident's ${key} changed`));
    } else if (value === null && entry) {
      const after = await repo.updateEntryUnconditionally(trx, entry.id, { deleted: 1, key_timestamp: null, updated_at: nowIso });
      revisions.push(revision(entry.id, author, nowIso, { ...after, deleted: 0, key_timestamp: key }, after, `The incident's ${key} was cleared`));
    }
  }
  await repo.insertEntries(trx, inserts);
  await repo.insertRevisions(trx, revisions);
}
