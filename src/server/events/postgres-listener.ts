import pg from 'pg';

type Handler = (payload: string) => void;

/**
 * One dedicated PostgreSQL connection that LISTENs on this instance's channels (committed events,
 * presence) and hands each notification to its channel's handler, in the order the server sent
 * them. A lost connection is re-opened with backoff; `onReconnect` then tells the owner that
 * notifications may have been missed meanwhile.
 */
export class PostgresListener {
  readonly #handlers = new Map<string, Handler>();
  #client: pg.Client | null = null;
  #stopped = false;
  #retryMs = 250;
  #retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly onReconnect: () => void,
  ) {}

  /** Channel names are fixed identifiers of ours (never user input). */
  on(channel: string, handler: Handler): void {
    const isNew = !this.#handlers.has(channel);
    this.#handlers.set(channel, handler);
    if (isNew && this.#client) this.#client.query(`LISTEN ${channel}`).catch((error: unknown) => console.warn(`LISTEN ${channel} failed`, error));
  }

  async start(): Promise<void> {
    await this.#connect();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => undefined);
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      const handler = this.#handlers.get(message.channel);
      if (handler && message.payload !== undefined) handler(message.payload);
    });
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    await client.connect();
    for (const channel of this.#handlers.keys()) await client.query(`LISTEN ${channel}`);
    this.#client = client;
    this.#retryMs = 250;
  }

  #lost(client: pg.Client): void {
    if (this.#stopped || this.#client !== client) return;
    this.#client = null;
    client.end().catch(() => undefined);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#stopped) return;
    const delay = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, 30_000);
    this.#retryTimer = setTimeout(() => {
      this.#connect().then(
        () => this.onReconnect(),
        (error: unknown) => {
          console.warn(`PostgreSQL listener: reconnecting failed (${(error as Error).message}); trying again`);
          this.#scheduleReconnect();
        },
      );
    }, delay);
    this.#retryTimer.unref();
  }
}
