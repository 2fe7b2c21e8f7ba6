import type { ActionItem } from '../../src/shared/actions/action-item.schema.js';
import type { Incident } from '../../src/shared/incidents/incident.schema.js';
import type { Factor, FactorKind } from '../../src/shared/reviews/factor.schema.js';
import { computeCompleteness } from '../../src/shared/reviews/review-completeness.js';
import type { ReviewDocument } from '../../src/shared/reviews/review-document.schema.js';
import { computeMetrics } from '../../src/shared/reviews/review-metrics.js';
import type { DocumentParts } from '../../src/shared/reviews/review-part.js';
import { reviewQuestions, type QuestionKey } from '../../src/shared/reviews/review-questions.js';
import type { Review } from '../../src/shared/reviews/review.schema.js';
import type { TimelineEntry } from '../../src/shared/timeline/timeline.schema.js';

/** Review documents built in memory, for tests of the pure rules that read them. */
export const meta = { version: 1, createdAt: '2026-03-10T10:00:00.000Z', updatedAt: '2026-03-10T10:00:00.000Z' };

export const person = (name: string, userId: number | null = null) => ({ userId, name });

export const incident: Incident = {
  id: 7, title: 'Search returns nothing', severity: 'sev2', userFacing: true, services: ['search'], labels: [],
  commander: person('Sara Lind'), responders: [], customerImpact: null, status: 'resolved',
  impactStartedAt: null, detectedAt: '2026-03-10T09:20:00Z', respondedAt: '2026-03-10T09:10:00Z', mitigatedAt: null, resolvedAt: '2026-03-10T11:00:00Z',
  restricted: false, review: null, ...meta,
};

export const review: Review = {
  id: 3, incidentId: 7, incidentTitle: 'Checkout errors', incidentSeverity: 'sev2', qualityScore: null, owner: person('Sara Lind'), state: 'draft', dueAt: null,
  overdue: false, policy: { required: true, reason: 'sev2' }, requestedBy: null, facilitator: null, scribe: null, template: 'sources',
  summary: null, impact: null, learnings: null, ...meta,
};

export const entry = (id: number, occurredAt: string, text: string): TimelineEntry => ({
  id, incidentId: 7, occurredAt, kind: 'action', text, author: person('Ana'), source: 'manual', keyTimestamp: null, precision: 'minute', provenance: null, commentCount: 0, deleted: false, ...meta,
});

export const factor = (id: number, kind: FactorKind, title: string, extra: Partial<Factor> = {}): Factor => ({
  id, reviewId: 3, kind, title, description: null, category: null, tags: [], acceptedRisk: false, timelineEntryIds: [], ...meta, ...extra,
});

export const actionItem = (id: number, title: string, extra: Partial<ActionItem> = {}): ActionItem => ({
  id, reviewId: 3, incidentId: 7, incidentTitle: incident.title, title, description: null, owner: null, dueDate: null, priority: null, class: null,
  kind: 'corrective-action', factorIds: [], secondOrderEffects: null, status: 'proposed', declineReason: null, externalUrl: null, overdue: false,
  soakUntil: null, soakEndedAt: null, decidedAt: null, ...meta, ...extra,
});

/** The parts of a review; questions answered as `answers` says. */
export function partsOf(parts: Partial<Omit<DocumentParts, 'questions'>> & { answers?: Partial<Record<QuestionKey, string>> } = {}): DocumentParts {
  const { answers = {}, ...rest } = parts;
  return {
    review, incident, timeline: [], factors: [], whys: [], actionItems: [],
    questions: reviewQuestions.map((q) => ({ ...q, answer: answers[q.key] ?? null, version: answers[q.key] ? 1 : null, updatedAt: null })),
    ...rest,
  };
}

/** A whole document, with its metrics and completeness computed as the server does. */
export function documentOf(parts: Parameters<typeof partsOf>[0] = {}): ReviewDocument {
  const built = partsOf(parts);
  return { ...built, metrics: computeMetrics(built.incident, built.timeline), completeness: computeCompleteness(built) };
}
