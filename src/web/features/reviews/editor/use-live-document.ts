import { useMemo } from 'react';
import type { ActionItem } from '../../../../shared/actions/action-item.schema.js';
import type { Incident } from '../../../../shared/incidents/incident.schema.js';
import type { Completeness } from '../../../../shared/reviews/review-completeness.js';
import type { ReviewDocument } from '../../../../shared/reviews/review-document.schema.js';
import type { Factor } from '../../../../shared/reviews/factor.schema.js';
import type { Question } from '../../../../shared/reviews/question.schema.js';
import type { Review } from '../../../../shared/reviews/review.schema.js';
import type { Whys } from '../../../../shared/reviews/whys.schema.js';
import type { TimelineEntry } from '../../../../shared/timeline/timeline.schema.js';
import type { PeopleSource } from '../../language/language-protocol.js';

interface Parts {
  timeline: TimelineEntry[] | undefined;
  factors: Factor[] | undefined;
  whys: Whys[] | undefined;
  questions: Question[] | undefined;
  actionItems: ActionItem[] | undefined;
}

/**
 * The review document as the editor's caches hold it now (the same shape as GET
 * /api/reviews/:id/document), so the quality score follows every saved edit. Null until every
 * part is loaded: a score over half a review would mislead.
 */
export function useLiveReviewDocument(review: Review, incident: Incident, parts: Parts, completeness: Completeness): ReviewDocument | null {
  const { timeline, factors, whys, questions, actionItems } = parts;
  return useMemo(() => {
    if (!timeline || !factors || !whys || !questions || !actionItems) return null;
    return { review, incident, timeline: timeline.filter((e) => !e.deleted), metrics: [], factors, whys, questions, actionItems, completeness };
  }, [review, incident, timeline, factors, whys, questions, actionItems, completeness]);
}

/** Whose names the language checker should recognise as people: what `reviewPeople(doc)` reads. */
export function usePeopleSource(review: Review, incident: Incident): PeopleSource {
  const { commander, responders } = incident;
  const { owner, facilitator, scribe } = review;
  return useMemo(() => ({ incident: { commander, responders }, review: { owner, facilitator, scribe } }), [commander, responders, owner, facilitator, scribe]);
}
