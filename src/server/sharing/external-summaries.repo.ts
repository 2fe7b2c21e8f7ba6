import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../context.js';
import type { ExternalSummariesTable } from '../db/schema.js';

export type ExternalSummaryRow = Selectable<ExternalSummariesTable>;

export const insertSummary = (db: Executor, values: Insertable<ExternalSummariesTable>): Promise<ExternalSummaryRow> =>
  db.insertInto('external_summaries').values(values).returningAll().executeTakeFirstOrThrow();

export const listReviewSummaries = (db: Executor, reviewId: number): Promise<ExternalSummaryRow[]> =>
  db.selectFrom('external_summaries').selectAll().where('review_id', '=', reviewId).orderBy('id', 'desc').execute();

export const findReviewSummary = (db: Executor, reviewId: number, id: number): Promise<ExternalSummaryRow | undefined> =>
  db.selectFrom('external_summaries').selectAll().where('review_id', '=', reviewId).where('id', '=', id).executeTakeFirst();

export const findSummaryByTokenHash = (db: Executor, tokenHash: string): Promise<ExternalSummaryRow | undefined> =>
  db.selectFrom('external_summaries').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

/** Revokes once: undefined when it was already revoked. */
export const revokeSummary = (db: Executor, id: number, revokedAt: string): Promise<ExternalSummaryRow | undefined> =>
  db.updateTable('external_summaries').set({ revoked_at: revokedAt }).where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst();
