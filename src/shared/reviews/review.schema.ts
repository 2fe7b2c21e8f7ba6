import { z } from 'zod';
import { isoDateTime, listParam, page, pageQuery, versionField, updatedSinceQuery } from '../common.schema.js';
import { reviewStateSchema, severitySchema } from '../incidents/incident.schema.js';
import { personInputSchema, personSchema } from '../accounts/person.schema.js';
import { optionalText } from './review-parts.schema.js';
import { reviewTemplates } from './review-templates.js';

export { reviewStates, reviewStateSchema, type ReviewState } from '../incidents/incident.schema.js';

export const reviewTemplateSchema = z.enum(reviewTemplates).describe('Which sections the review shows: sources (DevOps library), google-sre or gitlab');

/** The review's own sections (F4); every one may stay empty. */
const reviewSectionFields = {
  facilitator: personInputSchema.nullable(),
  scribe: personInputSchema.nullable(),
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
  owner: personSchema.nullable().describe('The owner (DRI), who drives the review to done'),
  state: reviewStateSchema.describe('Changed only through POST /api/reviews/{id}/transitions'),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  policy: policyDecisionSchema,
  requestedBy: personSchema.nullable(),
  facilitator: personSchema.nullable(),
  scribe: personSchema.nullable(),
  template: reviewTemplateSchema,
  summary: z.string().nullable(),
  impact: z.string().nullable(),
  learnings: z.string().nullable(),
  qualityScore: z.number().int().nullable().describe('The review quality score (0-100) as last computed; GET /api/reviews/{id}/quality recomputes it'),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'Review' });
export type Review = z.infer<typeof reviewSchema>;

export const incidentReviewSchema = z.object({
  policy: policyDecisionSchema.describe('What the review policy decides for the incident as it is now'),
  review: reviewSchema.nullable(),
});

export const reviewRequestSchema = z
  .object({
    requestedBy: personInputSchema.optional().describe('Who asks for the review; the caller when left out'),
    owner: personInputSchema.optional().describe("The owner (DRI); the incident's commander when left out"),
  })
  .strict();
export type ReviewRequest = z.output<typeof reviewRequestSchema>;

export const reviewUpdateSchema = z
  .object({
    version: versionField,
    owner: personInputSchema.nullable().optional(),
    state: z
      .never({ error: 'is changed only through the workflow: POST /api/reviews/{id}/transitions with {"to": ..., "reason": ...}' })
      .optional()
      .describe('Not editable here: see POST /api/reviews/{id}/transitions'),
    dueAt: isoDateTime.nullable().optional(),
    ...z.object(reviewSectionFields).partial().shape,
  })
  .strict();
export type ReviewUpdate = z.output<typeof reviewUpdateSchema>;

export const reviewListQuerySchema = z
  .object({
    state: listParam(reviewStateSchema).optional(),
    owner: z.string().trim().min(1).max(200).optional().describe('The owner: "me", a user id, or a plain name'),
    overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    ...updatedSinceQuery,
    ...pageQuery,
  })
  .strict();
export type ReviewListQuery = z.output<typeof reviewListQuerySchema>;

export const reviewPageSchema = page(reviewSchema);

/** Passing the async review's gate before it is complete: allowed, but only with a reason, which is kept. */
export const gateOverrideSchema = z
  .object({ reason: z.string().trim().min(1, 'say why the meeting cannot wait for the async review').max(2000) })
  .strict()
  .describe('Go on to the meeting before the async review is complete, and why');

/** POST /api/reviews/{id}/transitions: the state to move to, and why (required to go back or reopen). */
export const reviewTransitionSchema = z
  .object({
    to: reviewStateSchema,
    reason: z.string().trim().max(2000).optional().describe('Why; required to go back a step or to reopen a published review'),
    override: gateOverrideSchema.optional(),
  })
  .strict();
export type ReviewTransition = z.output<typeof reviewTransitionSchema>;

export const transitionOptionSchema = z.object({
  to: reviewStateSchema,
  label: z.string().describe('What the step is called in the web app'),
  reasonRequired: z.boolean(),
  allowed: z.boolean().describe('Whether the caller may take this step now'),
  refusals: z.array(z.string()).describe('Why not, when not allowed'),
  overridable: z.boolean().describe('Refused only by the async review gate: allowed with {"override": {"reason": ...}}'),
});

export const transitionListSchema = z.object({
  state: reviewStateSchema,
  readOnly: z.boolean().describe('Published: every write answers 409 until the review is reopened'),
  transitions: z.array(transitionOptionSchema).describe('Every step the workflow allows from the current state'),
});
export type TransitionList = z.infer<typeof transitionListSchema>;
