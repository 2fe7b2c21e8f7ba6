import { sql, type Expression } from 'kysely';
import type { Executor } from '../context.js';
import { recordPartKeys } from '../reviews/document-part.js';
import { documentParts } from './document-parts.js';

/**
 * A summary of everything the review document shows, in one statement, so an unchanged document
 * can be served from cache: the review's and the incident's versions and access, and each part's
 * own summary (reviews/document-part.ts), in the registry's order.
 */
export interface DocumentFingerprint {
  incident_id: number;
  review_version: number;
  state: string;
  due_at_ms: number | null;
  incident_version: number;
  restricted: number;
  parts: string;
}

export async function documentFingerprint(db: Executor, reviewId: number): Promise<DocumentFingerprint | undefined> {
  return db
    .selectFrom('reviews as r')
    .innerJoin('incidents as i', 'i.id', 'r.incident_id')
    .select((eb) => {
      const parts: Array<Expression<string>> = recordPartKeys.map((key) => documentParts[key].fingerprint(eb));
      return [
        'r.incident_id',
        'r.version as review_version',
        'r.state',
        'r.due_at_ms',
        'i.version as incident_version',
        'i.restricted',
        sql<string>`r.updated_at || '/' || i.updated_at || '/' || ${sql.join(parts, sql`|| '/' ||`)}`.as('parts'),
      ];
    })
    .where('r.id', '=', reviewId)
    .executeTakeFirst();
}
