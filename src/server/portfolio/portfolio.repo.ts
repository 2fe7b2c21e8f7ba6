import type { Expression, SqlBool } from 'kysely';
import type { Executor } from '../context.js';

/** The improvement portfolio's statements: items and incidents `visible` allows, filtered in each query. */

const CHUNK = 500;
const chunks = <T>(values: T[]) => Array.from({ length: Math.ceil(values.length / CHUNK) }, (_, k) => values.slice(k * CHUNK, (k + 1) * CHUNK));

const itemsWithIncidents = (db: Executor, visible: Expression<SqlBool>) =>
  db
    .selectFrom('action_items')
    .innerJoin('reviews', 'reviews.id', 'action_items.review_id')
    .innerJoin('incidents', 'incidents.id', 'reviews.incident_id')
    .select([
      'action_items.id',
      'action_items.title',
      'action_items.description',
      'action_items.status',
      'action_items.owner',
      'action_items.owner_user_id',
      'action_items.due_date',
      'action_items.created_at',
      'action_items.updated_at',
      'reviews.id as review_id',
      'incidents.id as incident_id',
      'incidents.title as incident_title',
      'incidents.severity',
      'incidents.user_facing',
    ])
    .where(visible);

/** The most recent open items (neither done nor declined). */
export const openItems = (db: Executor, visible: Expression<SqlBool>, closed: readonly string[], limit: number) =>
  itemsWithIncidents(db, visible).where('action_items.status', 'not in', closed).orderBy('action_items.id', 'desc').limit(limit).execute();

/** The most recently changed done items. */
export const doneItems = (db: Executor, visible: Expression<SqlBool>, limit: number) =>
  itemsWithIncidents(db, visible).where('action_items.status', '=', 'done').orderBy('action_items.updated_at', 'desc').orderBy('action_items.id', 'desc').limit(limit).execute();

/** The categories of the factors each item addresses. */
export async function categoriesOfItems(db: Executor, itemIds: number[]): Promise<Array<{ action_item_id: number; category: string }>> {
  const rows = await Promise.all(
    chunks(itemIds).map((ids) =>
      db
        .selectFrom('action_item_factors')
        .innerJoin('review_factors', 'review_factors.id', 'action_item_factors.factor_id')
        .select(['action_item_factors.action_item_id', 'review_factors.category'])
        .where('action_item_factors.action_item_id', 'in', ids)
        .where('review_factors.category', 'is not', null)
        .execute(),
    ),
  );
  return rows.flat().map((row) => ({ action_item_id: row.action_item_id, category: row.category! }));
}

/** The audit entries of the items' changes, oldest first: when each became done. */
export async function statusHistory(db: Executor, itemIds: number[]) {
  const rows = await Promise.all(
    chunks(itemIds).map((ids) =>
      db
        .selectFrom('audit_log')
        .select(['entity_id', 'at', 'before', 'after'])
        .where('entity_type', '=', 'action_item')
        .where('entity_id', 'in', ids.map(String))
        .orderBy('id')
        .execute(),
    ),
  );
  return rows.flat();
}
