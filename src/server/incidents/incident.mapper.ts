import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { PersonRef } from '../../shared/accounts/person.schema.js';
import { unchangingPayload } from '../http/serializer.js';
import { personOf } from '../people/person.mapper.js';
import type { IncidentRow, IncidentValues } from './incidents.repo.js';

export type IncidentFields = Omit<Incident, 'id' | 'review' | 'restricted' | 'version' | 'createdAt' | 'updatedAt'>;

/**
 * The API shape of a row. Rows served from the read cache come back as the same object, so their
 * shape is built once for each value of `overdue` (the one field that depends on the time) and
 * shared, unchanging, by every read: the serializer keeps its text too (http/serializer.ts).
 */
export function toIncident(row: IncidentRow, now: Date): Incident {
  let shapes = shapedRows.get(row);
  if (!shapes) shapedRows.set(row, (shapes = {}));
  const overdue = isOverdue(row.review_state, row.review_due_at_ms, now);
  return (shapes[overdue ? 'overdue' : 'onTime'] ??= unchangingPayload(shapeIncident(row, overdue)));
}

const shapedRows = new WeakMap<IncidentRow, { onTime?: Incident; overdue?: Incident }>();

function shapeIncident(row: IncidentRow, overdue: boolean): Incident {
  return {
    id: row.id,
    title: row.title,
    severity: row.severity as Incident['severity'],
    userFacing: row.user_facing === 1,
    services: JSON.parse(row.services) as string[],
    labels: JSON.parse(row.labels) as string[],
    commander: personOf(row.commander_user_id, row.commander),
    responders: JSON.parse(row.responders) as PersonRef[],
    customerImpact: row.customer_impact,
    status: row.status as Incident['status'],
    impactStartedAt: row.impact_started_at,
    detectedAt: row.detected_at,
    respondedAt: row.responded_at,
    mitigatedAt: row.mitigated_at,
    resolvedAt: row.resolved_at,
    restricted: row.restricted === 1,
    review:
      row.review_id === null
        ? null
        : {
            id: row.review_id,
            state: row.review_state as NonNullable<Incident['review']>['state'],
            owner: personOf(row.review_owner_user_id, row.review_owner),
            dueAt: row.review_due_at,
            overdue,
          },
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const isOverdue = (state: string | null, dueAtMs: number | null, now: Date): boolean =>
  state !== 'published' && dueAtMs !== null && dueAtMs < now.getTime();

/** The moment an incident counts as started, for ordering and date filters. */
export const startedAtMs = (fields: Pick<IncidentFields, 'impactStartedAt' | 'detectedAt' | 'respondedAt'>, fallback: string): number =>
  Date.parse(fields.impactStartedAt ?? fields.detectedAt ?? fields.respondedAt ?? fallback);

/** The row values of an incident's fields, keys always in the same order (the insert is compiled once for it). */
export function toIncidentValues(fields: IncidentFields, createdAt: string, updatedAt: string): IncidentValues {
  return {
    title: fields.title,
    severity: fields.severity,
    user_facing: fields.userFacing ? 1 : 0,
    services: JSON.stringify(fields.services),
    labels: JSON.stringify(fields.labels),
    commander: fields.commander?.name ?? null,
    commander_user_id: fields.commander?.userId ?? null,
    responders: JSON.stringify(fields.responders.map(({ userId, name }) => ({ userId, name }))),
    customer_impact: fields.customerImpact,
    status: fields.status,
    impact_started_at: fields.impactStartedAt,
    detected_at: fields.detectedAt,
    responded_at: fields.respondedAt,
    mitigated_at: fields.mitigatedAt,
    resolved_at: fields.resolvedAt,
    started_at_ms: startedAtMs(fields, createdAt),
    updated_at: updatedAt,
  };
}

/** The editable fields of a stored incident, so a partial update can be merged onto them. */
export function incidentFields(incident: Incident): IncidentFields {
  const { id: _id, review: _review, restricted: _restricted, version: _version, createdAt: _c, updatedAt: _u, ...fields } = incident;
  return fields;
}
