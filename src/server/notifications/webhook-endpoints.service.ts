import { randomBytes } from 'node:crypto';
import type { WebhookEndpoint, WebhookEndpointCreate, WebhookEndpointCreated, WebhookEndpointUpdate } from '../../shared/notifications/notification.schema.js';
import { notFound } from '../../shared/errors.js';
import { auditChange } from '../audit/audit.service.js';
import type { AppContext, Executor } from '../context.js';
import { writeTransaction } from '../db/group-commit.js';
import * as repo from './notifications.repo.js';

const toEndpoint = (row: repo.EndpointRow): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  description: row.description,
  kinds: JSON.parse(row.kinds) as WebhookEndpoint['kinds'],
  enabled: row.enabled === 1,
  createdAt: row.created_at,
});

export const listEndpoints = async (ctx: AppContext): Promise<WebhookEndpoint[]> => (await repo.listEndpoints(ctx.db)).map(toEndpoint);

/** Audit entries hold the endpoint as the API shows it: never its signing secret. */
const audit = (ctx: AppContext, trx: Executor, action: 'create' | 'update' | 'delete', id: number, before: WebhookEndpoint | null, after: WebhookEndpoint | null) =>
  auditChange(ctx, trx, { action: `webhook_endpoint.${action}`, entityType: 'webhook_endpoint', entityId: id, before, after });

/** A new endpoint with a fresh signing secret (Standard Webhooks' whsec_ + 32 random bytes), answered this once. */
export async function createEndpoint(ctx: AppContext, input: WebhookEndpointCreate): Promise<WebhookEndpointCreated> {
  const nowIso = ctx.now().toISOString();
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  return writeTransaction(ctx.db, async (trx) => {
    const endpoint = toEndpoint(await repo.insertEndpoint(trx, { url: input.url, description: input.description, kinds: JSON.stringify(input.kinds), secret, enabled: 1, created_at: nowIso, updated_at: nowIso }));
    await audit(ctx, trx, 'create', endpoint.id, null, endpoint);
    return { ...endpoint, secret };
  });
}

export async function updateEndpoint(ctx: AppContext, id: number, update: WebhookEndpointUpdate): Promise<WebhookEndpoint> {
  const values = {
    ...(update.enabled !== undefined ? { enabled: update.enabled ? 1 : 0 } : {}),
    ...(update.description !== undefined ? { description: update.description } : {}),
    ...(update.kinds !== undefined ? { kinds: JSON.stringify(update.kinds) } : {}),
    updated_at: ctx.now().toISOString(),
  };
  return writeTransaction(ctx.db, async (trx) => {
    const before = await repo.findEndpoint(trx, id);
    if (!before || !(await repo.updateEndpoint(trx, id, values))) throw notFound('Webhook endpoint', id);
    const after = toEndpoint((await repo.findEndpoint(trx, id))!);
    await audit(ctx, trx, 'update', id, toEndpoint(before), after);
    return after;
  });
}

/** Removes the endpoint; deliveries to it still queued are skipped. */
export async function deleteEndpoint(ctx: AppContext, id: number): Promise<void> {
  await writeTransaction(ctx.db, async (trx) => {
    const before = await repo.findEndpoint(trx, id);
    if (!before || !(await repo.deleteEndpoint(trx, id))) throw notFound('Webhook endpoint', id);
    await audit(ctx, trx, 'delete', id, toEndpoint(before), null);
  });
}
