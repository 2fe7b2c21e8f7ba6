import { z } from 'zod';
import { personSchema } from '../accounts/person.schema.js';
import { actionItemSchema, actionItemStatusSchema } from '../actions/action-item.schema.js';
import { storedInt } from '../common.schema.js';
import { severitySchema } from '../incidents/incident.schema.js';

const portfolioItemSchema = z.object({
  actionItemId: z.number(),
  title: z.string(),
  status: actionItemStatusSchema,
  owner: personSchema.nullable(),
  dueDate: z.string().nullable(),
  reviewId: z.number(),
  incidentId: z.number(),
  incidentTitle: z.string(),
  severity: severitySchema,
  categories: z.array(z.string()),
});

export const portfolioSchema = z.object({
  groups: z.array(
    z.object({
      items: z.array(portfolioItemSchema),
      incidents: z.number().describe('Distinct incidents the group addresses'),
      categories: z.array(z.object({ key: z.string(), label: z.string() })).describe('Contributor categories its items address'),
      impact: z.number().describe('Each incident once: severity weight (SEV1 8, SEV2 4, SEV3 2, SEV4 1), doubled when customer-facing'),
      reason: z.string().describe('Why it ranks where it does, in words'),
    }),
  ),
  effectiveness: z.array(
    z.object({
      actionItemId: z.number(),
      title: z.string(),
      incidentId: z.number(),
      doneAt: z.string(),
      categories: z.array(z.object({ key: z.string(), label: z.string() })),
      verdict: z.enum(['recurred', 'no_recurrence', 'too_soon', 'no_category']),
      recurredIn: z.array(z.object({ incidentId: z.number(), title: z.string(), startedAt: z.string() })),
    }),
  ),
  openItemsConsidered: z.number(),
});
export type Portfolio = z.infer<typeof portfolioSchema>;

export const mergeInputSchema = z
  .object({
    keepId: storedInt.describe('The action item that stays, tracked'),
    mergeIds: z.array(storedInt).min(1).max(50).describe('Duplicates, closed as declined with a reason naming the kept item'),
  })
  .strict();
export type MergeInput = z.infer<typeof mergeInputSchema>;

export const mergeResultSchema = z.object({ kept: actionItemSchema, merged: z.array(actionItemSchema) });
