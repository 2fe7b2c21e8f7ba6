import { notifications } from '@mantine/notifications';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { incidentOfEvent, reviewOfEvent, type RecordedEvent } from '../../../shared/events/domain-events.js';
import type { MeetingMode } from '../../../shared/meetings/meeting-mode.schema.js';
import type { TimelineEntry } from '../../../shared/timeline/timeline.schema.js';
import { LiveConnection, liveUrl, type LiveStatus } from '../../api/live.js';
import { RecentChanges } from '../../api/live-changes.js';
import { describeEvent } from '../../api/live-describe.js';
import { invalidationsFor, type Invalidation } from '../../api/live-invalidation.js';
import { queryKeys } from '../../api/query-keys.js';
import { sessionKey, useSession } from '../session.js';
import { PresenceStore, ValueStore } from './live-stores.js';

/** What the page in front of the user shows: events about it are told, not only applied. */
export interface OnScreen {
  reviewId: number | null;
  incidentId: number | null;
}

export interface LiveState {
  connection: LiveConnection | null;
  presence: PresenceStore;
  changes: RecentChanges;
  status: ValueStore<LiveStatus>;
  onScreen: { current: OnScreen };
  lastTold: ValueStore<Told | null>;
}

const LiveContext = createContext<LiveState | null>(null);

export function useLiveState(): LiveState | null {
  return useContext(LiveContext);
}

/**
 * A timeline event this tab caused itself needs no refetch: its entries are already in the cache
 * (the timeline can hold thousands, so this matters). Other tabs of the same person refetch.
 */
function alreadyApplied(queryClient: QueryClient, event: RecordedEvent): boolean {
  if (event.type !== 'timeline.entries_added' && event.type !== 'timeline.entry_deleted') return false;
  const cached = queryClient.getQueryData<TimelineEntry[]>(queryKeys.timeline(event.incidentId));
  if (!cached) return false;
  const ids = new Set(cached.map((e) => e.id));
  return event.type === 'timeline.entries_added' ? event.entryIds.every((id) => ids.has(id)) : !ids.has(event.entryId);
}

/** A meeting-mode move carries the position: written into the cache at once, never read again (every browser follows within the event's trip). */
function applyMeetingMove(queryClient: QueryClient, event: RecordedEvent): void {
  if (event.type !== 'meeting.moved') return;
  queryClient.setQueryData<MeetingMode>(queryKeys.meetingMode(event.reviewId), (old) =>
    old && old.version < event.version
      ? { ...old, status: event.status, stage: event.stage, entryId: event.entryId, stageStartedAt: event.stageStartedAt, movedBy: event.actor.name, version: event.version, endedAt: event.status === 'ended' ? event.at : null, startedAt: old.startedAt ?? event.at }
      : old,
  );
}

function applyEvents(queryClient: QueryClient, events: RecordedEvent[]): void {
  const seen = new Map<string, Invalidation>();
  for (const event of events) {
    applyMeetingMove(queryClient, event);
    const invalidations = invalidationsFor(event);
    const skipTimeline = alreadyApplied(queryClient, event);
    for (const invalidation of invalidations) {
      if (skipTimeline && invalidation.queryKey[0] === 'timeline') continue;
      seen.set(`${JSON.stringify(invalidation.queryKey)}:${invalidation.exact ? 1 : 0}`, invalidation);
    }
  }
  for (const { queryKey, exact } of seen.values()) void queryClient.invalidateQueries({ queryKey, exact: exact ?? false });
}

/** The latest change someone else made to what is on screen, in words. */
export interface Told {
  text: string;
  at: string;
  reviewId: number | null;
  incidentId: number | null;
}

/** Tells the user, briefly, what someone else just changed on the page they are looking at. */
function tell(events: RecordedEvent[], me: number | null, onScreen: OnScreen, lastTold: ValueStore<Told | null>): void {
  const told = new Set<string>();
  for (const event of events) {
    if (me !== null && event.actor.userId === me) continue;
    const review = reviewOfEvent(event);
    const incident = incidentOfEvent(event);
    const relevant = (review !== null && review === onScreen.reviewId) || (incident !== null && incident === onScreen.incidentId);
    if (!relevant) continue;
    const text = describeEvent(event);
    if (!text || told.has(text)) continue;
    told.add(text);
    lastTold.set({ text, at: event.at, reviewId: review, incidentId: incident });
    notifications.show({ id: `live:${text}`, message: text, color: 'blue', autoClose: 6000, 'data-testid': 'live-notice' });
  }
}

/**
 * The signed-in app's live updates: one connection per tab. Committed events invalidate exactly the
 * queries they affect; a resync or a reconnect invalidates every query (something may have been
 * missed). Presence and who-changed-what are kept in small stores the editor reads.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { user } = useSession();
  const me = useRef<number | null>(user?.id ?? null);
  me.current = user?.id ?? null;
  const [state] = useState<Omit<LiveState, 'connection'>>(() => ({
    presence: new PresenceStore(),
    changes: new RecentChanges(),
    status: new ValueStore<LiveStatus>('connecting'),
    onScreen: { current: { reviewId: null, incidentId: null } },
    lastTold: new ValueStore<Told | null>(null),
  }));
  const [connection, setConnection] = useState<LiveConnection | null>(null);
  const signedIn = user !== null;

  useEffect(() => {
    if (!signedIn || typeof WebSocket === 'undefined') return;
    const live = new LiveConnection(
      { url: liveUrl(window.location) },
      {
        onEvents: (events) => {
          state.changes.record(events);
          applyEvents(queryClient, events);
          tell(events, me.current, state.onScreen.current, state.lastTold);
        },
        onPresence: (reviewId, people) => state.presence.set(reviewId, people),
        onResync: () => void queryClient.invalidateQueries(),
        onIdentityChanged: () => void queryClient.invalidateQueries({ queryKey: sessionKey }),
        onStatus: (status) => state.status.set(status),
      },
    );
    live.start();
    setConnection(live);
    const retry = () => live.retryNow();
    const onVisible = () => document.visibilityState === 'visible' && live.retryNow();
    window.addEventListener('online', retry);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', retry);
      document.removeEventListener('visibilitychange', onVisible);
      live.stop();
      setConnection(null);
    };
  }, [signedIn, queryClient, state]);

  const value = useMemo(() => ({ ...state, connection }), [state, connection]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
