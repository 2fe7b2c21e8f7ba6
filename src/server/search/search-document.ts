import type { Insertable } from 'kysely';
import type { ReviewDocument } from '../../shared/reviews/review-document.schema.js';
import type { SearchDocumentsTable, SearchFacetsTable } from '../db/schema.js';
import { startedAtMs } from '../incidents/incident.mapper.js';

export type FacetKind = 'service' | 'label' | 'category' | 'contributor_category' | 'tag';

export interface IndexedReview {
  row: Insertable<SearchDocumentsTable>;
  facets: Array<Insertable<SearchFacetsTable>>;
}

/** Control characters would confuse the snippets' highlight marks (and mean nothing to a reader). */
// eslint-disable-next-line no-control-regex
const clean = (text: string | null | undefined): string => (text ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ').trim();
const lines = (texts: Array<string | null | undefined>): string => texts.map(clean).filter(Boolean).join('\n');

/** What the index holds of a review: every part's text by field, and the values it can be filtered by. */
export function indexedReviewOf(document: ReviewDocument, nowMs: number): IndexedReview {
  const { review, incident } = document;
  const row: Insertable<SearchDocumentsTable> = {
    review_id: review.id,
    incident_id: incident.id,
    severity: incident.severity,
    state: review.state,
    owner_user_id: review.owner?.userId ?? null,
    owner_name: review.owner?.name.toLowerCase() ?? null,
    started_at_ms: startedAtMs(incident, incident.createdAt),
    indexed_at_ms: nowMs,
    title: clean(incident.title),
    summary: clean(review.summary),
    impact: lines([review.impact, incident.customerImpact]),
    factors: lines(document.factors.flatMap((factor) => [factor.title, factor.description])),
    whys: lines(document.whys.flatMap((whys) => [whys.title, ...whys.steps.flatMap((step) => [step.why, step.because]), whys.systemicCause])),
    learnings: clean(review.learnings),
    timeline: lines(document.timeline.map((entry) => entry.text)),
    answers: lines(document.questions.map((question) => question.answer)),
    action_items: lines(document.actionItems.flatMap((item) => [item.title, item.description])),
  };
  const facets = new Map<string, Insertable<SearchFacetsTable>>();
  const add = (kind: FacetKind, value: string | null) => {
    const normalised = value?.trim().toLowerCase();
    if (normalised) facets.set(`${kind}:${normalised}`, { review_id: review.id, kind, value: normalised, incident_id: incident.id, started_at_ms: row.started_at_ms });
  };
  incident.services.forEach((service) => add('service', service));
  incident.labels.forEach((label) => add('label', label));
  for (const factor of document.factors) {
    add('category', factor.category);
    if (factor.kind === 'contributor') add('contributor_category', factor.category);
    factor.tags.forEach((tag) => add('tag', tag));
  }
  return { row, facets: [...facets.values()] };
}
