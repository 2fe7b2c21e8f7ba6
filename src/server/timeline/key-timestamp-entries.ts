import { keyTimestamps, type KeyTimestamp } from '../../shared/incidents/incident.schema.js';
import type { TimelineKind } from '../../shared/timeline/timeline.schema.js';
import { systemActor } from '../access/actor.js';
import type { AppContext, Executor } from '../context.js';
import type { IncidentChange } from '../incidents/incident-reactions.js';
import { checkIncidentReviewEditable } from '../reviews/review-edits.js';
import * as repo from './timeline.repo.js';
import { entryValues, revision } from './timeline.service.js';

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
export async function syncKeyTimestampEntries(ctx: AppContext, trx: Executor, { incident, before }: IncidentChange): Promise<boolean> {
  // A new incident has no timeline yet.
  const existing = new Map(before === null ? [] : (await repo.listKeyEntries(trx, incident.id)).map((row) => [row.key_timestamp, row]));
  const nowIso = ctx.now().toISOString();
  const author = systemActor;
  const inserts = [];
  const revisions = [];
  const changing = keyTimestamps.filter((key) => incident[key] !== (existing.get(key)?.occurred_at ?? null));
  // The key timestamps are entries of the review's timeline: a published review keeps them as they are.
  if (changing.length > 0 && before !== null) await checkIncidentReviewEditable(trx, incident.id);
  for (const key of changing) {
    const value = incident[key];
    const entry = existing.get(key);
    if (value !== null && !entry) {
      const { kind, text } = keyEntries[key];
      inserts.push({ ...entryValues(incident.id, { occurredAt: value, kind, text, source: 'manual', precision: 'minute' }, author, nowIso), key_timestamp: key });
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
  return false;
}
