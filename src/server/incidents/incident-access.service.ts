import type { IncidentAccess, IncidentAccessUpdate } from '../../shared/accounts/incident-access.schema.js';
import { notFound } from '../../shared/errors.js';
import { recordChange } from '../events/record-change.js';
import type { AppContext, Executor } from '../context.js';
import { invalidField } from '../http/version-conflict.js';
import type { Actor } from '../access/actor.js';
import * as repo from './incident-access.repo.js';
import { canSeeIncident } from '../access/visibility.js';

async function readAccess(db: Executor, incidentId: number): Promise<IncidentAccess> {
  const incident = await repo.findIncidentRestricted(db, incidentId);
  if (!incident) throw notFound('Incident', incidentId);
  return { incidentId, restricted: incident.restricted === 1, members: await repo.listMembers(db, incidentId) };
}

/** Who may see an incident. An incident the actor may not see is "not found", not "forbidden". */
export async function getIncidentAccess(ctx: AppContext, actor: Actor, incidentId: number): Promise<IncidentAccess> {
  if (!(await canSeeIncident(ctx, actor, incidentId))) throw notFound('Incident', incidentId);
  return readAccess(ctx.db, incidentId);
}

/**
 * Restricts an incident to named people, or opens it again. Whoever restricts it (unless an admin,
 * who sees everything) stays a member, so nobody locks themselves out by accident.
 */
export async function setIncidentAccess(ctx: AppContext, actor: Actor, incidentId: number, update: IncidentAccessUpdate): Promise<IncidentAccess> {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await canSeeIncident(ctx, actor, incidentId, trx))) throw notFound('Incident', incidentId);
    const memberIds = new Set(update.memberIds);
    if (update.restricted && actor.userId !== null && actor.role !== 'admin') memberIds.add(actor.userId);
    const known = new Set(await repo.existingUserIds(trx, [...memberIds]));
    const unknown = [...memberIds].filter((id) => !known.has(id));
    if (unknown.length) throw invalidField('memberIds', `no user with id ${unknown.join(', ')}`);
    const before = await readAccess(trx, incidentId);
    await repo.saveAccess(trx, incidentId, update.restricted, [...memberIds].sort((a, b) => a - b));
    const after = await readAccess(trx, incidentId);
    const summary = (access: IncidentAccess) => ({ restricted: access.restricted, memberIds: access.members.map((m) => m.id).sort((a, b) => a - b) });
    await recordChange(
      ctx,
      trx,
      { type: 'incident.access_changed', incidentId, restricted: after.restricted },
      { action: 'incident.access_change', entityType: 'incident', entityId: incidentId, before: summary(before), after: summary(after) },
      actor,
    );
    return after;
  });
}

/** A new restricted incident: whoever created it stays able to see it (admins see everything anyway). */
export async function restrictToCreator(ctx: AppContext, trx: Executor, incidentId: number): Promise<void> {
  const creator = ctx.actor?.role !== 'admin' ? ctx.actor?.userId : null;
  await repo.saveAccess(trx, incidentId, true, creator == null ? [] : [creator]);
}
