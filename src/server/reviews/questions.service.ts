import { AppError } from '../../shared/errors.js';
import type { AnswerInput, Question } from '../../shared/reviews/question.schema.js';
import { isQuestionKey, reviewQuestions, type QuestionDefinition, type QuestionKey } from '../../shared/reviews/review-questions.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import type { AppContext, Executor } from '../context.js';
import { versionConflict } from '../http/version-conflict.js';
import * as repo from './questions.repo.js';
import { editReview, type PartChange } from './review-edits.js';
import { getReview } from './reviews.service.js';

const toQuestion = (definition: QuestionDefinition, row: repo.AnswerRow | undefined): Question => ({
  key: definition.key,
  label: definition.label,
  hint: definition.hint,
  answer: row?.answer ?? null,
  version: row?.version ?? null,
  updatedAt: row?.updated_at ?? null,
});

/** Every key question, in the catalogue's order, with its answer or null. */
export async function readQuestionsOfReview(db: Executor, reviewId: number): Promise<Question[]> {
  const rows = await repo.listAnswers(db, reviewId);
  return reviewQuestions.map((definition) => toQuestion(definition, rows.find((row) => row.question_key === definition.key)));
}

export async function listQuestions(ctx: AppContext, reviewId: number): Promise<Question[]> {
  const review = await getReview(ctx, reviewId);
  return readQuestionsOfReview(ctx.db, review.id);
}

function definitionOf(key: string): QuestionDefinition {
  const definition = isQuestionKey(key) ? reviewQuestions.find((q) => q.key === key) : undefined;
  if (!definition) throw new AppError('not_found', `Question ${key} not found; the questions are ${reviewQuestions.map((q) => q.key).join(', ')}`);
  return definition;
}

async function readQuestion(db: Executor, reviewId: number, definition: QuestionDefinition): Promise<Question> {
  return toQuestion(definition, await repo.findAnswer(db, reviewId, definition.key));
}

const conflict = (reviewId: number, key: QuestionKey, current: Question, version: number | undefined) =>
  versionConflict(`The answer to ${key} on review ${reviewId}`, current, version);

/**
 * Sets (or, when blank, removes) the answer. The first answer is sent without a version; every
 * later change carries the version read, so two people answering at once never overwrite each
 * other. A blank first answer changes nothing and records nothing.
 */
export async function answerQuestion(ctx: AppContext, reviewId: number, key: string, input: AnswerInput): Promise<Question> {
  const definition = definitionOf(key);
  const answer = input.answer.trim();
  return editReview(ctx, reviewId, async (trx, review) => {
    const current = await readQuestion(trx, review.id, definition);
    if (current.version !== (input.version ?? null)) throw conflict(review.id, definition.key, current, input.version);
    if (current.version === null && answer === '') return { result: current, change: null };
    const nowIso = ctx.now().toISOString();
    let done: boolean;
    if (current.version === null) {
      done = await repo.insertAnswer(trx, { review_id: review.id, question_key: definition.key, answer, created_at: nowIso, updated_at: nowIso });
    } else if (answer === '') {
      done = await repo.deleteAnswer(trx, review.id, definition.key, current.version);
    } else if (answer === current.answer) {
      return { result: current, change: null };
    } else {
      done = await repo.updateAnswer(trx, review.id, definition.key, current.version, { answer, updated_at: nowIso });
    }
    if (!done) throw conflict(review.id, definition.key, await readQuestion(trx, review.id, definition), input.version);
    const after = await readQuestion(trx, review.id, definition);
    return { result: after, change: answerChange(review, current, after) };
  });
}

export async function deleteAnswer(ctx: AppContext, reviewId: number, key: string, version: number): Promise<void> {
  const definition = definitionOf(key);
  await editReview(ctx, reviewId, async (trx, review) => {
    const current = await readQuestion(trx, review.id, definition);
    if (current.version === null) throw new AppError('not_found', `Question ${key} of review ${review.id} has no answer`);
    if (current.version !== version || !(await repo.deleteAnswer(trx, review.id, definition.key, version))) {
      throw conflict(review.id, definition.key, await readQuestion(trx, review.id, definition), version);
    }
    return { result: undefined, change: answerChange(review, current, await readQuestion(trx, review.id, definition)) };
  });
}

function answerChange(review: Review, before: Question, after: Question): PartChange {
  const change = before.answer === null ? 'created' : after.answer === null ? 'deleted' : 'updated';
  return {
    event: { type: 'answer.changed', incidentId: review.incidentId, reviewId: review.id, questionKey: after.key, change },
    audit: {
      action: 'review.answer',
      entityType: 'review_answer',
      entityId: `${review.id}:${after.key}`,
      before: before.answer === null ? null : before,
      after: after.answer === null ? null : after,
    },
  };
}
