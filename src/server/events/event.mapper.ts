import type { DomainEvent, RecordedEvent } from '../../shared/events/domain-events.js';
import type { EventRow } from './events.repo.js';

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  ...(JSON.parse(row.data) as DomainEvent),
  id: row.id,
  at: row.at,
  actor: { userId: row.actor_user_id, name: row.actor_name },
});
