import { z } from 'zod';
import { personInputSchema, personSchema } from '../accounts/person.schema.js';
import { storedInt } from '../common.schema.js';
import { reviewStateSchema, severitySchema } from '../incidents/incident.schema.js';

/** A session is named by its local day in the organisation's zone. */
export const sessionDaySchema = z.iso.date({ error: 'must be a session day as YYYY-MM-DD' });
export const sessionDayParam = z.object({ day: sessionDaySchema });

/**
 * What a note is about: `incident:<id>`, `action-item:<id>`, `review:<id>` or `contributor:<category>`
 * (a contributor category that recurred).
 */
export const agendaItemKeySchema = z
  .string()
  .max(120)
  .regex(/^(?:(?:incident|action-item|review):[1-9]\d{0,9}|contributor:[a-z0-9][a-z0-9._-]{0,99})$/, 'must be incident:<id>, action-item:<id>, review:<id> or contributor:<category>');

export const agendaNoteSchema = z.object({
  notes: z.string(),
  decision: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type AgendaNote = z.infer<typeof agendaNoteSchema>;

export const agendaNoteInputSchema = z
  .object({
    item: agendaItemKeySchema,
    notes: z.string().max(20_000).default(''),
    decision: z.string().max(5_000).default(''),
    version: storedInt.nullable().describe('The version you read, or null for the first note on this item; a stale one is refused with 409'),
  })
  .strict();
export type AgendaNoteInput = z.input<typeof agendaNoteInputSchema>;

const sessionSchema = z.object({ day: z.string(), startsAt: z.string(), endsAt: z.string() });

export const agendaIncidentSchema = z.object({
  key: z.string(),
  incidentId: z.number(),
  title: z.string(),
  severity: severitySchema,
  userFacing: z.boolean(),
  services: z.array(z.string()),
  startedAt: z.string(),
  impactMinutes: z.number().nullable(),
  customerImpact: z.string().nullable(),
  reviewId: z.number().nullable(),
  reviewState: reviewStateSchema.nullable(),
  why: z.string().describe('Why it is placed where it is: its business impact in words'),
  note: agendaNoteSchema.nullable(),
});

export const agendaActionItemSchema = z.object({
  key: z.string(),
  actionItemId: z.number(),
  reviewId: z.number(),
  incidentId: z.number(),
  incidentTitle: z.string(),
  title: z.string(),
  owner: personSchema.nullable(),
  dueDate: z.string(),
  daysOverdue: z.number(),
  note: agendaNoteSchema.nullable(),
});

export const agendaContributorSchema = z.object({
  key: z.string(),
  category: z.string(),
  label: z.string(),
  incidents: z.array(z.object({ incidentId: z.number(), title: z.string(), startedAt: z.string() })),
  note: agendaNoteSchema.nullable(),
});

export const agendaReviewSchema = z.object({
  key: z.string(),
  reviewId: z.number(),
  incidentId: z.number(),
  title: z.string(),
  owner: personSchema.nullable(),
  state: reviewStateSchema,
  dueAt: z.string(),
  daysLate: z.number(),
  note: agendaNoteSchema.nullable(),
});

export const globalReviewSchema = z.object({
  session: sessionSchema,
  timeZone: z.string(),
  previousDay: z.string(),
  nextDay: z.string(),
  upcoming: z.boolean().describe('The session has not ended yet'),
  since: z.string().describe('Incidents that started from this instant (the previous session) until the session'),
  incidents: z.array(agendaIncidentSchema),
  overdueActionItems: z.array(agendaActionItemSchema),
  recurringContributors: z.array(agendaContributorSchema),
  reviewsPastDeadline: z.array(agendaReviewSchema),
  attendees: z.array(personSchema),
  attendeesVersion: z.number().int().nullable(),
});
export type GlobalReview = z.infer<typeof globalReviewSchema>;
export type AgendaIncident = z.infer<typeof agendaIncidentSchema>;

export const attendeesInputSchema = z
  .object({
    attendees: z.array(personInputSchema).max(500),
    version: storedInt.nullable().describe('The version you read, or null before anyone was recorded'),
  })
  .strict();
export type AttendeesInput = z.input<typeof attendeesInputSchema>;
