import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from '../config.js';
import type { Executor } from '../context.js';
import type { DialectName } from '../db/dialect.js';
import { EventBus } from './event-bus.js';
import { EVENTS_CHANNEL } from './events.repo.js';
import { PostgresEventSource } from './postgres-event-source.js';
import { PostgresListener } from './postgres-listener.js';
import { SqliteEventTail } from './sqlite-event-tail.js';

type BroadcastHandler = (payload: string) => void;

/**
 * How this app instance hears of committed events, and talks to its sibling instances: on SQLite
 * (one process) by tailing the event log; on PostgreSQL (possibly several instances) through
 * LISTEN/NOTIFY on one dedicated connection (docs/adr/0004-events-and-live-updates.md).
 * Started by the app (buildApp) and stopped when it closes; several starts share one run.
 */
export class EventPlatform {
  readonly bus = new EventBus();
  /** Names this instance in messages to its siblings. */
  readonly instanceId = randomUUID();
  readonly #broadcastHandlers = new Map<string, BroadcastHandler>();
  #tail: SqliteEventTail | null = null;
  #listener: PostgresListener | null = null;
  #pgSource: PostgresEventSource | null = null;
  #starts = 0;
  #starting: Promise<void> | null = null;
  readonly #recordedHooks = new Set<() => void>();

  constructor(
    private readonly db: Executor,
    private readonly dialect: DialectName,
    private readonly database: Config['database'],
  ) {}

  /** Called by recordChange inside a transaction: look for new events once it has committed. */
  recorded(): void {
    this.#tail?.poke();
    for (const hook of this.#recordedHooks) hook();
  }

  /** Runs `hook` whenever a local transaction records an event (e.g. to wake the job runner). */
  onRecorded(hook: () => void): () => void {
    this.#recordedHooks.add(hook);
    return () => this.#recordedHooks.delete(hook);
  }

  async start(): Promise<void> {
    this.#starts++;
    this.#starting ??= this.#open();
    await this.#starting;
  }

  async stop(): Promise<void> {
    if (this.#starts === 0 || --this.#starts > 0) return;
    await this.#starting?.catch(() => undefined);
    this.#starting = null;
    await this.#tail?.stop();
    await this.#listener?.stop();
    await this.#pgSource?.idle();
    await this.bus.idle();
    this.#tail = this.#listener = this.#pgSource = null;
  }

  /** Messages that need no log (presence): every instance's handler for `channel` gets them, this one's too. */
  onBroadcast(channel: string, handler: BroadcastHandler): void {
    this.#broadcastHandlers.set(channel, handler);
    this.#listener?.on(channel, handler);
  }

  async broadcast(channel: string, payload: string): Promise<void> {
    if (this.dialect !== 'postgres') {
      const handler = this.#broadcastHandlers.get(channel);
      if (handler) setImmediate(() => handler(payload));
      return;
    }
    await sql`select pg_notify(${channel}, ${payload})`.execute(this.db);
  }

  async #open(): Promise<void> {
    if (this.database.kind === 'sqlite') {
      this.#tail = new SqliteEventTail(this.db, this.bus);
      await this.#tail.start();
      return;
    }
    const source = new PostgresEventSource(this.db, this.bus);
    const listener = new PostgresListener(this.database.url, () => void this.bus.resync());
    listener.on(EVENTS_CHANNEL, (payload) => source.announced(payload));
    for (const [channel, handler] of this.#broadcastHandlers) listener.on(channel, handler);
    await listener.start();
    this.#pgSource = source;
    this.#listener = listener;
  }
}
