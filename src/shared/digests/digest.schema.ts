import { z } from 'zod';
import { personSchema } from '../accounts/person.schema.js';
import { severitySchema } from '../incidents/incident.schema.js';
import { teamFilter } from '../teams/team.schema.js';

export const digestQuerySchema = z
  .object({
    week: z.string().regex(/^\d{4}-W\d{2}$/, 'must be an ISO week such as 2026-W49').optional().describe('Default: the last complete week in the organisation’s zone'),
    service: z.string().trim().min(1).max(100).optional().describe('One service (as on incidents); default: every service'),
    team: teamFilter,
  })
  .strict();
export type DigestQuery = z.infer<typeof digestQuerySchema>;

export const digestExportQuerySchema = digestQuerySchema.extend({ format: z.enum(['markdown', 'html']).default('markdown') }).strict();

const overdueItemSchema = z.object({
  actionItemId: z.number(),
  reviewId: z.number(),
  incidentId: z.number(),
  title: z.string(),
  owner: personSchema.nullable(),
  dueDate: z.string(),
});

export const digestSchema = z.object({
  week: z.string(),
  from: z.string(),
  until: z.string(),
  timeZone: z.string(),
  service: z.string().nullable(),
  team: z.object({ slug: z.string(), name: z.string() }).nullable().describe('The team filtered by: its services’ incidents'),
  published: z.array(
    z.object({
      reviewId: z.number(),
      incidentId: z.number(),
      title: z.string(),
      severity: severitySchema,
      services: z.array(z.string()),
      publishedAt: z.string(),
      summary: z.string().nullable(),
      learnings: z.array(z.string()).describe('Its lessons: the review’s learnings and its learning factors'),
    }),
  ),
  recurringContributors: z.array(
    z.object({
      category: z.string(),
      label: z.string(),
      thisWeek: z.number().describe('Incidents of the week with a contributor of this category'),
      before: z.number().describe('Earlier incidents with one'),
      isNew: z.boolean().describe('It recurs for the first time this week (seen once before)'),
    }),
  ),
  openActionItems: z.number(),
  overdueActionItems: z.array(overdueItemSchema),
});
export type Digest = z.infer<typeof digestSchema>;
