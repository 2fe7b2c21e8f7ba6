import type { DocumentPart } from '../reviews/document-part.js';
import { toTimelineEntryWithCount } from './timeline.mapper.js';
import * as repo from './timeline.repo.js';

/** The incident's timeline, in time order, without deleted entries. */
export const timelineDocumentPart: DocumentPart<'timeline'> = {
  load: async (ctx, _review, incident) => (await repo.listEntries(ctx.db, incident.id, false)).map(toTimelineEntryWithCount),
  fingerprint: repo.timelineFingerprint,
};
