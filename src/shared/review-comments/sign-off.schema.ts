import { z } from 'zod';
import { storedInt, storedIntParam } from '../common.schema.js';
import { personSchema } from '../accounts/person.schema.js';
import { commentThreadSchema } from './review-comment.schema.js';

export const signOffStatuses = ['requested', 'signed_off', 'changes_requested'] as const;
export type SignOffStatus = (typeof signOffStatuses)[number];

export const signOffSchema = z.object({
  reviewer: personSchema,
  status: z.enum(signOffStatuses),
  note: z.string().nullable().describe('What the reviewer asks to change, or adds when signing off'),
  requestedBy: personSchema.nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type SignOff = z.infer<typeof signOffSchema>;

/** POST /api/reviews/{id}/reviewers: accounts asked to review and sign off (already asked: unchanged). */
export const reviewerRequestSchema = z.object({ userIds: z.array(storedInt).min(1).max(50) }).strict();
export type ReviewerRequest = z.output<typeof reviewerRequestSchema>;

export const reviewerParams = z.object({ id: storedIntParam, userId: storedIntParam });

/** POST /api/reviews/{id}/sign-off: the caller's own decision as a requested reviewer. */
export const signOffDecisionSchema = z
  .object({
    decision: z.enum(['signed_off', 'changes_requested']),
    note: z.string().trim().max(2000).optional().describe('Required when requesting changes: what to change'),
  })
  .strict();
export type SignOffDecision = z.output<typeof signOffDecisionSchema>;

export const asyncReviewStateSchema = z
  .object({
    complete: z.boolean().describe('Every requested reviewer signed off and every open thread is a question for the meeting'),
    gaps: z.array(z.string()).describe('What is left before the async review is complete'),
    reviewers: z.array(signOffSchema),
    openThreads: z.number().int().describe('Threads not yet resolved'),
    meetingQuestions: z.array(commentThreadSchema).describe('Open threads flagged for the meeting'),
  })
  .meta({ id: 'AsyncReviewState' });
export type AsyncReviewState = z.infer<typeof asyncReviewStateSchema>;
