import type { WhyStep, Whys } from '../../shared/reviews/whys.schema.js';
import { blankToNull } from '../reviews/review.mapper.js';
import { groupLinks } from '../reviews/review-links.js';
import type { WhysFactorLinkRow, WhysRow } from './whys.repo.js';

export const toWhys = (row: WhysRow, factorIds: number[]): Whys => ({
  id: row.id,
  reviewId: row.review_id,
  position: row.position,
  title: row.title,
  steps: JSON.parse(row.steps) as WhyStep[],
  systemicCause: row.systemic_cause,
  factorIds,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function toWhysList(rows: WhysRow[], links: WhysFactorLinkRow[]): Whys[] {
  const byWhys = groupLinks(links, 'whys_id', 'factor_id');
  return rows.map((row) => toWhys(row, byWhys.get(row.id) ?? []));
}

export interface WhysFields {
  title: string;
  steps: WhyStep[];
  systemicCause: string | null;
  position: number;
}

export const toWhysValues = (fields: WhysFields, updatedAt: string) => ({
  title: fields.title,
  steps: JSON.stringify(fields.steps),
  systemic_cause: blankToNull(fields.systemicCause),
  position: fields.position,
  updated_at: updatedAt,
});

export const whysFields = (whys: Whys): WhysFields => ({
  title: whys.title,
  steps: whys.steps,
  systemicCause: whys.systemicCause,
  position: whys.position,
});
