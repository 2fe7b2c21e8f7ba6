import type { DocumentPart } from '../reviews/document-part.js';
import { factorsFingerprint } from './factors.repo.js';
import { readFactorsOfReview } from './factors.service.js';

export const factorsDocumentPart: DocumentPart<'factors'> = {
  load: (ctx, review) => readFactorsOfReview(ctx.db, review.id),
  fingerprint: factorsFingerprint,
};
