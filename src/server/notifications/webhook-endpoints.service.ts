import { randomBytes } from 'node:crypto';
import type { WebhookEndpoint, WebhookEndpointCreate, WebhookEndpointCreated, WebhookEndpointUpdate } from '../../shared/notifications/notification.schema.js';
import { notFound } from '../../shared/errors.js';
import type { AppContext } from '../context.js';
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

/** A new endpoint with a fresh signing secret (Standard Webhooks' whsec_ + 32 random bytes), answered this once. */
export async function createEndpoint(ctx: AppContext, input: WebhookEndpointCreate): Promise<WebhookEndpointCreated> {
  const nowIso = ctx.now().toISOString();
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const row = await repo.insertEndpoint(ctx.db, { url: input.url, description: input.description, kinds: JSON.stringify(input.kinds), secret, enabled: 1, created_at: nowIso, updated_at: nowIso });
  return { ...toEndpoint(row), secret };
}

export async function updateEndpoint(ctx: AppContext, id: number, update: WebhookEndpointUpdate): Promise<WebhookEndpoint> {
  const values = {
    ...(update.enabled !== undefined ? { enabled: update.enabled ? 1 : 0 } : {}),
    ...(update.description !== undefined ? { description: update.description } : {}),
    ...(update.kinds !== undefined ? { kinds: JSON.stringify(update.kinds) } : {}),
    updated_at: ctx.now().toISOString(),
  };
  if (!(await repo.updateEndpoint(ctx.db, id, values))) throw notFound('Webhook endpoint', id);
  return toEndpoint((await repo.findEndpoint(ctx.db, id))!);
}

/** Removes the endpoint; deliveries to it still queued are skipped. */
export async function deleteEndpoint(ctx: AppContext, id: number): Promise<void> {
  if (!(await repo.deleteEndpoint(ctx.db, id))) throw notFound('Webhook endpoint', id);
}
