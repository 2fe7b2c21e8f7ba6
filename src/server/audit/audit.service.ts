import type { AuditEntry, AuditQuery } from '../../shared/accounts/audit.schema.js';
import type { Actor } from '../access/actor.js';
import { visibleIncidentId } from '../access/visibility.js';
import type { AppContext, Executor } from '../context.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import * as repo from './audit.repo.js';

export interface AuditChange {
  /** `<entity>.<verb>`, e.g. incident.update, user.create, auth.sign_in. */
  action: string;
  entityType: string;
  entityId: string | number;
  /** The incident the entity belongs to, so entries of restricted incidents stay restricted. */
  incidentId?: number | null;
  /** The entity before and after the change, as JSON-able values (null when created or deleted). Never secrets. */
  before: unknown;
  after: unknown;
  /** When; defaults to now. Pass ctx.now() so tests that move the clock see it. */
  at?: Date;
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Records one change in the audit log. Call it with the transaction that makes the change, so the
 * entry exists exactly when the change does.
 */
export async function recordAudit(trx: Executor, actor: Actor | null, change: AuditChange): Promise<void> {
  await repo.insertAuditEntry(trx, {
    at: (change.at ?? new Date()).toISOString(),
    actor_user_id: actor?.userId ?? null,
    actor_name: actor?.name ?? 'anonymous',
    action: change.action,
    entity_type: change.entityType,
    entity_id: String(change.entityId),
    incident_id: change.incidentId ?? null,
    before: json(change.before),
    after: json(change.after),
  });
}

function toAuditEntry(row: repo.AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: { userId: row.actor_user_id, name: row.actor_name },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    incidentId: row.incident_id,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  };
}

/** A page of the audit log, newest first, without entries of restricted incidents `actor` may not see. */
export async function listAudit(ctx: AppContext, actor: Actor, query: AuditQuery) {
  const cursor = decodeCursor(query.cursor, ['id'] as const);
  const rows = await repo.listAuditEntries(ctx.db, query, cursor?.id ?? null, visibleIncidentId(actor, 'audit_log.incident_id'));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toAuditEntry),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}

/** Records a change made by the request's caller (`ctx.actor`) at the context's clock. */
export const auditChange = (ctx: AppContext, trx: Executor, change: Omit<AuditChange, 'at'>): Promise<void> =>
  recordAudit(trx, ctx.actor, { ...change, at: ctx.now() });
