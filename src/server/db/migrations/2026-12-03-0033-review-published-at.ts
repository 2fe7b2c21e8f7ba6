import { sql, type Kysely } from 'kysely';
import { dialectOf, epochMsOfIso, epochMsType } from '../dialect.js';

/**
 * When a review was published, stored by the transition that publishes it (reviews.repo.ts), so
 * the knowledge base and the trends' review deadlines read a column instead of searching the audit
 * log once per review. Existing published reviews take their last workflow transition from the audit
 * log or, imported as published, their last change: what those readers computed until now.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  await db.schema.alterTable('reviews').addColumn('published_at_ms', epochMsType).execute();
  await sql`update reviews set published_at_ms = coalesce(
      (select max(${epochMsOfIso(dialect, 'audit_log.at')}) from audit_log
        where audit_log.entity_type = 'review' and audit_log.entity_id = cast(reviews.id as text) and audit_log.action = 'review.transition'),
      ${epochMsOfIso(dialect, 'reviews.updated_at')})
    where state = 'published'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reviews').dropColumn('published_at_ms').execute();
}
