import { sql, type Expression } from 'kysely';
import type { Executor } from '../context.js';

/**
 * A summary of everything the review document shows, in one statement, so an unchanged document
 * can be served from cache. Each part is `count:sum(id):sum(version)`: ids are never reused and
 * versions only grow, so any insert, delete or edit changes it. Link tables need no summary: they
 * change only with their owner's version, or when a linked factor or timeline entry goes.
 *
 * Reads the timeline's tables directly (the one place outside timeline/ that does): a summary that
 * the timeline service would offer, were it to export one. Timeline comments are append-only.
 */
const summary = sql<string>`count(*) || ':' || coalesce(sum(id), 0) || ':' || coalesce(sum(version), 0)`;

export interface DocumentFingerprint {
  incident_id: number;
  review_version: number;
  state: string;
  due_at_ms: number | null;
  incident_version: number;
  parts: string;
}

export async function documentFingerprint(db: Executor, reviewId: number): Promise<DocumentFingerprint | undefined> {
  const row = await db
    .selectFrom('reviews as r')
    .innerJoin('incidents as i', 'i.id', 'r.incident_id')
    .select((eb) => {
      const ofReview = (table: 'review_factors' | 'review_whys' | 'review_answers' | 'action_items') =>
        eb.selectFrom(table).select(summary.as('s')).whereRef(`${table}.review_id`, '=', 'r.id');
      const parts: Array<Expression<unknown>> = [
        eb.selectFrom('timeline_entries').select(summary.as('s')).whereRef('timeline_entries.incident_id', '=', 'r.incident_id'),
        eb
          .selectFrom('timeline_comments as c')
          .innerJoin('timeline_entries as e', 'e.id', 'c.entry_id')
          .select(sql<string>`count(*) || ':' || coalesce(sum(c.id), 0)`.as('s'))
          .whereRef('e.incident_id', '=', 'r.incident_id'),
        ofReview('review_factors'),
        ofReview('review_whys'),
        ofReview('review_answers'),
        ofReview('action_items'),
      ];
      return [
        'r.incident_id',
        'r.version as review_version',
        'r.state',
        'r.due_at_ms',
        'i.version as incident_version',
        sql<string>`${sql.join(parts, sql`|| '/' ||`)}`.as('parts'),
      ];
    })
    .where('r.id', '=', reviewId)
    .executeTakeFirst();
  return row;
}
