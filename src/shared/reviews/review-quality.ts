import { scoreReview, type QualityScore, type ReviewQualityInput } from '../language/index.js';
import type { ReviewDocument } from './review-document.schema.js';

/**
 * Every free-text field of a review, named the way the UI and the API name them
 * (`summary`, `questions.went_well`, `factors.12.title`, `timeline.40.text`, ...), so a
 * finding can be shown next to the field it came from.
 */
export function reviewTexts(doc: ReviewDocument): Array<{ field: string; text: string }> {
  const { review } = doc;
  const texts: Array<{ field: string; text: string | null }> = [
    { field: 'summary', text: review.summary },
    { field: 'impact', text: review.impact },
    { field: 'learnings', text: review.learnings },
    { field: 'incident.customerImpact', text: doc.incident.customerImpact },
    ...doc.questions.map((q) => ({ field: `questions.${q.key}`, text: q.answer })),
    ...doc.factors.flatMap((f) => [
      { field: `factors.${f.id}.title`, text: f.title },
      { field: `factors.${f.id}.description`, text: f.description },
    ]),
    ...doc.whys.flatMap((w) => [
      { field: `whys.${w.id}.title`, text: w.title },
      ...w.steps.flatMap((step, i) => [
        { field: `whys.${w.id}.steps.${i}.why`, text: step.why },
        { field: `whys.${w.id}.steps.${i}.because`, text: step.because },
      ]),
      { field: `whys.${w.id}.systemicCause`, text: w.systemicCause },
    ]),
    ...doc.actionItems.flatMap((a) => [
      { field: `actionItems.${a.id}.title`, text: a.title },
      { field: `actionItems.${a.id}.description`, text: a.description },
    ]),
    ...doc.timeline.map((e) => ({ field: `timeline.${e.id}.text`, text: e.text })),
  ];
  return texts.filter((t): t is { field: string; text: string } => Boolean(t.text?.trim()));
}

/** The people whose names may appear in the review: the incident's and the review's roles. */
export const reviewPeople = (doc: ReviewDocument): string[] =>
  [doc.incident.commander, ...doc.incident.responders, doc.review.owner, doc.review.facilitator, doc.review.scribe].filter(
    (name): name is string => Boolean(name),
  );

export function reviewQualityInput(doc: ReviewDocument): ReviewQualityInput {
  return {
    sections: doc.completeness.sections.map(({ key, label, filled }) => ({ key, label, filled })),
    texts: reviewTexts(doc),
    people: reviewPeople(doc),
    actionItems: doc.actionItems.map((a) => ({ id: a.id, title: a.title, description: a.description, owner: a.owner, dueDate: a.dueDate, factorIds: a.factorIds, status: a.status })),
    contributors: doc.factors.filter((f) => f.kind === 'contributor').map((f) => ({ id: f.id, title: f.title, acceptedRisk: f.acceptedRisk })),
  };
}

/** F9: the review's quality score with its reasons. Pure: the editor runs it as the user types. */
export const reviewQuality = (doc: ReviewDocument): QualityScore => scoreReview(reviewQualityInput(doc));
