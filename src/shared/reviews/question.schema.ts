import { z } from 'zod';
import { storedIntParam, storedInt } from '../common.schema.js';
import { questionKeys } from './review-questions.js';

export const questionKeySchema = z.enum(questionKeys);

/** Every key question of a review, answered or not; only answered ones are stored. */
export const questionSchema = z.object({
  key: questionKeySchema,
  label: z.string(),
  hint: z.string(),
  answer: z.string().nullable(),
  version: z.number().int().nullable().describe('Null while unanswered; send it back when changing the answer'),
  updatedAt: z.string().nullable(),
});
export type Question = z.infer<typeof questionSchema>;

export const questionListSchema = z.object({ items: z.array(questionSchema) });

export const answerSchema = z
  .object({
    answer: z.string().trim().max(20_000).describe('A blank answer removes the stored one'),
    version: storedInt.optional().describe('The version you read; omit only when the question was unanswered'),
  })
  .strict();
export type AnswerInput = z.output<typeof answerSchema>;

export const questionKeyParam = z.object({
  id: storedIntParam,
  key: z.string().min(1).max(60).describe(`One of: ${questionKeys.join(', ')}`),
});
