import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { PresenceEntry } from '../../../shared/live/live-protocol.js';
import type { LiveStatus } from '../../api/live.js';
import type { RecentChange } from '../../api/live-changes.js';
import { useLiveState, type Told } from './LiveProvider.js';

const noSubscription = () => () => undefined;
const nobody: PresenceEntry[] = [];

/**
 * Says what this page shows: a review (its presence is joined: the server tells the others) and
 * its incident, or an incident alone. Changes others make to them are told as they arrive.
 */
export function useOnScreen(reviewId: number | null, incidentId: number | null): void {
  const live = useLiveState();
  const connection = live?.connection ?? null;
  useEffect(() => {
    if (!live) return;
    live.onScreen.current = { reviewId, incidentId };
    connection?.watch(reviewId);
    return () => {
      live.onScreen.current = { reviewId: null, incidentId: null };
      connection?.watch(null);
    };
  }, [live, connection, reviewId, incidentId]);
}

/** Everyone with the review open (the signed-in user too, once the server has counted them). */
export function usePresence(reviewId: number): PresenceEntry[] {
  const live = useLiveState();
  return useSyncExternalStore(live?.presence.subscribe ?? noSubscription, () => live?.presence.get(reviewId) ?? nobody);
}

export function useLiveStatus(): LiveStatus | null {
  const live = useLiveState();
  return useSyncExternalStore(live?.status.subscribe ?? noSubscription, () => live?.status.get() ?? null);
}

/** The latest change someone else made to what is on screen (the review or incident given), in words. */
export function useLastTold(reviewId: number | null, incidentId: number | null): Told | null {
  const live = useLiveState();
  const told = useSyncExternalStore(live?.lastTold.subscribe ?? noSubscription, () => live?.lastTold.get() ?? null);
  return told && ((reviewId !== null && told.reviewId === reviewId) || (incidentId !== null && told.incidentId === incidentId)) ? told : null;
}

/** The latest change someone made to `key` (see live-changes.ts), as events told this tab. */
export function useLastChange(key: string | null): RecentChange | null {
  const live = useLiveState();
  return useSyncExternalStore(live?.changes.subscribe ?? noSubscription, () => (key && live ? live.changes.get(key) : null));
}

/** Reads the latest change to `key` at the moment it is needed, without subscribing. */
export function useChangeLookup(): (key: string) => RecentChange | null {
  const live = useLiveState();
  return useCallback((key: string) => live?.changes.get(key) ?? null, [live]);
}

let clearing: ReturnType<typeof setTimeout> | undefined;

/**
 * Focus and blur handlers that tell the others which field of the watched review is being edited.
 * Leaving a field is told a moment later, so moving from one field to the next does not flicker.
 */
export function useEditingSignal(field: string): { onFocus: () => void; onBlur: () => void } {
  const connection = useLiveState()?.connection ?? null;
  const onFocus = useCallback(() => {
    clearTimeout(clearing);
    connection?.editing(field);
  }, [connection, field]);
  const onBlur = useCallback(() => {
    clearTimeout(clearing);
    clearing = setTimeout(() => connection?.editing(null), 250);
  }, [connection]);
  return { onFocus, onBlur };
}
