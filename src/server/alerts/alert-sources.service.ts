import {
  alertSourceSchemes,
  alertSourceSettingsSchema,
  type AlertDelivery,
  type AlertSource,
  type AlertSourceCreate,
  type AlertSourceKind,
  type AlertSourceSettings,
  type AlertSourceUpdate,
  type AlertSourceWithSecret,
} from '../../shared/alerts/alert-source.schema.js';
import { notFound } from '../../shared/errors.js';
import type { AppContext, Executor } from '../context.js';
import { writeTransaction } from '../db/group-commit.js';
import { recordChange } from '../events/record-change.js';
import { invalidField, versionConflict } from '../http/version-conflict.js';
import * as repo from './alert-sources.repo.js';
import { newSecret } from './verify.js';

/** How many of each source's latest deliveries the admin page shows. */
const LAST_DELIVERIES = 20;

/** The source name incidents keep with their external id: deliveries to one source update its incidents only. */
export const externalSourceOf = (sourceId: number) => `alert-source:${sourceId}`;

export const settingsOf = (row: repo.AlertSourceRow): AlertSourceSettings => alertSourceSettingsSchema.parse(JSON.parse(row.settings));

const toDelivery = (row: repo.AlertDeliveryRow): AlertDelivery => ({
  id: row.id,
  deliveryId: row.delivery_id,
  receivedAt: row.received_at,
  status: row.status as AlertDelivery['status'],
  detail: row.detail,
  incidentIds: JSON.parse(row.incident_ids) as number[],
});

function toSource(ctx: AppContext, row: repo.AlertSourceRow, deliveries: repo.AlertDeliveryRow[]): AlertSource {
  const kind = row.kind as AlertSourceKind;
  return {
    id: row.id,
    kind,
    name: row.name,
    settings: settingsOf(row),
    url: `${ctx.config.publicUrl.replace(/\/$/, '')}/api/hooks/alerts/${row.id}`,
    scheme: alertSourceSchemes[kind],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    secretRotatedAt: row.secret_rotated_at,
    lastDeliveries: deliveries.map(toDelivery),
  };
}

async function readSource(ctx: AppContext, db: Executor, id: number): Promise<AlertSource> {
  const row = await repo.findSource(db, id);
  if (!row) throw notFound('Alert source', id);
  return toSource(ctx, row, (await repo.recentDeliveries(db, [id], LAST_DELIVERIES)).get(id) ?? []);
}

export const getAlertSource = (ctx: AppContext, id: number) => readSource(ctx, ctx.db, id);

export async function listAlertSources(ctx: AppContext): Promise<{ items: AlertSource[] }> {
  const rows = await repo.listSources(ctx.db);
  const deliveries = await repo.recentDeliveries(ctx.db, rows.map((r) => r.id), LAST_DELIVERIES);
  return { items: rows.map((row) => toSource(ctx, row, deliveries.get(row.id) ?? [])) };
}

const audited = (source: AlertSource) => ({ ...source, lastDeliveries: undefined });

export async function createAlertSource(ctx: AppContext, input: AlertSourceCreate): Promise<AlertSourceWithSecret> {
  if (input.kind !== 'generic' && input.settings.mapping) throw invalidField('settings.mapping', 'only a generic source has a field mapping');
  const nowIso = ctx.now().toISOString();
  const secret = input.secret ?? newSecret(input.kind);
  return writeTransaction(ctx.db, async (trx) => {
    const id = await repo.insertSource(trx, { kind: input.kind, name: input.name, secret, settings: JSON.stringify(input.settings), created_at: nowIso, updated_at: nowIso, secret_rotated_at: nowIso });
    const source = await readSource(ctx, trx, id);
    await recordChange(ctx, trx, { type: 'alert_source.changed', sourceId: id, change: 'created' }, { action: 'alert_source.create', entityType: 'alert_source', entityId: id, before: null, after: audited(source) });
    return { ...source, secret };
  });
}

export async function updateAlertSource(ctx: AppContext, id: number, input: AlertSourceUpdate): Promise<AlertSource> {
  return writeTransaction(ctx.db, async (trx) => {
    const current = await readSource(ctx, trx, id);
    if (current.version !== input.version) throw versionConflict(`Alert source ${id}`, current, input.version);
    if (input.settings?.mapping && current.kind !== 'generic') throw invalidField('settings.mapping', 'only a generic source has a field mapping');
    if (input.settings && current.kind === 'generic' && !input.settings.mapping) throw invalidField('settings.mapping', 'is required for a generic source');
    const values = { ...(input.name ? { name: input.name } : {}), ...(input.settings ? { settings: JSON.stringify(input.settings) } : {}), updated_at: ctx.now().toISOString() };
    if (!(await repo.updateSource(trx, id, input.version, values))) throw versionConflict(`Alert source ${id}`, await readSource(ctx, trx, id), input.version);
    const source = await readSource(ctx, trx, id);
    await recordChange(ctx, trx, { type: 'alert_source.changed', sourceId: id, change: 'updated' }, { action: 'alert_source.update', entityType: 'alert_source', entityId: id, before: audited(current), after: audited(source) });
    return source;
  });
}

/** A new secret (generated, or the sender's own), shown once; the old one stops working at once. */
export async function rotateAlertSourceSecret(ctx: AppContext, id: number, given?: string): Promise<AlertSourceWithSecret> {
  return writeTransaction(ctx.db, async (trx) => {
    const current = await readSource(ctx, trx, id);
    const nowIso = ctx.now().toISOString();
    const secret = given ?? newSecret(current.kind);
    if (!(await repo.updateSource(trx, id, current.version, { secret, secret_rotated_at: nowIso, updated_at: nowIso }))) throw versionConflict(`Alert source ${id}`, null, current.version);
    const source = await readSource(ctx, trx, id);
    await recordChange(ctx, trx, { type: 'alert_source.changed', sourceId: id, change: 'updated' }, { action: 'alert_source.rotate_secret', entityType: 'alert_source', entityId: id, before: audited(current), after: audited(source) });
    return { ...source, secret };
  });
}

/** Deletes the source and its delivery log; its incidents stay, with their external ids. */
export async function deleteAlertSource(ctx: AppContext, id: number): Promise<void> {
  await writeTransaction(ctx.db, async (trx) => {
    const current = await readSource(ctx, trx, id);
    await repo.deleteSource(trx, id);
    await recordChange(ctx, trx, { type: 'alert_source.changed', sourceId: id, change: 'deleted' }, { action: 'alert_source.delete', entityType: 'alert_source', entityId: id, before: audited(current), after: null });
  });
}
