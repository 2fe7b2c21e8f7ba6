import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { reviewOfEvent } from '../../shared/events/domain-events.js';
import type { EventSubscriber } from '../events/event-bus.js';

const gzipAsync = promisify(gzip);

/** A serialised document and the key it was built for; the gzip form is made once, when first asked for. */
export class CachedDocument {
  #gzip: Promise<Buffer> | null = null;
  /** A weak entity tag: the same for the plain and the gzip form of the same document. */
  readonly etag: string;

  constructor(
    readonly key: string,
    readonly json: Buffer,
  ) {
    this.etag = `W/"${createHash('sha1').update(key).digest('base64url')}"`;
  }

  gzip(): Promise<Buffer> {
    this.#gzip ??= gzipAsync(this.json);
    return this.#gzip;
  }
}

/**
 * Serialised review documents, least recently used first out, within a memory budget. An entry is
 * served only while its key (the document's fingerprint, plus what depends on the clock) is
 * unchanged, so a stale entry is never returned; each app instance keeps its own.
 */
export class ReviewDocumentCache {
  readonly #entries = new Map<number, CachedDocument>();
  readonly #building = new Map<number, { key: string; entry: Promise<CachedDocument> }>();
  #size = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /** The entry for `key`, built once however many readers ask for it at the same time. */
  async getOrBuild(reviewId: number, key: string, build: () => Promise<string>): Promise<CachedDocument> {
    const cached = this.get(reviewId, key);
    if (cached) return cached;
    const inFlight = this.#building.get(reviewId);
    if (inFlight?.key === key) return inFlight.entry;
    const entry = build().then((json) => new CachedDocument(key, Buffer.from(json)));
    this.#building.set(reviewId, { key, entry });
    try {
      const built = await entry;
      this.set(reviewId, built);
      return built;
    } finally {
      if (this.#building.get(reviewId)?.entry === entry) this.#building.delete(reviewId);
    }
  }

  get(reviewId: number, key: string): CachedDocument | undefined {
    const entry = this.#entries.get(reviewId);
    if (!entry || entry.key !== key) return undefined;
    this.#entries.delete(reviewId);
    this.#entries.set(reviewId, entry);
    return entry;
  }

  set(reviewId: number, entry: CachedDocument): void {
    this.delete(reviewId);
    if (entry.json.length > this.maxBytes) return;
    this.#entries.set(reviewId, entry);
    this.#size += entry.json.length;
    for (const [oldest] of this.#entries) {
      if (this.#size <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  /** Forgets every document (events may have been missed). */
  clear(): void {
    for (const reviewId of [...this.#entries.keys()]) this.delete(reviewId);
  }

  /** Forgets the documents of an incident's review, whose id the cached entries' keys start with. */
  deleteOfIncident(incidentId: number): void {
    for (const [reviewId, entry] of this.#entries) if (entry.key.startsWith(`${incidentId}|`)) this.delete(reviewId);
  }

  delete(reviewId: number): void {
    const entry = this.#entries.get(reviewId);
    if (!entry) return;
    this.#entries.delete(reviewId);
    this.#size -= entry.json.length;
  }
}

/**
 * Frees what committed events made stale at once, rather than on the next read (which checks the
 * fingerprint anyway, so a missed event can never serve a stale document).
 */
export const evictOnEvents = (cache: ReviewDocumentCache): EventSubscriber => ({
  onEvents(events) {
    for (const event of events) {
      // Meeting mode's moves are not in the document: a meeting walks it without emptying its cache.
      if (event.type === 'meeting.moved') continue;
      const reviewId = reviewOfEvent(event);
      if (reviewId !== null) cache.delete(reviewId);
      else if ('incidentId' in event) cache.deleteOfIncident(event.incidentId);
    }
  },
  onResync: () => cache.clear(),
});
