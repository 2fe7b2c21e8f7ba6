import type { Selectable } from 'kysely';
import type { PersonRef } from '../../shared/accounts/person.schema.js';
import type { KeyTimestamp } from '../../shared/incidents/incident.schema.js';
import type {
  Provenance,
  ProvenanceInput,
  TimelineComment,
  TimelineEntry,
  TimelineRevision,
  TimelineSnapshot,
} from '../../shared/timeline/timeline.schema.js';
import type { TimelineEntriesTable } from '../db/schema.js';
import type { TimelineCommentRow, TimelineEntryRow, TimelineRevisionRow } from './timeline.repo.js';

type EntryRow = Selectable<TimelineEntriesTable>;

const toProvenance = (row: EntryRow): Provenance | null =>
  row.source_label === null ? null : { label: row.source_label, ref: row.source_ref, excerpt: row.excerpt };

/** The provenance columns of an entry; null clears all three. */
export const provenanceColumns = (provenance: ProvenanceInput | null | undefined) => ({
  source_label: provenance?.label ?? null,
  source_ref: provenance?.ref ?? null,
  excerpt: provenance?.excerpt ?? null,
});

export const toTimelineEntry = (row: EntryRow, commentCount: number): TimelineEntry => ({
  id: row.id,
  incidentId: row.incident_id,
  occurredAt: row.occurred_at,
  kind: row.kind as TimelineEntry['kind'],
  text: row.text,
  author: { userId: row.author_user_id, name: row.author },
  source: row.source as TimelineEntry['source'],
  keyTimestamp: row.key_timestamp as KeyTimestamp | null,
  precision: row.precision as TimelineEntry['precision'],
  provenance: toProvenance(row),
  commentCount,
  deleted: row.deleted === 1,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const toTimelineEntryWithCount = (row: TimelineEntryRow): TimelineEntry => toTimelineEntry(row, row.comment_count);

/** What a correction can change; stored as JSON before and after each change. */
export const toSnapshot = (row: EntryRow): TimelineSnapshot => ({
  occurredAt: row.occurred_at,
  kind: row.kind as TimelineSnapshot['kind'],
  text: row.text,
  source: row.source as TimelineSnapshot['source'],
  keyTimestamp: row.key_timestamp as KeyTimestamp | null,
  deleted: row.deleted === 1,
  precision: row.precision as TimelineSnapshot['precision'],
  provenance: toProvenance(row),
});

export const toRevision = (row: TimelineRevisionRow): TimelineRevision => ({
  id: row.id,
  entryId: row.entry_id,
  author: { userId: row.author_user_id, name: row.author },
  changedAt: row.changed_at,
  before: JSON.parse(row.before) as TimelineSnapshot,
  after: JSON.parse(row.after) as TimelineSnapshot,
  reason: row.reason,
});

export const toComment = (row: TimelineCommentRow): TimelineComment => ({
  id: row.id,
  entryId: row.entry_id,
  author: { userId: row.author_user_id, name: row.author },
  text: row.text,
  mentions: JSON.parse(row.mentions) as PersonRef[],
  createdAt: row.created_at,
});
