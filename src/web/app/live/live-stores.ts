import type { PresenceEntry } from '../../../shared/live/live-protocol.js';

type Listener = () => void;

/** One value with subscriptions, for React's useSyncExternalStore. */
export class ValueStore<T> {
  private readonly listeners = new Set<Listener>();
  constructor(private value: T) {}

  get = (): T => this.value;

  set(value: T): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

const nobody: PresenceEntry[] = [];

/** Who has each review open, as the server last said. */
export class PresenceStore {
  private readonly byReview = new Map<number, PresenceEntry[]>();
  private readonly listeners = new Set<Listener>();

  set(reviewId: number, people: PresenceEntry[]): void {
    this.byReview.set(reviewId, people);
    for (const listener of this.listeners) listener();
  }

  get(reviewId: number): PresenceEntry[] {
    return this.byReview.get(reviewId) ?? nobody;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
