import type { Incident } from '../../../shared/incidents/incident.schema.js';
import type { LanguageFinding, QualityScore } from '../../../shared/language/index.js';
import type { ReviewDocument } from '../../../shared/reviews/review-document.schema.js';
import type { Review } from '../../../shared/reviews/review.schema.js';

/**
 * Messages between the editor and the language worker. Only types here: the checker itself
 * (and `compromise`, which it needs) lives in the worker's bundle, never in the page's.
 */

/** What `reviewPeople(doc)` reads: the incident's commander and responders, the review's roles. */
export interface PeopleSource {
  incident: Pick<Incident, 'commander' | 'responders'>;
  review: Pick<Review, 'owner' | 'facilitator' | 'scribe'>;
}

export type LanguageRequest =
  | { id: number; kind: 'warmup' }
  | { id: number; kind: 'check'; text: string; people: PeopleSource | null }
  | { id: number; kind: 'quality'; doc: ReviewDocument };

export type LanguageResponse =
  | { id: number; ok: true; kind: 'warmup' }
  | { id: number; ok: true; kind: 'check'; findings: LanguageFinding[] }
  | { id: number; ok: true; kind: 'quality'; quality: QualityScore }
  | { id: number; ok: false; error: string };
