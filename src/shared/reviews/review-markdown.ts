/**
 * The whole review as Markdown (F16 export, and what GET /api/reviews/:id/markdown serves): a header,
 * then every review part in the template's order. Built as a syntax tree, so what people wrote is
 * escaped and only safe links survive (markdown/mdast.ts). Pure: the document in, text out.
 */
import { heading, renderMarkdown, table, timestamp } from './markdown/mdast.js';
import type { ReviewDocument } from './review-document.schema.js';
import { partsInTemplateOrder, reviewParts } from './review-parts.js';
import { templateSections } from './review-templates.js';
import { reviewStateLabels } from './workflow.js';

function header({ review, incident }: ReviewDocument) {
  const facts = [
    ['Incident', `#${incident.id}, ${incident.severity}${incident.userFacing ? ', user-facing' : ''}, ${incident.status}`],
    ['Services', incident.services.join(', ')],
    ['Review', `${reviewStateLabels[review.state]}${review.dueAt ? `, due ${timestamp(review.dueAt)}` : ''}`],
    ['Owner', review.owner?.name],
    ['Facilitator', review.facilitator?.name],
    ['Scribe', review.scribe?.name],
    ['Commander', incident.commander?.name],
    ['Template', templateSections[review.template].label],
  ];
  return [heading(1, incident.title), table(['', ''], facts)];
}

export function renderReviewMarkdown(doc: ReviewDocument): string {
  const parts = partsInTemplateOrder(doc.review.template).flatMap((key) => reviewParts[key].markdown(doc));
  return renderMarkdown([...header(doc), ...parts]);
}
