import type { Executor } from '../context.js';
import type { EventBus } from './event-bus.js';
import { toRecordedEvent } from './event.mapper.js';
import { findEvents } from './events.repo.js';

/**
 * Delivers committed events on PostgreSQL from their NOTIFY announcements (events.repo.ts), which
 * arrive after commit and in commit order on every instance. Ids that arrive together are read in
 * one query and delivered in the order they were announced.
 */
export class PostgresEventSource {
  #pending: number[] = [];
  #scheduled = false;
  #reading: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Executor,
    private readonly bus: EventBus,
  ) {}

  announced(payload: string): void {
    const id = Number(payload);
    if (!Number.isSafeInteger(id)) return;
    this.#pending.push(id);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      const ids = this.#pending;
      this.#pending = [];
      this.#reading = this.#reading.then(() => this.#deliver(ids)).catch((error: unknown) => console.error('Reading announced events failed', error));
    });
  }

  async idle(): Promise<void> {
    await this.#reading;
  }

  async #deliver(ids: number[]): Promise<void> {
    const rows = new Map((await findEvents(this.db, ids)).map((row) => [row.id, row]));
    // An id whose event was pruned meanwhile is simply gone.
    await this.bus.deliver(ids.flatMap((id) => (rows.has(id) ? [toRecordedEvent(rows.get(id)!)] : [])));
  }
}
