import { createHash } from 'node:crypto';
import type { AlertDeliveryResult, AlertSourceKind } from '../../shared/alerts/alert-source.schema.js';
import { AppError } from '../../shared/errors.js';
import { incidentCreateSchema, type Incident } from '../../shared/incidents/incident.schema.js';
import type { TimelineEntryCreate, TimelineKind } from '../../shared/timeline/timeline.schema.js';
import type { Actor } from '../access/actor.js';
import type { AppContext, Executor } from '../context.js';
import { isUniqueViolation, transactionLock } from '../db/dialect.js';
import { writeTransaction } from '../db/group-commit.js';
import { createIncident, findIncidentByExternalId, linkExternalId, resolveIncident, updateIncident } from '../incidents/incidents.service.js';
import { createEntries } from '../timeline/timeline.service.js';
import * as repo from './alert-sources.repo.js';
import { externalSourceOf, settingsOf } from './alert-sources.service.js';
import type { AlertEventType, NormalizedAlert } from './payloads/normalized.js';
import { readPayload } from './payloads/read-payload.js';
import { bodyDigest, verifyDelivery, type Headers } from './verify.js';

const entryKinds: Record<AlertEventType, TimelineKind> = { triggered: 'detection', acknowledged: 'escalation', escalated: 'escalation', resolved: 'resolution' };
const kindNames: Record<AlertSourceKind, string> = { alertmanager: 'Alertmanager', grafana: 'Grafana', pagerduty: 'PagerDuty', opsgenie: 'Opsgenie', gitlab: 'GitLab', generic: 'Webhook' };

/** Who changes what a delivery changes: the source itself, acting with every right (it may update a restricted incident). */
const actorOf = (source: repo.AlertSourceRow): Actor => ({ userId: null, name: `${kindNames[source.kind as AlertSourceKind]} "${source.name}"`, role: 'admin' });

const unknownSource = () => new AppError('unauthenticated', 'Unknown alert source, or its signature or secret is wrong');
const replayed = (deliveryId: string) => new AppError('conflict', `Delivery ${deliveryId} was received before: a replay is refused and changes nothing`);

/** A short stable key for a lock or an event (the source's keys can be long). */
const digest = (text: string) => createHash('sha256').update(text).digest();
const lockKey = (text: string) => digest(text).readInt32BE(0);

/**
 * An inbound delivery to an alert source: verified by the source's scheme (401 otherwise, and
 * nothing is recorded), read by its format (400 naming the field otherwise: only the delivery's
 * rejection is logged), refused when its delivery id was received before (409), then applied in one
 * transaction: each alert creates or updates its incident (one per source and external id, however
 * many deliveries arrive at once) and adds the events not on its timeline yet, at the source's times.
 */
export async function receiveDelivery(ctx: AppContext, sourceId: number, headers: Headers, body: Buffer): Promise<AlertDeliveryResult> {
  const source = await repo.findSource(ctx.db, sourceId);
  if (!source) throw unknownSource();
  const kind = source.kind as AlertSourceKind;
  const now = ctx.now();
  const verified = verifyDelivery(kind, headers, body, source.secret, now.getTime());
  const receivedAt = now.toISOString();
  let parsed;
  try {
    parsed = readPayload(kind, body, settingsOf(source), receivedAt);
  } catch (error) {
    if (error instanceof AppError) await logRejected(ctx, source.id, receivedAt, error.message);
    throw error;
  }
  const deliveryId = verified.deliveryId ?? parsed.deliveryId ?? bodyDigest(body);
  if (await repo.deliveryKnown(ctx.db, source.id, deliveryId)) throw replayed(deliveryId);
  const actor = actorOf(source);
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeTransaction(ctx.db, async (trx) => {
        const inTransaction: AppContext = { ...ctx, db: trx, actor };
        const logId = await repo.insertDelivery(trx, { source_id: source.id, delivery_id: deliveryId, received_at: receivedAt, received_at_ms: now.getTime(), status: 'unchanged', detail: null, incident_ids: '[]' });
        const outcomes = [];
        for (const alert of parsed.alerts) outcomes.push(await applyAlert(inTransaction, source, alert));
        const status = outcomes.some((o) => o.created) ? 'created' : outcomes.some((o) => o.changed) ? 'updated' : 'unchanged';
        const incidentIds = outcomes.map((o) => o.incidentId);
        const entriesAdded = outcomes.reduce((sum, o) => sum + o.entriesAdded, 0);
        await repo.setDeliveryOutcome(trx, logId, status, `${parsed.alerts.length} alert(s), ${entriesAdded} timeline entr${entriesAdded === 1 ? 'y' : 'ies'} added`, incidentIds);
        return { status, incidentIds, entriesAdded } as const;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The same delivery at the same moment: the first one stands.
      if (await repo.deliveryKnown(ctx.db, source.id, deliveryId)) throw replayed(deliveryId);
      // Another delivery created the alert's incident at the same moment: apply this one to it.
      if (attempt >= 3) throw error;
    }
  }
}

async function logRejected(ctx: AppContext, sourceId: number, receivedAt: string, detail: string): Promise<void> {
  await writeTransaction(ctx.db, (trx) =>
    repo.insertDelivery(trx, { source_id: sourceId, delivery_id: null, received_at: receivedAt, received_at_ms: Date.parse(receivedAt), status: 'rejected', detail: detail.slice(0, 1000), incident_ids: '[]' }),
  );
}

interface AlertOutcome {
  incidentId: number;
  created: boolean;
  changed: boolean;
  entriesAdded: number;
}

async function applyAlert(ctx: AppContext, source: repo.AlertSourceRow, alert: NormalizedAlert): Promise<AlertOutcome> {
  const trx = ctx.db as Executor;
  const externalSource = externalSourceOf(source.id);
  // Deliveries of one alert take turns (PostgreSQL; SQLite runs one write at a time): the second finds the first's incident.
  await transactionLock(trx, lockKey(`${externalSource}|${alert.externalId}`));
  let incident = await findIncidentByExternalId(ctx, trx, externalSource, alert.externalId);
  const created = incident === null;
  if (!incident) {
    const settings = settingsOf(source);
    const triggered = alert.events.filter((e) => e.type === 'triggered').sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
    incident = await createIncident(
      ctx,
      incidentCreateSchema.parse({
        title: alert.title,
        severity: alert.severity ?? settings.defaultSeverity,
        services: [alert.service ?? settings.service].filter((s): s is string => !!s).map((s) => s.slice(0, 100)),
        labels: [source.kind],
        detectedAt: triggered?.at ?? alert.events[0]?.at ?? ctx.now().toISOString(),
      }),
    );
    await linkExternalId(trx, incident.id, externalSource, alert.externalId);
  }
  const entriesAdded = await addNewEvents(ctx, source, incident.id, alert);
  let changed = entriesAdded > 0;
  if (alert.acknowledgedAt && incident.respondedAt === null && incident.status === 'active') {
    incident = await updateIncident(ctx, incident.id, { version: incident.version, respondedAt: alert.acknowledgedAt });
    changed = true;
  }
  if (alert.resolvedAt && incident.status !== 'resolved') {
    incident = await resolveIncident(ctx, incident.id, alert.resolvedAt);
    changed = true;
  }
  return { incidentId: (incident as Incident).id, created, changed, entriesAdded };
}

/** The alert's events not yet on the incident's timeline, added as entries with their provenance at the source's times. */
async function addNewEvents(ctx: AppContext, source: repo.AlertSourceRow, incidentId: number, alert: NormalizedAlert): Promise<number> {
  const keyed = alert.events.map((event) => ({ event, key: digest(event.key).toString('base64url') }));
  const fresh = await repo.claimEvents(ctx.db as Executor, source.id, incidentId, [...new Set(keyed.map((k) => k.key))]);
  const label = `${kindNames[source.kind as AlertSourceKind]} "${source.name}"`;
  const inputs: TimelineEntryCreate[] = keyed
    .filter(({ key }) => fresh.delete(key))
    .map(({ event }) => ({
      occurredAt: event.at,
      kind: entryKinds[event.type],
      text: event.text.slice(0, 10_000),
      source: 'alert',
      precision: 'exact',
      provenance: { label, ref: (event.ref ?? alert.externalId).slice(0, 2000), excerpt: event.excerpt.slice(0, 10_000) },
    }));
  if (inputs.length) await createEntries(ctx, ctx.actor!, incidentId, inputs);
  return inputs.length;
}

/** Forgets up to `limit` deliveries received before `beforeMs`, and with them their ids' replay guard; retention/retention.job.ts. */
export const pruneAlertDeliveries = (db: Executor, beforeMs: number, limit: number): Promise<number> => repo.deleteDeliveriesBefore(db, beforeMs, limit);
