import type { RecordedEvent } from '../../shared/events/domain-events.js';

/** Something in this process that acts on committed events: a cache, the live channel. */
export interface EventSubscriber {
  /** Events in commit order. A failure is logged and does not stop other subscribers or later events. */
  onEvents(events: readonly RecordedEvent[]): void | Promise<void>;
  /**
   * Events may have been missed (the PostgreSQL listener reconnected): forget what depends on them
   * (caches), tell clients to read everything again.
   */
  onResync?(): void | Promise<void>;
}

/**
 * This instance's subscribers. Deliveries are queued and run one after another, so every
 * subscriber sees events in commit order (and so in order per review), even when one is slow.
 */
export class EventBus {
  readonly #subscribers = new Set<EventSubscriber>();
  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly log: (message: string, error: unknown) => void = defaultLog) {}

  subscribe(subscriber: EventSubscriber): () => void {
    this.#subscribers.add(subscriber);
    return () => this.#subscribers.delete(subscriber);
  }

  deliver(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return this.#queue;
    return this.#enqueue((subscriber) => subscriber.onEvents(events), 'delivering events');
  }

  resync(): Promise<void> {
    return this.#enqueue((subscriber) => subscriber.onResync?.(), 'resynchronising');
  }

  /** Resolves once everything delivered so far has been handled. */
  idle(): Promise<void> {
    return this.#queue;
  }

  #enqueue(call: (subscriber: EventSubscriber) => void | Promise<void>, what: string): Promise<void> {
    this.#queue = this.#queue.then(async () => {
      for (const subscriber of [...this.#subscribers]) {
        try {
          await call(subscriber);
        } catch (error) {
          this.log(`An event subscriber failed while ${what}`, error);
        }
      }
    });
    return this.#queue;
  }
}

const defaultLog = (message: string, error: unknown) => console.error(message, error);
