/**
 * Which cached queries a committed event makes stale. Exactly those: an edit to a factor refetches
 * the review's factors, not its timeline. Keys that are prefixes of other keys (a review's own
 * record, `['reviews', 12]`, is the prefix of its parts) are invalidated exactly.
 */
import type { QueryKey } from '@tanstack/react-query';
import type { DomainEvent } from '../../shared/events/domain-events.js';
import { queryKeys } from './query-keys.js';

export interface Invalidation {
  queryKey: QueryKey;
  /** Only this key, not the keys it is a prefix of. */
  exact?: boolean;
}

const lists = {
  incidents: { queryKey: ['incidents', 'list'] },
  reviews: { queryKey: [...queryKeys.reviews, 'list'] },
  overdueReviews: { queryKey: [...queryKeys.reviews, 'overdue'] },
  actionItems: { queryKey: [...queryKeys.actionItems, 'list'] },
} satisfies Record<string, Invalidation>;

const incident = (id: number): Invalidation => ({ queryKey: queryKeys.incident(id), exact: true });
const incidentReview = (id: number): Invalidation => ({ queryKey: queryKeys.incidentReview(id) });
const review = (id: number): Invalidation => ({ queryKey: queryKeys.review(id), exact: true });
const transitions = (id: number): Invalidation => ({ queryKey: queryKeys.reviewTransitions(id) });
/** The timeline, its metrics, and the workflow's guards (a review needs a timeline before its async review). */
const timeline = (incidentId: number): Invalidation[] => [
  { queryKey: queryKeys.timeline(incidentId) },
  { queryKey: queryKeys.metrics(incidentId) },
  { queryKey: queryKeys.allReviewTransitions },
  // Which suspect changes are on the timeline.
  { queryKey: queryKeys.suspectChanges(incidentId) },
];

/** What a review's own fields show up in besides the review: its incident's brief and the lists. */
const reviewRecord = (reviewId: number, incidentId: number): Invalidation[] => [
  review(reviewId),
  transitions(reviewId),
  incident(incidentId),
  incidentReview(incidentId),
  lists.reviews,
  lists.overdueReviews,
];

const keyTimestampFields = ['impactStartedAt', 'detectedAt', 'respondedAt', 'mitigatedAt', 'resolvedAt'];

export function invalidationsFor(event: DomainEvent): Invalidation[] {
  switch (event.type) {
    case 'incident.created':
      return [lists.incidents];
    case 'incident.changed':
    case 'incident.resolved': {
      const touchesTimeline = event.type === 'incident.resolved' || event.fields.some((f) => keyTimestampFields.includes(f));
      // Its title and severity are shown in the review and action-item lists; its status decides the policy.
      return [incident(event.incidentId), incidentReview(event.incidentId), lists.incidents, lists.reviews, lists.overdueReviews, lists.actionItems, ...(touchesTimeline ? timeline(event.incidentId) : [])];
    }
    case 'incident.access_changed':
      return [incident(event.incidentId), { queryKey: queryKeys.incidentAccess(event.incidentId) }, lists.incidents, lists.reviews, lists.actionItems];
    case 'review.created':
      return reviewRecord(event.reviewId, event.incidentId);
    case 'review.changed':
      // Completeness and the workflow's guards follow from the summary, facilitator, ...
      return reviewRecord(event.reviewId, event.incidentId);
    case 'review.state_changed':
      return [...reviewRecord(event.reviewId, event.incidentId), lists.actionItems];
    case 'timeline.entries_added':
      // An entry can carry a key timestamp, which is also the incident's.
      return [...timeline(event.incidentId), incident(event.incidentId)];
    case 'timeline.entry_corrected':
      return [...timeline(event.incidentId), { queryKey: queryKeys.entryHistory(event.entryId) }, ...(event.fields.includes('keyTimestamp') || event.fields.includes('occurredAt') ? [incident(event.incidentId)] : [])];
    case 'timeline.entry_deleted':
      return [...timeline(event.incidentId), incident(event.incidentId)];
    case 'comment.added':
      return [{ queryKey: queryKeys.timeline(event.incidentId) }, { queryKey: queryKeys.entryComments(event.on.id) }];
    case 'review_comment.changed':
    case 'sign_off.changed':
      // Open threads and sign-offs decide the async review's gate.
      return [{ queryKey: queryKeys.reviewComments(event.reviewId) }, { queryKey: queryKeys.asyncReview(event.reviewId) }, transitions(event.reviewId)];
    case 'meeting.scheduled':
      return [{ queryKey: queryKeys.meeting(event.reviewId) }];
    case 'notes.changed':
      return [{ queryKey: queryKeys.reviewNotes(event.reviewId) }];
    case 'meeting.moved':
      // The event carries the position: the live provider writes it into the cache, nothing is read again.
      return [];
    case 'factor.changed':
      return [{ queryKey: queryKeys.reviewPart(event.reviewId, 'factors') }, transitions(event.reviewId)];
    case 'whys.changed':
      return [{ queryKey: queryKeys.reviewPart(event.reviewId, 'whys') }];
    case 'answer.changed':
      return [{ queryKey: queryKeys.reviewPart(event.reviewId, 'questions') }];
    case 'action_item.created':
    case 'action_item.changed':
    case 'action_item.status_changed':
    case 'action_item.deleted':
    case 'actionItem.soakEnded':
      return [{ queryKey: queryKeys.reviewPart(event.reviewId, 'action-items') }, lists.actionItems];
    case 'external_summary.created':
    case 'external_summary.revoked':
      return [{ queryKey: queryKeys.externalSummaries(event.reviewId) }];
    case 'changes.added':
      return [{ queryKey: queryKeys.changes }];
    case 'global_review.changed':
      // The session's own page, and the upcoming one when it is that session.
      return [{ queryKey: queryKeys.globalReviews }];
    case 'tracker.changed':
      return [{ queryKey: queryKeys.trackers }];
    case 'alert_source.changed':
      return [{ queryKey: queryKeys.alertSources }];
    case 'team.changed':
      return [{ queryKey: queryKeys.teams }];
    case 'user.created':
      return [{ queryKey: queryKeys.users }, { queryKey: ['people'] }];
    case 'user.changed':
      // A new name shows wherever the person is named: read everything again.
      return event.fields.includes('name') ? [{ queryKey: [] }] : [{ queryKey: queryKeys.users }, { queryKey: ['people'] }];
    case 'api_token.created':
    case 'api_token.revoked':
      return [{ queryKey: queryKeys.tokens }];
    case 'session.started':
    case 'session.ended':
      return [];
  }
}
