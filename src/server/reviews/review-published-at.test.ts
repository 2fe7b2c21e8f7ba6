import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds } from '../../../test/support/databases.js';
import { migrateToLatest } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';

describe.each(databaseKinds)('a review’s publication time on %s', (kind) => {
  it('is taken, for reviews published before it was stored, from their last transition, else their last change', async () => {
    const database = await createTestDatabase(kind, { migrate: false });
    const db = database.handle.db;
    try {
      const before = Object.keys(migrations).filter((name) => name < '2026-12-03-0033-review-published-at');
      await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(before.at(-1)!);
      const reviewOf = async (state: string, updatedAt: string) => {
        const incident = await db
          .insertInto('incidents')
          .values({
            title: 'Old', severity: 'sev2', user_facing: 0, services: '[]', labels: '[]', commander: null, responders: '[]', customer_impact: null, status: 'resolved',
            impact_started_at: null, detected_at: null, responded_at: null, mitigated_at: null, resolved_at: null, started_at_ms: 0, created_at: updatedAt, updated_at: updatedAt,
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        const review = await db
          .insertInto('reviews')
          .values({ incident_id: incident.id, owner: null, state, due_at: null, due_at_ms: null, policy_required: 1, policy_reason: 'test', created_at: updatedAt, updated_at: updatedAt } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        return review.id as number;
      };
      const transition = (reviewId: number, iso: string, action = 'review.transition') =>
        db.insertInto('audit_log').values({ at: iso, actor_user_id: null, actor_name: 'Ana', action, entity_type: 'review', entity_id: String(reviewId), incident_id: null, before: null, after: null }).execute();
      const published = await reviewOf('published', '2026-11-20T12:00:00.000Z');
      await transition(published, '2026-11-10T09:00:00.000Z');
      await transition(published, '2026-11-12T15:30:00.250Z');
      await transition(published, '2026-11-19T08:00:00.000Z', 'review.update'); // an edit, not a transition
      const imported = await reviewOf('published', '2026-11-05T10:00:00.000Z');
      const draft = await reviewOf('draft', '2026-11-21T10:00:00.000Z');
      await transition(draft, '2026-11-21T09:00:00.000Z');

      await migrateToLatest(db);
      const rows = await db.selectFrom('reviews').select(['id', 'published_at_ms']).orderBy('id').execute();
      expect(rows.map((row) => [row.id, row.published_at_ms === null ? null : Number(row.published_at_ms)])).toEqual([
        [published, Date.parse('2026-11-12T15:30:00.250Z')],
        [imported, Date.parse('2026-11-05T10:00:00.000Z')],
        [draft, null],
      ]);
    } finally {
      await database.drop();
    }
  });
});
