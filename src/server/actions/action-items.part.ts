import type { DocumentPart } from '../reviews/document-part.js';
import { actionItemsFingerprint } from './action-items.repo.js';
import { readActionItemsOfReview, todayIn } from './action-items.service.js';

export const actionItemsDocumentPart: DocumentPart<'actionItems'> = {
  load: (ctx, review) => readActionItemsOfReview(ctx.db, review.id, todayIn(ctx)),
  fingerprint: actionItemsFingerprint,
};
