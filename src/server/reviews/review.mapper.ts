import type { PersonRef } from '../../shared/accounts/person.schema.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import { isOverdue } from '../incidents/incident.mapper.js';
import { personOf } from '../people/person.mapper.js';
import type { ReviewRow } from './reviews.repo.js';

export const toReview = (row: ReviewRow, now: Date): Review => ({
  id: row.id,
  incidentId: row.incident_id,
  incidentTitle: row.incident_title,
  incidentSeverity: row.incident_severity as Review['incidentSeverity'],
  owner: personOf(row.owner_user_id, row.owner),
  state: row.state as Review['state'],
  dueAt: row.due_at,
  overdue: isOverdue(row.state, row.due_at_ms, now),
  policy: { required: row.policy_required === 1, reason: row.policy_reason },
  requestedBy: personOf(row.requested_by_user_id, row.requested_by),
  facilitator: personOf(row.facilitator_user_id, row.facilitator),
  scribe: personOf(row.scribe_user_id, row.scribe),
  template: row.template as Review['template'],
  summary: row.summary,
  impact: row.impact,
  learnings: row.learnings,
  qualityScore: row.quality_score,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Blank free text is stored as null: "not written". */
export const blankToNull = (value: string | null): string | null => (value === null || value.trim() === '' ? null : value);

/** A partial update's free-text fields with blanks turned into null; absent fields stay absent. */
export function normaliseText<T extends object, K extends keyof T>(values: T, fields: readonly K[]): T {
  const result = { ...values };
  for (const field of fields) {
    const value = result[field];
    if (typeof value === 'string') result[field] = blankToNull(value) as T[K];
  }
  return result;
}

/** The row values naming one of a review's people: the name and the user it names. */
export function personValues<K extends 'owner' | 'facilitator' | 'scribe' | 'requested_by'>(key: K, person: PersonRef | null) {
  return { [key]: person?.name ?? null, [`${key}_user_id`]: person?.userId ?? null } as Record<K, string | null> & Record<`${K}_user_id`, number | null>;
}
