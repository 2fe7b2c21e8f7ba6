import { z } from 'zod';
import { personInputSchema, personSchema } from '../accounts/person.schema.js';
import { isoDateTime, listParam, page, pageQuery, versionField, updatedSinceQuery } from '../common.schema.js';
import { teamFilter } from '../teams/team.schema.js';

export const severities = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export const severitySchema = z.enum(severities);
export type Severity = z.infer<typeof severitySchema>;

export const incidentStatuses = ['active', 'mitigated', 'resolved'] as const;
export const incidentStatusSchema = z.enum(incidentStatuses);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

const tag = z.string().trim().min(1).max(100);

/** The most services, and the most labels, an incident has: however they are given (create, edit, add one). */
export const MAX_TAGS = 50;

/**
 * The labels with `label` added, unless one of them already is it whatever its case; null when
 * adding it would pass MAX_TAGS. The rule for adding one label, as the schemas' limit is for lists.
 */
export function withLabel(labels: readonly string[], label: string): readonly string[] | null {
  if (labels.some((existing) => existing.toLowerCase() === label.toLowerCase())) return labels;
  return labels.length >= MAX_TAGS ? null : [...labels, label];
}

export const keyTimestamps = ['impactStartedAt', 'detectedAt', 'respondedAt', 'mitigatedAt', 'resolvedAt'] as const;
export type KeyTimestamp = (typeof keyTimestamps)[number];

const incidentFields = {
  title: z.string().trim().min(1).max(300),
  severity: severitySchema,
  userFacing: z.boolean(),
  services: z.array(tag).max(MAX_TAGS),
  labels: z.array(tag).max(MAX_TAGS),
  commander: personInputSchema.nullable(),
  responders: z.array(personInputSchema).max(100),
  customerImpact: z.string().max(20_000).nullable(),
  status: incidentStatusSchema,
  impactStartedAt: isoDateTime.nullable(),
  detectedAt: isoDateTime.nullable(),
  respondedAt: isoDateTime.nullable(),
  mitigatedAt: isoDateTime.nullable(),
  resolvedAt: isoDateTime.nullable(),
};

export const incidentCreateSchema = z
  .object({
    ...incidentFields,
    userFacing: incidentFields.userFacing.default(false),
    services: incidentFields.services.default([]),
    labels: incidentFields.labels.default([]),
    commander: incidentFields.commander.default(null),
    responders: incidentFields.responders.default([]),
    customerImpact: incidentFields.customerImpact.default(null),
    status: incidentFields.status.default('active'),
    impactStartedAt: incidentFields.impactStartedAt.default(null),
    detectedAt: incidentFields.detectedAt.default(null),
    respondedAt: incidentFields.respondedAt.default(null),
    mitigatedAt: incidentFields.mitigatedAt.default(null),
    resolvedAt: incidentFields.resolvedAt.default(null),
    restricted: z
      .boolean()
      .default(false)
      .describe('Visible only to its members and admins (security or HR-sensitive incidents); the creator becomes a member'),
  })
  .strict();
export type IncidentCreateInput = z.input<typeof incidentCreateSchema>;
export type IncidentCreate = z.output<typeof incidentCreateSchema>;

export const incidentUpdateSchema = z
  .object({ version: versionField, ...incidentFields })
  .partial()
  .required({ version: true })
  .strict();
export type IncidentUpdate = z.output<typeof incidentUpdateSchema>;

export const incidentResolveSchema = z.object({ resolvedAt: isoDateTime.optional() }).strict();
export const incidentLabelSchema = z.object({ label: tag }).strict();

/** The review workflow's states, in order (shared/reviews/workflow.ts). */
export const reviewStates = ['draft', 'in_review', 'ready_for_meeting', 'meeting_held', 'published'] as const;
export const reviewStateSchema = z.enum(reviewStates);
export type ReviewState = z.infer<typeof reviewStateSchema>;

export const reviewBriefSchema = z.object({
  id: z.number().int(),
  state: reviewStateSchema,
  owner: personSchema.nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
});

export const incidentSchema = z.object({
  id: z.number().int(),
  ...incidentFields,
  commander: personSchema.nullable(),
  responders: z.array(personSchema),
  restricted: z.boolean().describe('Visible only to its members and admins; see /api/incidents/{id}/access'),
  review: reviewBriefSchema.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'Incident' });
export type Incident = z.infer<typeof incidentSchema>;

export const incidentListQuerySchema = z
  .object({
    status: listParam(incidentStatusSchema).optional(),
    severity: listParam(severitySchema).optional(),
    service: tag.optional().describe('Incidents with a service whose words start with these words ("payments" finds "payments-api")'),
    label: tag.optional(),
    category: tag.optional().describe("Incidents whose review has a contributor of this category (the trends' links)"),
    team: teamFilter,
    from: isoDateTime.optional().describe('Incidents that started at or after this instant'),
    to: isoDateTime.optional().describe('Incidents that started before this instant'),
    q: z.string().trim().max(200).optional().describe('Words in the title'),
    externalId: z.string().trim().min(1).max(500).optional().describe("Incidents holding this id of another system (an alert's id or group key in its source)"),
    externalSource: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('Incidents that came from this source: "alert-source:3" (one alert source) or "alert-source"'),
    ...updatedSinceQuery,
    ...pageQuery,
  })
  .strict();
export type IncidentListQuery = z.output<typeof incidentListQuerySchema>;

export const incidentPageSchema = page(incidentSchema);

export const serviceListQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional().describe('Words the service names start with; empty lists the most used'),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type ServiceListQuery = z.output<typeof serviceListQuerySchema>;

/** The services of the incidents the caller may see, most used first. */
export const serviceListSchema = z.object({ items: z.array(z.object({ name: z.string(), incidents: z.number().int() })) });
export type ServiceList = z.infer<typeof serviceListSchema>;
