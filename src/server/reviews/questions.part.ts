import type { DocumentPart } from './document-part.js';
import { answersFingerprint } from './questions.repo.js';
import { readQuestionsOfReview } from './questions.service.js';

export const questionsDocumentPart: DocumentPart<'questions'> = {
  load: (ctx, review) => readQuestionsOfReview(ctx.db, review.id),
  fingerprint: answersFingerprint,
};
