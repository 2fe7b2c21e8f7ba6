import { z } from 'zod';
import { isoDateTime, listParam, page, pageQuery, versionField } from '../common.schema.js';
import { reviewStateSchema, severitySchema } from '../incidents/incident.schema.js';
import { optionalText, person } from './review-parts.schema.js';
import { reviewTemplates } from './review-templates.js';

export { reviewStates, reviewStateSchema, type ReviewState } from '../incidents/incident.schema.js';

export const reviewTemplateSchema = z.enum(reviewTemplates).describe('Which sections the review shows: sources (DevOps library), google-sre or gitlab');

/** The review's own sections (F4); every one may stay empty. */
const reviewSectionFields = {
  facilitator: person.nullable(),
  scribe: person.nullable(),
  template: reviewTemplateSchema,
  summary: optionalText(20_000).describe('One paragraph for engineers who were not involved'),
  impact: optionalText(20_000),
  learnings: optionalText(20_000),
};

export const policyDecisionSchema = z.object({
  required: z.boolean(),
  reason: z.string(),
});

export const reviewSchema = z.object({
  id: z.number().int(),
  incidentId: z.number().int(),
  incidentTitle: z.string(),
  incidentSeverity: severitySchema,
  owner: z.string().nullable(),
  state: reviewStateSchema,
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  policy: policyDecisionSchema,
  requestedBy: z.string().nullable(),
  facilitator: z.string().nullable(),
  scribe: z.string().nullable(),
  template: reviewTemplateSchema,
  summary: z.string().nullable(),
  impact: z.string().nullable(),
  learnings: z.string().nullable(),
  qualityScore: z.number().int().nullable().describe('The review quality score (0-100) as last computed; GET /api/reviews/{id}/quality recomputes it'),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;

export const incidentReviewSchema = z.object({
  policy: policyDecisionSchema.describe('What the review policy decides for the incident as it is now'),
  review: reviewSchema.nullable(),
});

export const reviewRequestSchema = z
  .object({
    requestedBy: z.string().trim().min(1).max(200).optional(),
    owner: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const reviewUpdateSchema = z
  .object({
    version: versionField,
    owner: z.string().trim().min(1).max(200).nullable().optional(),
    state: reviewStateSchema.optional(),
    dueAt: isoDateTime.nullable().optional(),
    ...z.object(reviewSectionFields).partial().shape,
  })
  .strict();
export type ReviewUpdate = z.output<typeof reviewUpdateSchema>;

export const reviewListQuerySchema = z
  .object({
    state: listParam(reviewStateSchema).optional(),
    owner: z.string().trim().min(1).max(200).optional(),
    overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    ...pageQuery,
  })
  .strict();
export type ReviewListQuery = z.output<typeof reviewListQuerySchema>;

export const reviewPageSchema = page(reviewSchema);
