import type { PresenceEntry } from '../../shared/live/live-protocol.js';
import type { EventPlatform } from '../events/event-platform.js';

/** The channel presence travels on between app instances (PostgreSQL NOTIFY; in-process on SQLite). */
export const PRESENCE_CHANNEL = 'hindsight_presence';
const HEARTBEAT_MS = 10_000;
/** An instance that stopped sending (crashed) is forgotten after this. */
const EXPIRY_MS = 30_000;

interface LocalEntry extends PresenceEntry {
  reviewId: number;
}

interface Announcement {
  instanceId: string;
  reviewId: number;
  people: PresenceEntry[];
}

/**
 * Who has which review open, across every app instance. Each instance announces its own tabs for a
 * review whenever they change (and every 10 s); every instance, this one too, hears every
 * announcement and keeps the latest per instance, forgetting instances that go quiet.
 */
export class PresenceBoard {
  readonly #local = new Map<string, LocalEntry>();
  readonly #heard = new Map<string, Map<number, { people: PresenceEntry[]; expiresAt: number }>>();
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly events: EventPlatform,
    /** Called with a review's merged presence whenever it may have changed. */
    private readonly changed: (reviewId: number, people: PresenceEntry[]) => void,
  ) {
    events.onBroadcast(PRESENCE_CHANNEL, (payload) => this.#hear(payload));
  }

  start(): void {
    this.#timer = setInterval(() => this.#heartbeat(), HEARTBEAT_MS);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    const reviews = new Set([...this.#local.values()].map((entry) => entry.reviewId));
    this.#local.clear();
    await Promise.all([...reviews].map((reviewId) => this.#announce(reviewId)));
  }

  /** What one tab (`key`) has open now; null when it closed the review or disconnected. */
  set(key: string, entry: LocalEntry | null): void {
    const before = this.#local.get(key);
    if (entry) this.#local.set(key, entry);
    else this.#local.delete(key);
    for (const reviewId of new Set([before?.reviewId, entry?.reviewId])) if (reviewId !== undefined) void this.#announce(reviewId);
  }

  /** Everyone with the review open, once per person, with what they are editing. */
  people(reviewId: number): PresenceEntry[] {
    const now = Date.now();
    const merged = new Map<string, PresenceEntry>();
    for (const reviews of this.#heard.values()) {
      const heard = reviews.get(reviewId);
      if (!heard || heard.expiresAt < now) continue;
      for (const person of heard.people) {
        const key = person.userId === null ? `name:${person.name}` : `user:${person.userId}`;
        const known = merged.get(key);
        merged.set(key, known ? { ...known, editing: known.editing ?? person.editing } : person);
      }
    }
    return [...merged.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async #announce(reviewId: number): Promise<void> {
    const people = [...this.#local.values()].filter((entry) => entry.reviewId === reviewId).map(({ userId, name, editing }) => ({ userId, name, editing }));
    const announcement: Announcement = { instanceId: this.events.instanceId, reviewId, people };
    await this.events.broadcast(PRESENCE_CHANNEL, JSON.stringify(announcement)).catch((error: unknown) => console.warn('Announcing presence failed', error));
  }

  #hear(payload: string): void {
    let announcement: Announcement;
    try {
      announcement = JSON.parse(payload) as Announcement;
    } catch {
      return;
    }
    const { instanceId, reviewId, people } = announcement;
    if (typeof reviewId !== 'number' || !Array.isArray(people)) return;
    let reviews = this.#heard.get(instanceId);
    if (!reviews) this.#heard.set(instanceId, (reviews = new Map()));
    if (people.length) reviews.set(reviewId, { people, expiresAt: Date.now() + EXPIRY_MS });
    else reviews.delete(reviewId);
    this.changed(reviewId, this.people(reviewId));
  }

  #heartbeat(): void {
    for (const reviewId of new Set([...this.#local.values()].map((entry) => entry.reviewId))) void this.#announce(reviewId);
    const now = Date.now();
    for (const reviews of this.#heard.values()) {
      for (const [reviewId, heard] of reviews) {
        if (heard.expiresAt >= now) continue;
        reviews.delete(reviewId);
        this.changed(reviewId, this.people(reviewId));
      }
    }
  }
}
