import { scoreReview, type QualityScore, type ReviewQualityInput } from '../language/index.js';
import type { ReviewDocument } from './review-document.schema.js';
import { fieldInWords } from './field-in-words.js';
import { partKeys, type DocumentParts } from './review-part.js';
import { reviewParts } from './review-parts.js';

/**
 * Every free-text field of a review, named the way the UI and the API name them
 * (`summary`, `questions.went_well`, `factors.12.title`, `timeline.40.text`, ...), so a
 * finding can be shown next to the field it came from. Each review part names its own.
 */
export function reviewTexts(doc: DocumentParts): Array<{ field: string; text: string; label: string }> {
  const texts = partKeys.flatMap((key) => reviewParts[key].texts(doc));
  return texts.filter((t): t is { field: string; text: string } => Boolean(t.text?.trim())).map((t) => ({ ...t, label: fieldInWords(t.field, doc) }));
}

/** The people whose names may appear in the review: the incident's and the review's roles. */
export const reviewPeople = (doc: ReviewDocument): string[] =>
  [doc.incident.commander, ...doc.incident.responders, doc.review.owner, doc.review.facilitator, doc.review.scribe].flatMap((person) => (person ? [person.name] : []));

export function reviewQualityInput(doc: ReviewDocument): ReviewQualityInput {
  return {
    sections: doc.completeness.sections.map(({ key, label, filled }) => ({ key, label, filled })),
    texts: reviewTexts(doc),
    people: reviewPeople(doc),
    actionItems: doc.actionItems.map((a) => ({ id: a.id, title: a.title, description: a.description, owner: a.owner?.name ?? null, dueDate: a.dueDate, factorIds: a.factorIds, status: a.status })),
    contributors: doc.factors.filter((f) => f.kind === 'contributor').map((f) => ({ id: f.id, title: f.title, acceptedRisk: f.acceptedRisk })),
  };
}

/** F9: the review's quality score with its reasons. Pure: the editor runs it as the user types. */
export const reviewQuality = (doc: ReviewDocument): QualityScore => scoreReview(reviewQualityInput(doc));
