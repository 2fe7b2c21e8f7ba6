import { z } from 'zod';
import { versionField } from '../common.schema.js';
import { severitySchema } from '../incidents/incident.schema.js';

/** The systems an alert source receives from; each has its own payload and its own signature or secret scheme. */
export const alertSourceKinds = ['alertmanager', 'grafana', 'pagerduty', 'opsgenie', 'gitlab', 'generic'] as const;
export const alertSourceKindSchema = z.enum(alertSourceKinds);
export type AlertSourceKind = z.infer<typeof alertSourceKindSchema>;

/** How each kind proves a delivery is its own (docs/integrations.md). */
export const alertSourceSchemes: Record<AlertSourceKind, string> = {
  alertmanager: 'HTTP basic auth (password = secret) or "Authorization: Bearer <secret>" (http_config of the webhook receiver)',
  grafana: 'HTTP basic auth (password = secret) or "Authorization: Bearer <secret>" (the webhook contact point\'s authorization settings)',
  pagerduty: 'X-PagerDuty-Signature: v1=HMAC-SHA256(secret, body), hex (v3 webhook subscription)',
  opsgenie: 'A custom header "Authorization: Bearer <secret>" (or basic auth) on the outgoing webhook integration',
  gitlab: 'X-Gitlab-Token: <secret> (the webhook\'s secret token)',
  generic: 'Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature (v1, HMAC-SHA256 of id.timestamp.body, base64)',
};

const path = z.string().trim().min(1).max(200).regex(/^[A-Za-z0-9_$-]+(?:\.[A-Za-z0-9_$-]+)*$/, 'must be a dotted path such as alert.id');

/** Where the generic source finds each field in its JSON (dotted paths). */
export const genericMappingSchema = z
  .object({
    externalId: path.describe('The alert\'s id in the sending system: deliveries with the same id update one incident'),
    title: path,
    status: path.optional().describe('A value among the status words below; absent: every delivery is "triggered"'),
    occurredAt: path.optional().describe('ISO 8601 or epoch (s or ms); absent: the time of receipt'),
    severity: path.optional().describe('sev1..sev4, critical/high/warning/info or P1..P5'),
    service: path.optional(),
    statusWords: z
      .object({
        triggered: z.array(z.string().max(50)).max(20).default(['triggered', 'firing', 'open', 'new']),
        acknowledged: z.array(z.string().max(50)).max(20).default(['acknowledged', 'ack']),
        escalated: z.array(z.string().max(50)).max(20).default(['escalated']),
        resolved: z.array(z.string().max(50)).max(20).default(['resolved', 'closed', 'ok']),
      })
      .strict()
      .optional(),
  })
  .strict();
export type GenericMapping = z.output<typeof genericMappingSchema>;

export const alertSourceSettingsSchema = z
  .object({
    defaultSeverity: severitySchema.default('sev3').describe('The severity of an incident whose alert gives none'),
    service: z.string().trim().min(1).max(100).nullable().default(null).describe('The service of incidents whose alert names none'),
    mapping: genericMappingSchema.nullable().default(null).describe('generic only: where each field is in the JSON'),
  })
  .strict();
export type AlertSourceSettings = z.output<typeof alertSourceSettingsSchema>;

/** A secret the sender made (PagerDuty shows its subscription's signing secret once); absent, Hindsight makes one. */
const givenSecret = z.string().trim().min(16, 'must be at least 16 characters').max(500).optional().describe("The sender's own secret (PagerDuty generates its subscription's); absent: one is generated");

export const alertSourceCreateSchema = z
  .object({
    kind: alertSourceKindSchema,
    name: z.string().trim().min(1).max(100),
    settings: alertSourceSettingsSchema.default({ defaultSeverity: 'sev3', service: null, mapping: null }),
    secret: givenSecret,
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.kind === 'generic' && !input.settings.mapping) ctx.addIssue({ code: 'custom', path: ['settings', 'mapping'], message: 'is required for a generic source' });
  });
export type AlertSourceCreate = z.output<typeof alertSourceCreateSchema>;

export const alertSourceRotateSchema = z.object({ secret: givenSecret }).strict();
export type AlertSourceRotate = z.output<typeof alertSourceRotateSchema>;

export const alertSourceUpdateSchema = z
  .object({ version: versionField, name: z.string().trim().min(1).max(100).optional(), settings: alertSourceSettingsSchema.optional() })
  .strict();
export type AlertSourceUpdate = z.output<typeof alertSourceUpdateSchema>;

export const alertDeliveryStatuses = ['created', 'updated', 'unchanged', 'rejected'] as const;

export const alertDeliverySchema = z.object({
  id: z.number().int(),
  deliveryId: z.string().nullable().describe("The sender's delivery id, or the body's SHA-256 when it sends none"),
  receivedAt: z.string(),
  status: z.enum(alertDeliveryStatuses),
  detail: z.string().nullable().describe('Why it was rejected, or what it did'),
  incidentIds: z.array(z.number().int()),
});
export type AlertDelivery = z.infer<typeof alertDeliverySchema>;

export const alertSourceSchema = z
  .object({
    id: z.number().int(),
    kind: alertSourceKindSchema,
    name: z.string(),
    settings: z.object({ defaultSeverity: severitySchema, service: z.string().nullable(), mapping: z.unknown().nullable() }),
    url: z.string().describe('Where the sender posts: this server\'s /api/hooks/alerts/{id}'),
    scheme: z.string().describe('How the sender proves it is itself'),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    secretRotatedAt: z.string(),
    lastDeliveries: z.array(alertDeliverySchema).describe('The latest signed deliveries, newest first'),
  })
  .meta({ id: 'AlertSource' });
export type AlertSource = z.infer<typeof alertSourceSchema>;

/** Answered once, on creation and rotation: the secret is never shown again. */
export const alertSourceWithSecretSchema = alertSourceSchema.extend({ secret: z.string().describe('Shown once: configure it in the sender now') });
export type AlertSourceWithSecret = z.infer<typeof alertSourceWithSecretSchema>;

export const alertSourceListSchema = z.object({ items: z.array(alertSourceSchema) });

export const alertDeliveryResultSchema = z.object({
  status: z.enum(['created', 'updated', 'unchanged']),
  incidentIds: z.array(z.number().int()),
  entriesAdded: z.number().int(),
});
export type AlertDeliveryResult = z.infer<typeof alertDeliveryResultSchema>;
