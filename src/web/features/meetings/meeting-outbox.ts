/**
 * What people add inline in meeting mode, kept in the browser until the server has it: an outbox in
 * localStorage, keyed by review, sent in order. A POST carries its item's key as Idempotency-Key, so
 * a retry after a dropped connection (the answer lost, not the request) is answered from the first
 * time, never created twice. A network failure keeps the item for the next try (the connection comes
 * back, the page is reloaded); a refusal (validation, conflict) is set aside, with what was typed, to
 * be shown.
 */
export interface OutboxItem {
  /** Also the Idempotency-Key. */
  key: string;
  /** What it is, as people say it: "Action item: Add a canary stage". */
  label: string;
  method: 'POST' | 'PATCH';
  path: string;
  body: unknown;
  createdAt: string;
}

export interface Refused {
  item: OutboxItem;
  message: string;
}

/** The part of localStorage the outbox uses, so tests can stand in for it. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SendResult = 'sent' | 'offline' | { refused: string };

export const outboxStorageKey = (reviewId: number) => `hindsight.meeting-outbox.${reviewId}`;

export class MeetingOutbox {
  private readonly listeners = new Set<() => void>();
  private pending: OutboxItem[];
  private refusedItems: Refused[] = [];
  private flushing: Promise<void> | null = null;
  private snapshot: { pending: OutboxItem[]; refused: Refused[] };

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly storageKey: string,
    private readonly send: (item: OutboxItem) => Promise<SendResult>,
  ) {
    this.pending = read(storage, storageKey);
    this.snapshot = { pending: this.pending, refused: this.refusedItems };
  }

  /** Adds an edit and tries to send everything waiting. */
  add(item: Omit<OutboxItem, 'key' | 'createdAt'>, key: string = crypto.randomUUID(), now = new Date()): Promise<void> {
    this.pending = [...this.pending, { ...item, key, createdAt: now.toISOString() }];
    this.changed();
    return this.flush();
  }

  /** Sends what waits, oldest first; stops at the first network failure (the order is kept). One flush at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.run().finally(() => (this.flushing = null));
    return this.flushing;
  }

  dismiss(key: string): void {
    this.refusedItems = this.refusedItems.filter((r) => r.item.key !== key);
    this.changed();
  }

  get = () => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private async run(): Promise<void> {
    while (this.pending.length > 0) {
      const item = this.pending[0]!;
      let result: SendResult;
      try {
        result = await this.send(item);
      } catch {
        result = 'offline';
      }
      if (result === 'offline') return;
      this.pending = this.pending.filter((p) => p.key !== item.key);
      if (result !== 'sent') this.refusedItems = [...this.refusedItems, { item, message: result.refused }];
      this.changed();
    }
  }

  private changed(): void {
    if (this.pending.length) this.storage.setItem(this.storageKey, JSON.stringify(this.pending));
    else this.storage.removeItem(this.storageKey);
    this.snapshot = { pending: this.pending, refused: this.refusedItems };
    for (const listener of this.listeners) listener();
  }
}

function read(storage: KeyValueStorage, key: string): OutboxItem[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? (parsed as OutboxItem[]).filter((i) => typeof i?.key === 'string' && typeof i.path === 'string') : [];
  } catch {
    return [];
  }
}
