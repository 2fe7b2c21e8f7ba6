import type { Selectable } from 'kysely';
import { AppError, notFound } from '../../shared/errors.js';
import { changedFields, type DomainEvent, type EventActor } from '../../shared/events/domain-events.js';
import type { KeyTimestamp } from '../../shared/incidents/incident.schema.js';
import { computeMetrics, type Metric } from '../../shared/reviews/review-metrics.js';
import { shiftIsoDateTime } from '../../shared/timeline/clock-offset.js';
import { findContradictions, type Contradiction } from '../../shared/timeline/contradictions.js';
import type {
  ClockOffset,
  TimelineComment,
  TimelineEntry,
  TimelineEntryCreate,
  TimelineEntryUpdate,
  TimelineKind,
  TimelineRevision,
} from '../../shared/timeline/timeline.schema.js';
import type { Actor } from '../access/actor.js';
import { writeTransaction } from '../db/group-commit.js';
import { recordChange } from '../events/record-change.js';
import { resolveMentions } from '../people/people.service.js';
import { checkIncidentReviewEditable } from '../reviews/review-edits.js';
import type { AppContext, Executor } from '../context.js';
import { versionConflict } from '../http/version-conflict.js';
import type { TimelineEntriesTable } from '../db/schema.js';
import { getIncident, setKeyTimestamp } from '../incidents/incidents.service.js';
import { provenanceColumns, toComment, toRevision, toSnapshot, toTimelineEntry, toTimelineEntryWithCount } from './timeline.mapper.js';
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

/** F5: what the timeline's evidence contradicts (contradictions.ts), for a person to settle. */
export async function timelineContradictions(ctx: AppContext, incidentId: number): Promise<Contradiction[]> {
  const incident = await getIncident(ctx, incidentId);
  const entries = (await repo.listEntries(ctx.db, incident.id, false)).map(toTimelineEntryWithCount);
  return findContradictions(entries, incident);
}

/** An entry, after loading its incident the same way as every other read (visibility). */
async function readEntry(ctx: AppContext, entryId: number) {
  const row = await repo.findEntry(ctx.db, entryId);
  if (!row) throw notFound('Timeline entry', entryId);
  await getIncident(ctx, row.incident_id);
  return row;
}

export const getEntry = async (ctx: AppContext, entryId: number): Promise<TimelineEntry> => toTimelineEntryWithCount(await readEntry(ctx, entryId));

/** Row values of a new entry, keys always in the same order (the insert is compiled once per row count). */
export const entryValues = (incidentId: number, input: TimelineEntryCreate, author: EventActor, nowIso: string) => ({
  incident_id: incidentId,
  occurred_at: input.occurredAt,
  occurred_at_ms: Date.parse(input.occurredAt),
  kind: input.kind,
  text: input.text,
  author: author.name,
  author_user_id: author.userId,
  source: input.source,
  key_timestamp: null as string | null,
  precision: input.precision,
  ...provenanceColumns(input.provenance),
  created_at: nowIso,
  updated_at: nowIso,
});

/** Adds entries in one statement and one transaction: all of them or none. Returned in time order. */
export async function createEntries(ctx: AppContext, actor: Actor, incidentId: number, inputs: TimelineEntryCreate[]): Promise<TimelineEntry[]> {
  const incident = await getIncident(ctx, incidentId);
  const nowIso = ctx.now().toISOString();
  const rows = await writeTransaction(ctx.db, async (trx) => {
    await checkIncidentReviewEditable(trx, incident.id);
    const inserted = await repo.insertEntries(trx, inputs.map((input) => entryValues(incident.id, input, actor, nowIso)));
    const entries = inserted.map((row) => toTimelineEntry(row, 0));
    const [first] = entries;
    const event = { type: 'timeline.entries_added', incidentId: incident.id, entryIds: entries.map((entry) => entry.id) } as const;
    await recordChange(ctx, trx, event, {
      action: entries.length === 1 ? 'timeline.create' : 'timeline.create_batch',
      entityType: entries.length === 1 ? 'timeline_entry' : 'incident',
      entityId: entries.length === 1 && first ? first.id : incident.id,
      before: null,
      after: entries.length === 1 ? first : entries,
    }, actor);
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
  return writeTransaction(ctx.db, async (trx) => {
    const current = await repo.findEntry(trx, entryId);
    if (!current) throw notFound('Timeline entry', entryId);
    await checkIncidentReviewEditable(trx, current.incident_id);
    if (current.version !== version) throw versionConflict(`Timeline entry ${entryId}`, toTimelineEntryWithCount(current), version);
    if (current.deleted === 1) throw new AppError('conflict', `Timeline entry ${entryId} was deleted`, { current: toTimelineEntryWithCount(current) });
    const values = await change(trx, current);
    if (!values) return toTimelineEntryWithCount(current);
    const nowIso = ctx.now().toISOString();
    if (!(await repo.updateEntry(trx, entryId, version, { ...values, updated_at: nowIso }))) {
      throw versionConflict(`Timeline entry ${entryId}`, toTimelineEntryWithCount((await repo.findEntry(trx, entryId))!), version);
    }
    const after = { ...current, ...values };
    await repo.insertRevisions(trx, [revision(entryId, actor, nowIso, current, after, reason ?? null)]);
    const deleted = values.deleted === 1;
    const event: DomainEvent = deleted
      ? { type: 'timeline.entry_deleted', incidentId: current.incident_id, entryId }
      : { type: 'timeline.entry_corrected', incidentId: current.incident_id, entryId, fields: changedFields(toSnapshot(current), toSnapshot(after)) };
    await recordChange(ctx, trx, event, {
      action: deleted ? 'timeline.delete' : 'timeline.update',
      entityType: 'timeline_entry',
      entityId: entryId,
      before: toSnapshot(current),
      after: deleted ? null : toSnapshot(after),
    }, actor);
    return toTimelineEntryWithCount({ ...after, version: version + 1, updated_at: nowIso });
  });
}

/** A correction's history row, keys always in the same order (compiled inserts). */
export const revision = (entryId: number, author: EventActor, nowIso: string, before: EntryRow, after: EntryRow, reason: string | null) => ({
  entry_id: entryId,
  author: author.name,
  author_user_id: author.userId,
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
    if (changes.precision !== undefined && changes.precision !== current.precision) values.precision = changes.precision;
    if (changes.provenance !== undefined) {
      const provenance = provenanceColumns(changes.provenance);
      if ((Object.keys(provenance) as Array<keyof typeof provenance>).some((column) => provenance[column] !== current[column])) Object.assign(values, provenance);
    }
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

/** Whether the entries the caller saw (id and version) are exactly the source's entries now. */
const sameEntries = (expected: NonNullable<ClockOffset['entries']>, rows: EntryRow[]) => {
  const versions = new Map(rows.map((row) => [row.id, row.version]));
  return expected.length === rows.length && expected.every((entry) => versions.get(entry.id) === entry.version);
};

const fromSource = (offset: ClockOffset) => (row: EntryRow) =>
  row.source === offset.source && (offset.label === undefined || row.source_label === offset.label);

/**
 * Corrects one source's clock: every live entry of that source moves by `offsetSeconds` in one
 * transaction, each a correction like any other (a revision with the reason, a version bump, an
 * event). Entries standing for key timestamps move the incident's timestamps with them; they are
 * moved first, so the incident row is locked before any entry (as in correctEntry).
 */
export async function correctClockOffset(ctx: AppContext, actor: Actor, incidentId: number, offset: ClockOffset): Promise<TimelineEntry[]> {
  const incident = await getIncident(ctx, incidentId);
  const moved = await writeTransaction(ctx.db, async (trx) => {
    await checkIncidentReviewEditable(trx, incident.id);
    const nowIso = ctx.now().toISOString();
    const rows = (await repo.listEntries(trx, incident.id, false)).filter(fromSource(offset)).sort((a, b) => Number(b.key_timestamp !== null) - Number(a.key_timestamp !== null));
    if (offset.entries && !sameEntries(offset.entries, rows)) {
      throw new AppError('version_conflict', "The source's entries changed since you read them (one was corrected, added or removed): reload and try again", { current: null });
    }
    const afters = [];
    for (const current of rows) {
      const occurredAt = shiftIsoDateTime(current.occurred_at, offset.offsetSeconds);
      if (current.key_timestamp) await setKeyTimestamp(ctx, trx, incident.id, current.key_timestamp as KeyTimestamp, occurredAt);
      const after = await repo.updateEntryUnconditionally(trx, current.id, { occurred_at: occurredAt, occurred_at_ms: Date.parse(occurredAt), updated_at: nowIso });
      await repo.insertRevisions(trx, [revision(current.id, actor, nowIso, current, after, offset.reason)]);
      const event: DomainEvent = { type: 'timeline.entry_corrected', incidentId: incident.id, entryId: current.id, fields: ['occurredAt'] };
      await recordChange(ctx, trx, event, { action: 'timeline.clock_offset', entityType: 'timeline_entry', entityId: current.id, before: toSnapshot(current), after: toSnapshot(after) }, actor);
      afters.push({ ...after, comment_count: current.comment_count });
    }
    return afters;
  });
  return moved.sort((a, b) => a.occurred_at_ms - b.occurred_at_ms || a.id - b.id).map(toTimelineEntryWithCount);
}

export async function entryHistory(ctx: AppContext, entryId: number): Promise<TimelineRevision[]> {
  await readEntry(ctx, entryId);
  return (await repo.listRevisions(ctx.db, entryId)).map(toRevision);
}

/** A comment on an entry; the people it @mentions are resolved to users and named in its event. */
export async function addComment(ctx: AppContext, actor: Actor, entryId: number, text: string): Promise<TimelineComment> {
  const entry = await readEntry(ctx, entryId);
  if (entry.deleted === 1) throw new AppError('conflict', `Timeline entry ${entryId} was deleted`, { current: toTimelineEntryWithCount(entry) });
  const mentions = await resolveMentions(ctx.db, text);
  return writeTransaction(ctx.db, async (trx) => {
    await checkIncidentReviewEditable(trx, entry.incident_id);
    const values = { entry_id: entryId, author: actor.name, author_user_id: actor.userId, text, mentions: JSON.stringify(mentions), created_at: ctx.now().toISOString() };
    const comment = toComment(await repo.insertComment(trx, values));
    const event = {
      type: 'comment.added',
      incidentId: entry.incident_id,
      commentId: comment.id,
      on: { type: 'timeline_entry', id: entryId },
      mentions: mentions.map((person) => person.userId!),
    } as const;
    await recordChange(ctx, trx, event, { action: 'timeline.comment', entityType: 'timeline_comment', entityId: comment.id, before: null, after: comment }, actor);
    return comment;
  });
}

export async function listComments(ctx: AppContext, entryId: number): Promise<TimelineComment[]> {
  await readEntry(ctx, entryId);
  return (await repo.listComments(ctx.db, entryId)).map(toComment);
}

