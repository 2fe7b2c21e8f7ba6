import { z } from 'zod';
import { isoDateTime, storedInt } from '../common.schema.js';
import { personSchema } from '../accounts/person.schema.js';
import { gateOverrideSchema } from '../reviews/review.schema.js';

const isZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const link = z.url({ protocol: /^https?$/, error: 'must be an http(s) link' }).max(2000);

/** PUT /api/reviews/{id}/meeting. */
export const meetingInputSchema = z
  .object({
    startsAt: isoDateTime.describe('When it starts, with its offset'),
    durationMinutes: z.number().int().min(5).max(480),
    timeZone: z.string().trim().max(64).refine(isZone, 'must be an IANA time zone such as Europe/Copenhagen').optional().describe("The invitation's zone; the organisation's when left out"),
    facilitatorUserId: storedInt.nullable().default(null),
    scribeUserId: storedInt.nullable().default(null),
    attendeeUserIds: z.array(storedInt).max(100).default([]),
    location: z.string().trim().max(500).nullable().default(null).describe('A room, or the video call link'),
    recordingLink: link.nullable().default(null).describe('Set after the meeting, for people who could not attend'),
    version: storedInt.optional().describe('The version you read; none to schedule the first time'),
    override: gateOverrideSchema.optional(),
  })
  .strict();
export type MeetingInput = z.output<typeof meetingInputSchema>;

export const meetingSchema = z
  .object({
    reviewId: z.number().int(),
    startsAt: z.string(),
    endsAt: z.string(),
    durationMinutes: z.number().int(),
    timeZone: z.string(),
    facilitator: personSchema.nullable(),
    scribe: personSchema.nullable(),
    attendees: z.array(personSchema),
    location: z.string().nullable(),
    recordingLink: z.string().nullable(),
    sequence: z.number().int().describe("The invitation's SEQUENCE: raised each time it is rescheduled"),
    gateOverride: z.string().nullable().describe('Why it was scheduled before the async review was complete'),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof meetingSchema>;

export const audienceWarningSchema = z.object({
  kind: z.enum(['too_many', 'not_involved', 'senior_leadership']),
  message: z.string(),
  why: z.string().describe('The reason, quoted from the practice it comes from'),
  people: z.array(personSchema),
});
export type AudienceWarning = z.infer<typeof audienceWarningSchema>;

/** What the audience check needs to know, so the web app can run it as people are picked. */
export const audienceFactsSchema = z.object({
  maxAttendees: z.number().int(),
  involvedUserIds: z.array(z.number().int()).describe('Commander, responders, members, owner, facilitator, scribe, reviewers, timeline and comment authors, action owners'),
  seniorLeadershipUserIds: z.array(z.number().int()),
});
export type AudienceFacts = z.infer<typeof audienceFactsSchema>;

export const meetingStateSchema = z
  .object({
    meeting: meetingSchema.nullable(),
    warnings: z.array(audienceWarningSchema).describe('The audience check of the meeting as scheduled (advice, never a block)'),
    audience: audienceFactsSchema,
    timeZone: z.string().describe("The organisation's zone: the default for a new meeting"),
  })
  .meta({ id: 'MeetingState' });
export type MeetingState = z.infer<typeof meetingStateSchema>;
