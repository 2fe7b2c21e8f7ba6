/**
 * The live-update channel between the web app and the server: a WebSocket at /api/live
 * (docs/live-updates.md). The server pushes committed events the caller may see and who else has a
 * review open; the browser says which review it has open and which field it is editing.
 */
import type { RecordedEvent } from '../events/domain-events.js';

/** Someone with a review open, in one or more tabs; `editing` names a field (e.g. `summary`, `factors.12`). */
export interface PresenceEntry {
  userId: number | null;
  name: string;
  editing: string | null;
}

export type ClientMessage =
  /** This tab now has this review open (null: none). The server checks the caller may see it. */
  | { type: 'watch'; reviewId: number | null }
  /** The field being edited in the watched review, or null. */
  | { type: 'editing'; field: string | null };

export type ServerMessage =
  | { type: 'welcome'; instanceId: string }
  /** Committed events the caller may see, in commit order. */
  | { type: 'events'; events: RecordedEvent[] }
  /** Everyone with the review open, across every app instance. */
  | { type: 'presence'; reviewId: number; people: PresenceEntry[] }
  /** Events may have been missed (the server lost its database listener): read everything again. */
  | { type: 'resync' }
  | { type: 'error'; message: string };

/** Closed by the server because who the caller is changed (signed out, disabled, new role): connect again. */
export const CLOSE_IDENTITY_CHANGED = 4001;
