import { actionItemsDocumentPart } from '../actions/action-items.part.js';
import { factorsDocumentPart } from '../factors/factors.part.js';
import type { DocumentPart, RecordPartKey } from '../reviews/document-part.js';
import { questionsDocumentPart } from '../reviews/questions.part.js';
import { timelineDocumentPart } from '../timeline/timeline.part.js';
import { whysDocumentPart } from '../whys/whys.part.js';

/** The server's registry of review parts with records: one line per part (see reviews/document-part.ts). */
export const documentParts: { readonly [K in RecordPartKey]: DocumentPart<K> } = {
  timeline: timelineDocumentPart,
  factors: factorsDocumentPart,
  whys: whysDocumentPart,
  questions: questionsDocumentPart,
  actionItems: actionItemsDocumentPart,
};
