import { z } from 'zod';
import { storedInt, storedIntParam, versionField } from '../common.schema.js';
import { personSchema } from '../accounts/person.schema.js';
import { partKeys } from '../reviews/review-part.js';

/**
 * Where a comment thread sits: a part of the review (its registry key) and, for parts made of
 * records, one record (a timeline entry's, factor's, five-whys chain's or action item's id, or a
 * key question's key); null itemId is the part as a whole.
 */
export const commentAnchorSchema = z
  .object({
    part: z.enum(partKeys).describe('The review part: summary, impact, timeline, factors, whys, questions, actionItems, learnings'),
    itemId: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .nullable()
      .default(null)
      .describe("One record of the part (its id, or a question's key); null for the part as a whole"),
  })
  .strict();
export type CommentAnchor = z.output<typeof commentAnchorSchema>;

const commentText = z.string().trim().min(1, 'must not be blank').max(10_000);

/** POST /api/reviews/{id}/comments: a new thread on an anchor, or a reply to a thread (parentId). */
export const commentCreateSchema = z
  .object({
    text: commentText.describe('Markdown; @Name or @e-mail mentions a user'),
    anchor: commentAnchorSchema.optional().describe('Where a new thread sits; leave out for a reply'),
    parentId: storedInt.optional().describe('The thread to reply to; leave out for a new thread'),
    forMeeting: z.boolean().optional().describe('A new thread only: a question for the meeting'),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.anchor === undefined && value.parentId === undefined) ctx.addIssue({ code: 'custom', path: ['anchor'], message: 'give an anchor for a new thread, or a parentId to reply' });
    if (value.anchor !== undefined && value.parentId !== undefined) ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'a reply sits in its thread: give an anchor or a parentId, not both' });
    if (value.parentId !== undefined && value.forMeeting !== undefined) ctx.addIssue({ code: 'custom', path: ['forMeeting'], message: 'only a thread (not a reply) is flagged for the meeting' });
  });
export type CommentCreate = z.output<typeof commentCreateSchema>;

/** PATCH: the author edits the text; anyone who may write flags a thread for the meeting or not. */
export const commentUpdateSchema = z
  .object({
    version: versionField,
    text: commentText.optional(),
    forMeeting: z.boolean().optional().describe('A thread only: a question for the meeting'),
  })
  .strict();
export type CommentUpdate = z.output<typeof commentUpdateSchema>;

export const commentVersionSchema = z.object({ version: versionField }).strict();

export const commentParams = z.object({ id: storedIntParam, commentId: storedIntParam });

export const commentListQuerySchema = z
  .object({
    part: z.enum(partKeys).optional(),
    itemId: z.string().trim().min(1).max(64).optional(),
    status: z.enum(['open', 'resolved']).optional().describe('Threads still open, or resolved'),
  })
  .strict();
export type CommentListQuery = z.output<typeof commentListQuerySchema>;

export const reviewCommentSchema = z
  .object({
    id: z.number().int(),
    reviewId: z.number().int(),
    threadId: z.number().int().describe("The thread's first comment (its own id for a thread)"),
    parentId: z.number().int().nullable(),
    anchor: z.object({ part: z.enum(partKeys), itemId: z.string().nullable() }),
    author: personSchema,
    text: z.string(),
    mentions: z.array(personSchema).describe('The users the text @mentions'),
    forMeeting: z.boolean().describe('A question for the meeting (threads only)'),
    resolvedBy: personSchema.nullable(),
    resolvedAt: z.string().nullable(),
    edited: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReviewComment' });
export type ReviewComment = z.infer<typeof reviewCommentSchema>;

export const commentThreadSchema = reviewCommentSchema.extend({ replies: z.array(reviewCommentSchema) }).meta({ id: 'ReviewCommentThread' });
export type CommentThread = z.infer<typeof commentThreadSchema>;

export const commentThreadListSchema = z.object({ threads: z.array(commentThreadSchema) });
