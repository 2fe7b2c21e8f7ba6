import type { Review } from '../../shared/reviews/review.schema.js';
import { isOverdue } from '../incidents/incident.mapper.js';
import type { ReviewRow } from './reviews.repo.js';

export const toReview = (row: ReviewRow, now: Date): Review => ({
  id: row.id,
  incidentId: row.incident_id,
  owner: row.owner,
  state: row.state as Review['state'],
  dueAt: row.due_at,
  overdue: isOverdue(row.state, row.due_at_ms, now),
  policy: { required: row.policy_required === 1, reason: row.policy_reason },
  requestedBy: row.requested_by,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
