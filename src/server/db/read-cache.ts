import type { Kysely } from 'kysely';

/** How often `PRAGMA data_version` is asked: it starts a read transaction, which costs as much as a small query. */
const DATA_VERSION_EVERY_MS = 100;

/**
 * Tells whether a SQLite database may have changed: this process's writes are counted as they are
 * prepared (before they run); a commit by another process (`hindsight admin create` while the
 * server runs) moves `PRAGMA data_version`, which is looked at every 100 ms at most.
 */
export class ChangeDetector {
  #writes = 0;
  #dataVersion = 0;
  #dataVersionAt = -Infinity;
  /** The last stamp given and what it was made of: asked on every cached read, it is rebuilt only when one moved. */
  #stamp = '';
  #stampWrites = -1;
  #stampDataVersion = -1;

  constructor(
    private readonly dataVersion: () => number,
    private readonly clockMs: () => number = () => performance.now(),
  ) {}

  noteWrite(): void {
    this.#writes++;
  }

  /** Equal stamps mean nothing was written in between. */
  stamp(): string {
    const now = this.clockMs();
    if (now - this.#dataVersionAt >= DATA_VERSION_EVERY_MS) {
      this.#dataVersion = this.dataVersion();
      this.#dataVersionAt = now;
    }
    if (this.#writes !== this.#stampWrites || this.#dataVersion !== this.#stampDataVersion) {
      this.#stampWrites = this.#writes;
      this.#stampDataVersion = this.#dataVersion;
      this.#stamp = `${this.#writes}:${this.#dataVersion}`;
    }
    return this.#stamp;
  }
}

interface Cache {
  detector: ChangeDetector;
  stamp: string;
  entries: Map<string, unknown>;
}

const CAPACITY = 2_000;
const caches = new WeakMap<object, Cache>();

/** Makes `db` (the root handle of a SQLite database) eligible for readThrough. */
export function enableReadCache<Db>(db: Kysely<Db>, detector: ChangeDetector): void {
  caches.set(db, { detector, stamp: '', entries: new Map() });
}

/** The cache of `db`, emptied first when the database changed since it was filled; null when `db` has none. */
function currentCache(db: object): Cache | null {
  const cache = caches.get(db);
  if (!cache) return null;
  const stamp = cache.detector.stamp();
  if (stamp !== cache.stamp) {
    cache.entries.clear();
    cache.stamp = stamp;
  }
  return cache;
}

/**
 * What readThrough would answer from memory for `key`, without loading: lets the hottest reads
 * answer without a promise when the value is cached. Callers must not mutate what they get.
 */
export function cachedRead<Db, Value>(db: Kysely<Db>, key: string): Value | undefined {
  return currentCache(db)?.entries.get(key) as Value | undefined;
}

/**
 * A hot read by key, served from memory while the database has not changed since it was loaded;
 * any write empties the cache. Only for SQLite, whose one connection belongs to this process, and
 * only outside transactions: a read there waits for running transactions to commit, so what is
 * kept is always committed data. On PostgreSQL (several app instances may write) it always loads.
 * Callers must not mutate what they get.
 */
export async function readThrough<Db, Value>(db: Kysely<Db>, key: string, load: () => Promise<Value | undefined>): Promise<Value | undefined> {
  // A transaction is a handle of its own, never the root one: its reads always load.
  const cache = currentCache(db);
  if (!cache) return load();
  if (cache.entries.has(key)) return cache.entries.get(key) as Value;
  const stamp = cache.stamp;
  const value = await load();
  // The load may have waited behind a write: keep it only when nothing was written meanwhile.
  if (value !== undefined && cache.stamp === stamp && cache.detector.stamp() === stamp) {
    if (cache.entries.size >= CAPACITY) cache.entries.delete(cache.entries.keys().next().value!);
    cache.entries.set(key, value);
  }
  return value;
}
