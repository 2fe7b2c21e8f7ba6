import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { AppContext, Executor } from '../context.js';
import type { Database } from '../db/schema.js';
import type { Actor } from './actor.js';

/**
 * Restricted incidents (incidents.restricted = 1) are visible only to their members
 * (incident_members) and to admins. Everything that belongs to an incident (its review, timeline,
 * factors, action items, audit entries) follows the incident.
 */

const everything = (): Expression<SqlBool> => sql<SqlBool>`1 = 1`;
const seesEverything = (actor: Actor | null): boolean => actor?.role === 'admin';

/** Whether `actor` may see the incident; false for an incident that does not exist. */
export async function canSeeIncident(ctx: AppContext, actor: Actor | null, incidentId: number, db: Executor = ctx.db): Promise<boolean> {
  const incident = await db.selectFrom('incidents').select('restricted').where('id', '=', incidentId).executeTakeFirst();
  if (!incident) return false;
  if (incident.restricted === 0 || seesEverything(actor)) return true;
  if (actor?.userId == null) return false;
  const member = await db
    .selectFrom('incident_members')
    .select('user_id')
    .where('incident_id', '=', incidentId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  return member !== undefined;
}

/**
 * A condition for queries with `incidents` in scope: `.where(visibleIncidents(actor))` keeps the
 * incidents `actor` may see. It only ever hides restricted incidents: trends.repo.ts (reviewScope)
 * relies on that to look up the hidden ones by the index of restricted incidents.
 */
export function visibleIncidents(actor: Actor | null): Expression<SqlBool> {
  if (seesEverything(actor)) return everything();
  const eb = expressionBuilder<Database, 'incidents'>();
  const unrestricted = eb('incidents.restricted', '=', 0);
  if (actor?.userId == null) return unrestricted;
  return eb.or([
    unrestricted,
    eb.exists(
      eb
        .selectFrom('incident_members')
        .select('incident_members.user_id')
        .whereRef('incident_members.incident_id', '=', 'incidents.id')
        .where('incident_members.user_id', '=', actor.userId),
    ),
  ]);
}

/**
 * A condition for rows that point at an incident through `column` (e.g. 'reviews.incident_id',
 * 'audit_log.incident_id'): keeps rows with no incident or with one `actor` may see.
 */
export function visibleIncidentId(actor: Actor | null, column: string): Expression<SqlBool> {
  if (seesEverything(actor)) return everything();
  const eb = expressionBuilder<Database, never>();
  const incidentId = sql.ref<number | null>(column);
  const conditions = [
    eb(incidentId, 'is', null),
    eb.not(eb.exists(eb.selectFrom('incidents').select('incidents.id').where('incidents.id', '=', incidentId).where('incidents.restricted', '=', 1))),
  ];
  if (actor?.userId != null) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('incident_members')
          .select('incident_members.user_id')
          .where('incident_members.incident_id', '=', incidentId)
          .where('incident_members.user_id', '=', actor.userId),
      ),
    );
  }
  return eb.or(conditions);
}

/** Who may see an incident: everyone, or (restricted) its members and admins. */
export interface IncidentAudience {
  restricted: boolean;
  members: ReadonlySet<number>;
}

/** The audiences of several incidents in two queries; an incident that no longer exists is seen by admins only. */
export async function incidentAudiences(db: Executor, incidentIds: number[]): Promise<Map<number, IncidentAudience>> {
  const ids = [...new Set(incidentIds)];
  const audiences = new Map<number, IncidentAudience>(ids.map((id) => [id, { restricted: true, members: new Set<number>() }]));
  if (ids.length === 0) return audiences;
  const rows = await db.selectFrom('incidents').select(['id', 'restricted']).where('id', 'in', ids).execute();
  const restricted = rows.filter((row) => row.restricted === 1).map((row) => row.id);
  for (const row of rows) if (row.restricted === 0) audiences.set(row.id, { restricted: false, members: new Set() });
  if (restricted.length) {
    const members = await db.selectFrom('incident_members').select(['incident_id', 'user_id']).where('incident_id', 'in', restricted).execute();
    for (const id of restricted) audiences.set(id, { restricted: true, members: new Set(members.filter((m) => m.incident_id === id).map((m) => m.user_id)) });
  }
  return audiences;
}

/** Whether `actor` is in the audience. */
export const inAudience = (actor: Actor | null, audience: IncidentAudience): boolean =>
  !audience.restricted || seesEverything(actor) || (actor?.userId != null && audience.members.has(actor.userId));
