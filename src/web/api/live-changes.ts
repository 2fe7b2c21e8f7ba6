/**
 * Who last changed what, from the committed events this tab received: a field that notices its
 * saved value moved under an unsaved edit asks here who moved it. Keys name a record or one of its
 * fields: `review:12:summary`, `answer:12:went_well`, `factor:7`, `whys:3`, `actionItem:5`,
 * `incident:4:title`, `entry:81`.
 */
import type { EventActor, RecordedEvent } from '../../shared/events/domain-events.js';

export interface RecentChange {
  actor: EventActor;
  at: string;
  eventId: number;
}

export const changeKey = {
  reviewField: (reviewId: number, field: string) => `review:${reviewId}:${field}`,
  answer: (reviewId: number, questionKey: string) => `answer:${reviewId}:${questionKey}`,
  factor: (id: number) => `factor:${id}`,
  whys: (id: number) => `whys:${id}`,
  actionItem: (id: number) => `actionItem:${id}`,
  incident: (id: number) => `incident:${id}`,
  incidentField: (id: number, field: string) => `incident:${id}:${field}`,
  entry: (id: number) => `entry:${id}`,
};

/** The keys an event changed. */
export function changeKeysOf(event: RecordedEvent): string[] {
  switch (event.type) {
    case 'review.changed':
      return event.fields.map((f) => changeKey.reviewField(event.reviewId, f));
    case 'review.state_changed':
      return [changeKey.reviewField(event.reviewId, 'state')];
    case 'incident.changed':
      return [changeKey.incident(event.incidentId), ...event.fields.map((f) => changeKey.incidentField(event.incidentId, f))];
    case 'incident.resolved':
      return [changeKey.incident(event.incidentId), changeKey.incidentField(event.incidentId, 'status'), changeKey.incidentField(event.incidentId, 'resolvedAt')];
    case 'answer.changed':
      return [changeKey.answer(event.reviewId, event.questionKey)];
    case 'factor.changed':
      return [changeKey.factor(event.factorId)];
    case 'whys.changed':
      return [changeKey.whys(event.whysId)];
    case 'action_item.created':
    case 'action_item.changed':
    case 'action_item.status_changed':
    case 'action_item.deleted':
    case 'actionItem.soakEnded':
      return [changeKey.actionItem(event.actionItemId)];
    case 'timeline.entry_corrected':
    case 'timeline.entry_deleted':
      return [changeKey.entry(event.entryId)];
    default:
      return [];
  }
}

type Listener = () => void;

/** The latest change per key, with subscriptions for React's useSyncExternalStore. */
export class RecentChanges {
  private readonly latest = new Map<string, RecentChange>();
  private readonly listeners = new Set<Listener>();

  record(events: RecordedEvent[]): void {
    let changed = false;
    for (const event of events) {
      for (const key of changeKeysOf(event)) {
        const known = this.latest.get(key);
        if (known && known.eventId > event.id) continue;
        this.latest.set(key, { actor: event.actor, at: event.at, eventId: event.id });
        changed = true;
      }
    }
    if (changed) for (const listener of this.listeners) listener();
  }

  get(key: string): RecentChange | null {
    return this.latest.get(key) ?? null;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
