import { z } from 'zod';
import { isoDateTime } from '../common.schema.js';
import { zoneName } from '../imports/import.schema.js';
import { timelinePrecisionSchema } from '../timeline/timeline.schema.js';

/** The most a review's notes may hold (UTF-16 code units): a long meeting typed in full is a few tens of KB. */
export const MAX_NOTES_CHARS = 200_000;

export const noteKinds = ['timelineEntry', 'contributor', 'mitigator', 'risk', 'actionItem'] as const;
export const noteKindSchema = z.enum(noteKinds);

const notesText = z.string().max(MAX_NOTES_CHARS, `must be at most ${MAX_NOTES_CHARS} characters`);

export const reviewNotesSchema = z
  .object({
    reviewId: z.number().int(),
    text: z.string(),
    revision: z.number().int().describe('0 before anything was saved; send it back with PUT'),
    updatedAt: z.string().nullable(),
    updatedBy: z.object({ userId: z.number().int().nullable(), name: z.string() }).nullable(),
    acceptedIds: z.array(z.string()).describe('Ids of the proposals already accepted from these notes'),
  })
  .meta({ id: 'ReviewNotes' });
export type ReviewNotes = z.infer<typeof reviewNotesSchema>;

export const reviewNotesUpdateSchema = z
  .object({
    text: notesText,
    revision: z.number().int().min(0).max(2_147_483_647).describe('The revision the text was based on (0 for the first save)'),
  })
  .strict();
export type ReviewNotesUpdate = z.output<typeof reviewNotesUpdateSchema>;

export const notesProposalRequestSchema = z
  .object({
    text: notesText.optional().describe('Notes to read instead of the saved ones (nothing is stored)'),
    timeZone: zoneName.optional().describe("The zone of times written without one; the organisation's by default"),
  })
  .strict();
export type NotesProposalRequest = z.output<typeof notesProposalRequestSchema>;

export const noteProposalSchema = z
  .object({
    id: z.string().min(1).max(64).describe('Stable for the same kind, source lines and text: what accepting remembers'),
    kind: noteKindSchema,
    text: z.string().trim().min(1).max(10_000),
    sourceLines: z.tuple([z.number().int().min(1), z.number().int().min(1)]).describe('First and last line of the notes it was read from (1-based)'),
    occurredAt: isoDateTime.nullable().describe('Timeline entries: the instant, when the notes give a time and the day is known'),
    precision: timelinePrecisionSchema.nullable(),
    timeAsWritten: z.string().max(100).nullable().describe('The time as typed, also when no instant could be made of it'),
    anchorAt: isoDateTime.nullable().describe('An untimed entry is ordered after this instant (never shown as its time)'),
    owner: z.string().trim().min(1).max(200).nullable(),
    done: z.boolean(),
  })
  .strict()
  .meta({ id: 'NoteProposal' });
export type NoteProposal = z.infer<typeof noteProposalSchema>;

export const notesProposalsSchema = z.object({
  proposals: z.array(noteProposalSchema.extend({ accepted: z.boolean() })),
  incidentDate: z.string().nullable(),
  timeZone: z.string(),
});
export type NotesProposals = z.infer<typeof notesProposalsSchema>;

export const notesAcceptRequestSchema = z.object({ proposals: z.array(noteProposalSchema).min(1).max(500) }).strict();
export type NotesAcceptRequest = z.output<typeof notesAcceptRequestSchema>;

export const notesAcceptResultSchema = z.object({
  accepted: z.array(
    z.object({
      id: z.string(),
      kind: noteKindSchema,
      created: z.boolean().describe('false when it had been accepted before (nothing new was made)'),
      entityId: z.number().int().nullable(),
    }),
  ),
});
export type NotesAcceptResult = z.infer<typeof notesAcceptResultSchema>;


