import { sql, type Expression, type Insertable, type Selectable, type SqlBool } from 'kysely';
import type { AuditQuery } from '../../shared/accounts/audit.schema.js';
import type { Executor } from '../context.js';
import { insertPrepared } from '../db/prepared.js';
import type { AuditLogTable } from '../db/schema.js';

export type AuditRow = Selectable<AuditLogTable>;

/** Written with every change, so compiled once (db/prepared.ts). */
export async function insertAuditEntry(db: Executor, values: Insertable<AuditLogTable>): Promise<void> {
  await insertPrepared(db, 'audit_log', values);
}

const escapeLike = (text: string) => text.replace(/[%_\\]/g, (c) => `\\${c}`);

/** Newest first by id; `visible` keeps out entries of restricted incidents the caller may not see. */
export async function listAuditEntries(
  db: Executor,
  query: AuditQuery,
  beforeId: number | null,
  visible: Expression<SqlBool>,
): Promise<AuditRow[]> {
  let select = db.selectFrom('audit_log').selectAll().where(visible);
  if (query.entityType) select = select.where('entity_type', '=', query.entityType);
  if (query.entityId) select = select.where('entity_id', '=', query.entityId);
  if (query.actor) select = select.where('actor_user_id', '=', query.actor);
  if (query.action?.endsWith('.*')) select = select.where(sql<boolean>`action like ${`${escapeLike(query.action.slice(0, -1))}%`} escape '\\'`);
  else if (query.action) select = select.where('action', '=', query.action);
  if (query.from) select = select.where('at', '>=', new Date(query.from).toISOString());
  if (query.to) select = select.where('at', '<', new Date(query.to).toISOString());
  if (beforeId !== null) select = select.where('id', '<', beforeId);
  return select.orderBy('id', 'desc').limit(query.limit + 1).execute();
}
