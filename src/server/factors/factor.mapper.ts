import type { Factor, FactorCreate } from '../../shared/reviews/factor.schema.js';
import { blankToNull } from '../reviews/review.mapper.js';
import { groupLinks } from '../reviews/review-links.js';
import type { FactorRow, FactorValues, TimelineLinkRow } from './factors.repo.js';

export const toFactor = (row: FactorRow, timelineEntryIds: number[]): Factor => ({
  id: row.id,
  reviewId: row.review_id,
  kind: row.kind as Factor['kind'],
  title: row.title,
  description: row.description,
  category: row.category,
  tags: JSON.parse(row.tags) as string[],
  acceptedRisk: row.accepted_risk === 1,
  timelineEntryIds,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Factors with their timeline links, from two queries' rows. */
export function toFactors(rows: FactorRow[], links: TimelineLinkRow[]): Factor[] {
  const byFactor = groupLinks(links, 'factor_id', 'timeline_entry_id');
  return rows.map((row) => toFactor(row, byFactor.get(row.id) ?? []));
}

export type FactorFields = Omit<FactorCreate, 'timelineEntryIds'>;

export const toFactorValues = (fields: FactorFields, updatedAt: string): Omit<FactorValues, 'review_id' | 'created_at'> => ({
  kind: fields.kind,
  title: fields.title,
  description: blankToNull(fields.description),
  category: fields.category,
  tags: JSON.stringify([...new Set(fields.tags)]),
  accepted_risk: fields.acceptedRisk ? 1 : 0,
  updated_at: updatedAt,
});

export const factorFields = (factor: Factor): FactorFields => ({
  kind: factor.kind,
  title: factor.title,
  description: factor.description,
  category: factor.category,
  tags: factor.tags,
  acceptedRisk: factor.acceptedRisk,
});
