/**
 * Committed events and presence in words, for the people watching: "Priya Shah edited the summary",
 * "Priya Shah is editing the impact". Pure, so the wording is tested without a browser.
 */
import type { DomainEvent, EventActor, RecordedEvent } from '../../shared/events/domain-events.js';
import { reviewQuestions } from '../../shared/reviews/review-questions.js';
import { reviewStateLabels } from '../../shared/reviews/workflow.js';

const reviewFieldNames: Record<string, string> = {
  summary: 'the summary',
  impact: 'the impact',
  learnings: 'the learnings',
  owner: 'the owner',
  facilitator: 'the facilitator',
  scribe: 'the scribe',
  dueAt: 'the due date',
  template: 'the template',
};

const incidentFieldNames: Record<string, string> = {
  title: 'the title',
  severity: 'the severity',
  userFacing: 'whether it is user-facing',
  services: 'the services',
  labels: 'the labels',
  commander: 'the commander',
  responders: 'the responders',
  customerImpact: 'the customer impact',
  status: 'the status',
  impactStartedAt: 'when impact started',
  detectedAt: 'when it was detected',
  respondedAt: 'when it was responded to',
  mitigatedAt: 'when it was mitigated',
  resolvedAt: 'when it was resolved',
};

const actionItemStatusNames: Record<string, string> = {
  proposed: 'Proposed',
  soaking: 'Soaking',
  accepted: 'Accepted',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Declined',
};

/** "a, b and c" */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const fieldsInWords = (fields: string[], names: Record<string, string>, fallback: string) => {
  const named = fields.map((f) => names[f]).filter((n): n is string => n !== undefined);
  return named.length ? listInWords(named) : fallback;
};

export const questionLabel = (key: string): string => reviewQuestions.find((q) => q.key === key)?.label ?? 'a key question';

const count = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

/** What the event did, as a phrase after the actor's name ("edited the summary"); null for account events nobody needs told. */
export function describeChange(event: DomainEvent): string | null {
  switch (event.type) {
    case 'incident.created':
      return 'recorded a new incident';
    case 'incident.changed':
      return `changed ${fieldsInWords(event.fields, incidentFieldNames, 'the incident')}`;
    case 'incident.resolved':
      return 'resolved the incident';
    case 'incident.access_changed':
      return event.restricted ? 'restricted who can see the incident' : 'opened the incident to everyone';
    case 'review.created':
      return 'opened the review';
    case 'review.changed':
      return `edited ${fieldsInWords(event.fields, reviewFieldNames, 'the review')}`;
    case 'review.state_changed':
      return event.to === 'published' ? 'published the review' : event.from === 'published' ? 'reopened the review' : `moved the review to “${reviewStateLabels[event.to]}”`;
    case 'timeline.entries_added':
      return `added ${count(event.entryIds.length, 'a timeline entry', 'timeline entries')}`;
    case 'timeline.entry_corrected':
      return 'corrected a timeline entry';
    case 'timeline.entry_deleted':
      return 'deleted a timeline entry';
    case 'comment.added':
      return 'commented on a timeline entry';
    case 'review_comment.changed':
      return { created: 'commented on the review', updated: 'edited a comment', deleted: 'deleted a comment', resolved: 'resolved a comment thread', reopened: 'reopened a comment thread' }[event.change];
    case 'sign_off.changed':
      return { requested: 'asked for a reviewer’s sign-off', removed: 'removed a reviewer', signed_off: 'signed off the review', changes_requested: 'requested changes to the review' }[event.status];
    case 'notes.changed':
      return event.change === 'accepted' ? 'added review items from the notes' : 'edited the notes';
    case 'meeting.moved':
      // Meeting mode shows the move itself; a notice on every step would be noise.
      return null;
    case 'meeting.scheduled':
      return event.rescheduled ? 'rescheduled the review meeting' : 'scheduled the review meeting';
    case 'factor.changed':
      return { created: 'added a factor', updated: 'edited a factor', deleted: 'removed a factor' }[event.change];
    case 'whys.changed':
      return { created: 'started a five-whys chain', updated: 'edited a five-whys chain', deleted: 'removed a five-whys chain' }[event.change];
    case 'answer.changed':
      return event.change === 'deleted' ? `cleared the answer to “${questionLabel(event.questionKey)}”` : `answered “${questionLabel(event.questionKey)}”`;
    case 'action_item.created':
      return 'added an action item';
    case 'action_item.changed':
      return 'edited an action item';
    case 'action_item.status_changed':
      return `moved an action item to “${actionItemStatusNames[event.to] ?? event.to}”`;
    case 'action_item.deleted':
      return 'removed an action item';
    case 'actionItem.soakEnded':
      return 'ended the soak time of an action item: its owner is asked to accept or decline it';
    case 'external_summary.created':
      return 'shared an external summary';
    case 'external_summary.revoked':
      return 'revoked an external summary';
    default:
      return null;
  }
}

/** "Priya Shah edited the summary", or null when the event is not worth telling. */
export function describeEvent(event: RecordedEvent): string | null {
  const change = describeChange(event);
  return change ? `${event.actor.name} ${change}` : null;
}

/** Who made a change, as the person reading is told: their own changes come from another tab or window. */
export const actorName = (actor: EventActor, me: number | null): string => (me !== null && actor.userId === me ? 'You, in another tab,' : actor.name);

/**
 * The field a presence entry names, in words: `summary` → "the summary", `questions.went_well` →
 * "“What went well?”". The names are the editor's (see the `editing` field of each part).
 */
export function describeEditingField(field: string): string {
  const [head, rest] = [field.split('.')[0]!, field.split('.').slice(1).join('.')];
  if (reviewFieldNames[head]) return reviewFieldNames[head];
  switch (head) {
    case 'questions':
      return `“${questionLabel(rest)}”`;
    case 'factors':
      return 'a factor';
    case 'whys':
      return 'a five-whys chain';
    case 'actionItems':
      return 'an action item';
    case 'timeline':
      return rest ? 'a timeline entry' : 'the timeline';
    case 'incident':
      return 'the incident';
    default:
      return 'the review';
  }
}
