import type { DocumentPart } from '../reviews/document-part.js';
import { whysFingerprint } from './whys.repo.js';
import { readWhysOfReview } from './whys.service.js';

export const whysDocumentPart: DocumentPart<'whys'> = {
  load: (ctx, review) => readWhysOfReview(ctx.db, review.id),
  fingerprint: whysFingerprint,
};
