import { z } from 'zod';
import { MAX_STORED_INT, storedInt } from '../common.schema.js';
import { personSchema } from '../accounts/person.schema.js';

/**
 * Meeting mode (F11, docs/review-process.md): the review meeting walked together, every attendee in
 * their own browser. The facilitator's position (stage, timeline entry) and the stage's start are
 * kept by the server, so a late or reconnecting browser, on any app instance, lands where everyone is.
 */
export const meetingStages = ['summary', 'timeline', 'factors', 'actions', 'wrap_up'] as const;
export const meetingStageSchema = z.enum(meetingStages);
export type MeetingStage = z.infer<typeof meetingStageSchema>;

export const meetingStageNames: Record<MeetingStage, string> = {
  summary: 'Summary',
  timeline: 'Timeline walk',
  factors: 'Contributors & risks',
  actions: 'Action items',
  wrap_up: 'Wrap-up',
};

export const meetingModeStatusSchema = z.enum(['not_started', 'running', 'ended']);
export type MeetingModeStatus = z.infer<typeof meetingModeStatusSchema>;

/** PUT /api/reviews/{id}/meeting/mode: start, move, or end (the facilitator, the review's owner, or an admin). */
export const meetingMoveInputSchema = z
  .object({
    status: z.enum(['running', 'ended']).default('running').describe('running to start or move; ended to end meeting mode (running again restarts it)'),
    stage: meetingStageSchema,
    entryId: storedInt.nullable().default(null).describe("The timeline entry everyone is on: one of the review's incident's entries"),
    version: z.number().int().min(0).max(MAX_STORED_INT).optional().describe('The version you read (0 before meeting mode first started); a stale one is refused with 409. Left out, the move wins (the position is the latest word)'),
  })
  .strict();
export type MeetingMoveInput = z.output<typeof meetingMoveInputSchema>;

export const meetingModeSchema = z
  .object({
    reviewId: z.number().int(),
    status: meetingModeStatusSchema,
    stage: meetingStageSchema,
    entryId: z.number().int().nullable(),
    stageStartedAt: z.string().nullable().describe("When the current stage began (the server's clock): the stage timer counts from it"),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    movedBy: z.string().nullable(),
    facilitator: personSchema.nullable().describe("The meeting's facilitator, or the review's when no meeting is scheduled"),
    scribe: personSchema.nullable(),
    canFacilitate: z.boolean().describe('Whether the caller may move everyone: the facilitator, the review owner, an admin'),
    serverTime: z.string().describe("The server's clock when answering, so a browser's timer does not depend on its own clock"),
    version: z.number().int().describe('0 before meeting mode first started'),
  })
  .meta({ id: 'MeetingMode' });
export type MeetingMode = z.infer<typeof meetingModeSchema>;

/** What the `meeting.moved` event carries: enough for a browser to follow without reading again. */
export interface MeetingPosition {
  status: 'running' | 'ended';
  stage: MeetingStage;
  entryId: number | null;
  stageStartedAt: string;
  version: number;
}
