import type { Executor } from '../context.js';
import type { EventBus } from './event-bus.js';
import { toRecordedEvent } from './event.mapper.js';
import { lastEventId, listEventsAfter } from './events.repo.js';

const PAGE = 500;

/**
 * Delivers committed events on SQLite by reading the log after the last id delivered. SQLite has
 * one writer at a time, so ids appear in commit order and a tail misses nothing. A local
 * transaction that recorded events pokes the tail; its read queues behind that transaction on the
 * one connection, so it runs after the commit. A short poll picks up other processes' writes (the
 * command line).
 */
export class SqliteEventTail {
  #cursor = 0;
  #scheduled = false;
  #draining: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(
    private readonly db: Executor,
    private readonly bus: EventBus,
    private readonly pollMs = 200,
  ) {}

  async start(): Promise<void> {
    this.#cursor = await lastEventId(this.db);
    this.#timer = setInterval(() => this.poke(), this.pollMs);
    this.#timer.unref();
  }

  poke(): void {
    if (this.#scheduled || this.#stopped) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#draining = this.#draining.then(() => this.#drain()).catch((error: unknown) => console.error('Reading the event log failed', error));
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#draining;
  }

  async #drain(): Promise<void> {
    while (!this.#stopped) {
      const rows = await listEventsAfter(this.db, this.#cursor, PAGE);
      if (rows.length === 0) return;
      this.#cursor = rows.at(-1)!.id;
      await this.bus.deliver(rows.map(toRecordedEvent));
      if (rows.length < PAGE) return;
    }
  }
}
