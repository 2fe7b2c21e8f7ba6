import { incidentOfEvent, reviewOfEvent, type DomainEvent } from '../../shared/events/domain-events.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AppContext, Executor } from '../context.js';
import { enqueueJob } from '../jobs/jobs.service.js';
import { insertEvent } from './events.repo.js';

/** What the audit log keeps of a change: the entity before and after (null when created or deleted). */
export interface AuditedChange {
  /** `<entity>.<verb>`, e.g. incident.update. */
  action: string;
  entityType: string;
  entityId: string | number;
  before: unknown;
  after: unknown;
}

/**
 * Records a change: its audit entry and its domain event, in the change's own transaction, so the
 * two exist exactly when the change does and can never disagree (the audit entry's incident is
 * the event's). Subscribers hear of the event only after commit (events/event-platform.ts).
 */
export async function recordChange(ctx: AppContext, trx: Executor, event: DomainEvent, audit: AuditedChange, actor: Actor | null = ctx.actor): Promise<void> {
  const at = ctx.now();
  const incidentId = incidentOfEvent(event);
  await recordAudit(trx, actor, { ...audit, incidentId, at });
  // Keys in the table's column order: the prepared insert takes its parameters from them.
  const eventId = await insertEvent(trx, {
    type: event.type,
    at: at.toISOString(),
    actor_user_id: actor?.userId ?? null,
    actor_name: actor?.name ?? 'anonymous',
    incident_id: incidentId,
    review_id: reviewOfEvent(event),
    data: JSON.stringify(event),
  });
  // The jobs that follow the event (events/event-jobs.ts) exist exactly when the change does.
  for (const reaction of ctx.hooks.eventJobs) {
    if (!reaction.on.includes(event.type) || (reaction.when && !reaction.when(event))) continue;
    const runAt = reaction.delayMs ? new Date(at.getTime() + reaction.delayMs) : at;
    await enqueueJob(trx, reaction.job, reaction.payload(event, eventId), { idempotencyKey: reaction.key(event, eventId, at.getTime()), runAt, now: at });
  }
  ctx.events.recorded();
}
