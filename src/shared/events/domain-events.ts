/**
 * Domain events: what changed, recorded in the same transaction as the change (next to its audit
 * entry) and delivered after commit to subscribers (live updates, caches, durable jobs). An event
 * names what changed, never the data itself: a subscriber that needs the record reads it, with
 * the visibility rules of whoever it acts for.
 */
import type { ActionItemStatus } from '../actions/action-item.schema.js';
import type { ReviewState } from '../incidents/incident.schema.js';
import type { MeetingPosition } from '../meetings/meeting-mode.schema.js';
import type { SignOffStatus } from '../review-comments/sign-off.schema.js';

/** What happened to a comment on a review: its thread resolved or reopened, or the comment itself. */
export type ReviewCommentChange = 'created' | 'updated' | 'deleted' | 'resolved' | 'reopened';

/** What happened to a record of a review part. */
export type PartChange = 'created' | 'updated' | 'deleted';

interface OfIncident {
  incidentId: number;
}
interface OfReview extends OfIncident {
  reviewId: number;
}

export type DomainEvent =
  | ({ type: 'incident.created' } & OfIncident)
  | ({ type: 'incident.changed'; fields: string[] } & OfIncident)
  | ({ type: 'incident.resolved' } & OfIncident)
  | ({ type: 'incident.access_changed'; restricted: boolean } & OfIncident)
  | ({ type: 'review.created' } & OfReview)
  | ({ type: 'review.changed'; fields: string[] } & OfReview)
  | ({ type: 'review.state_changed'; from: ReviewState; to: ReviewState; reason: string | null; override?: string } & OfReview)
  | ({ type: 'timeline.entries_added'; entryIds: number[] } & OfIncident)
  | ({ type: 'timeline.entry_corrected'; entryId: number; fields: string[] } & OfIncident)
  | ({ type: 'timeline.entry_deleted'; entryId: number } & OfIncident)
  | ({ type: 'comment.added'; commentId: number; on: { type: 'timeline_entry'; id: number }; mentions: number[] } & OfIncident)
  | ({ type: 'review_comment.changed'; commentId: number; threadId: number; change: ReviewCommentChange; mentions: number[] } & OfReview)
  | ({ type: 'sign_off.changed'; userId: number; status: SignOffStatus | 'removed' } & OfReview)
  | ({ type: 'notes.changed'; revision: number; change: 'edited' | 'accepted' } & OfReview)
  | ({ type: 'meeting.scheduled'; sequence: number; rescheduled: boolean; gateOverride: string | null } & OfReview)
  /** Meeting mode moved (started, next stage or entry, ended): the position itself, so browsers follow at once. */
  | ({ type: 'meeting.moved' } & MeetingPosition & OfReview)
  | ({ type: 'factor.changed'; factorId: number; change: PartChange } & OfReview)
  | ({ type: 'whys.changed'; whysId: number; change: PartChange } & OfReview)
  | ({ type: 'answer.changed'; questionKey: string; change: PartChange } & OfReview)
  | ({ type: 'action_item.created'; actionItemId: number } & OfReview)
  | ({ type: 'action_item.changed'; actionItemId: number; fields: string[] } & OfReview)
  | ({ type: 'action_item.status_changed'; actionItemId: number; from: ActionItemStatus; to: ActionItemStatus; fields: string[] } & OfReview)
  | ({ type: 'action_item.deleted'; actionItemId: number } & OfReview)
  /** Soak time over (F12): the owner (null when none, or not an account) is to accept or decline the item. */
  | ({ type: 'actionItem.soakEnded'; actionItemId: number; ownerUserId: number | null } & OfReview)
  | ({ type: 'external_summary.created'; summaryId: number } & OfReview)
  | ({ type: 'external_summary.revoked'; summaryId: number } & OfReview)
  | { type: 'changes.added'; changeIds: number[] }
  /** A note or decision on an agenda item (item), or the attendees (item null); with the item's incident, if it has one. */
  | ({ type: 'global_review.changed'; day: string; item: string } & OfIncident)
  | { type: 'global_review.changed'; day: string; item: string | null }
  | { type: 'tracker.changed'; trackerId: number; change: PartChange }
  | { type: 'alert_source.changed'; sourceId: number; change: PartChange }
  | { type: 'team.changed'; teamId: number; change: PartChange }
  | { type: 'user.created'; userId: number }
  | { type: 'user.changed'; userId: number; fields: string[] }
  | { type: 'api_token.created'; tokenId: number; userId: number }
  | { type: 'api_token.revoked'; tokenId: number; userId: number }
  | { type: 'session.started'; userId: number; method: string }
  | { type: 'session.ended'; userId: number };

export type DomainEventType = DomainEvent['type'];

export interface EventActor {
  userId: number | null;
  name: string;
}

/** An event as committed: its place in the log, when, and who made the change. */
export type RecordedEvent<E extends DomainEvent = DomainEvent> = E & { id: number; at: string; actor: EventActor };

/** The incident an event belongs to (null for account events): what decides who may see it. */
export const incidentOfEvent = (event: DomainEvent): number | null => ('incidentId' in event ? event.incidentId : null);

/** The review an event belongs to, when it is about one of a review's parts. */
export const reviewOfEvent = (event: DomainEvent): number | null => ('reviewId' in event ? event.reviewId : null);

/** The fields two versions of a record differ in (shallow, by JSON value): what an event names. */
export function changedFields<T extends object>(before: T, after: T, ignore: ReadonlyArray<keyof T> = []): string[] {
  const skip = new Set<keyof T>(['version', 'updatedAt', ...ignore] as Array<keyof T>);
  return (Object.keys(after) as Array<keyof T>).filter((key) => !skip.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key])).map(String);
}
