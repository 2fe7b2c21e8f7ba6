import type { DomainEvent, DomainEventType } from '../../shared/events/domain-events.js';
import type { JobDefinition } from '../jobs/job-definition.js';

/**
 * Durable work that follows an event: a job enqueued in the transaction that records the event, so
 * it exists exactly when the change does and runs after commit, retried until done. The key makes
 * a job once per event, or once per burst of events (`delayMs` lets a burst gather first).
 */
export interface EventJob<P> {
  on: readonly DomainEventType[];
  /** Narrows `on` by the event's content (e.g. only a change of a user's name); default: every event of those types. */
  when?(event: DomainEvent): boolean;
  job: JobDefinition<P>;
  /** The job's payload, from the event and its id in the log. */
  payload(event: DomainEvent, eventId: number): P;
  /** The idempotency key, from the event, its log id and when it was recorded (ms). */
  key(event: DomainEvent, eventId: number, atMs: number): string;
  delayMs?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const eventJob = <P>(reaction: EventJob<P>): EventJob<any> => reaction;
