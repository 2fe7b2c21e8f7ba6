import { sql, type Expression, type ExpressionBuilder, type Insertable, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { ActionItemListQuery } from '../../shared/actions/action-item.schema.js';
import { closedActionItemStatuses } from '../../shared/actions/action-item.schema.js';
import type { Executor } from '../context.js';
import { versionedRowsSummary } from '../db/fingerprint.js';
import type { ActionItemsTable, Database } from '../db/schema.js';
import type { OwnerFilter } from '../people/person.mapper.js';

export type ActionItemRow = Selectable<ActionItemsTable> & { incident_id: number; incident_title: string };
export type ActionItemValues = Omit<Insertable<ActionItemsTable>, 'id' | 'version'>;
export interface ActionFactorLinkRow {
  action_item_id: number;
  factor_id: number;
}

/** Items with the review's incident id and title, so any list can say where an item came from. */
const selectItems = (db: Executor) =>
  db
    .selectFrom('action_items')
    .innerJoin('reviews', 'reviews.id', 'action_items.review_id')
    .innerJoin('incidents', 'incidents.id', 'reviews.incident_id')
    .selectAll('action_items')
    .select(['reviews.incident_id as incident_id', 'incidents.title as incident_title']);

export async function insertItem(db: Executor, values: ActionItemValues): Promise<number> {
  const { id } = await db.insertInto('action_items').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export const findItem = (db: Executor, id: number): Promise<ActionItemRow | undefined> =>
  selectItems(db).where('action_items.id', '=', id).executeTakeFirst();

export const listItemsOfReview = (db: Executor, reviewId: number): Promise<ActionItemRow[]> =>
  selectItems(db).where('action_items.review_id', '=', reviewId).orderBy('action_items.id', 'asc').execute();

const closed = [...closedActionItemStatuses];

/**
 * Where an item sorts in the cross-review list, as one number: overdue items first (earliest due
 * first), then the others by due date, then the undated ones. A YYYY-MM-DD date read as 20261208.
 */
const dueRank = (today: string) => {
  const day = sql<number>`cast(replace(action_items.due_date, '-', '') as integer)`;
  return sql<number>`(case when action_items.due_date is null then 200000000
    when action_items.due_date < ${today} and action_items.status not in (${sql.join(closed)}) then ${day}
    else 100000000 + ${day} end)`;
};

export interface ActionItemCursor {
  rank: number;
  id: number;
}

/** Across reviews: overdue first, then by due date, undated last; `today` is YYYY-MM-DD in the configured time zone. */
export function listItems(
  db: Executor,
  query: Omit<ActionItemListQuery, 'owner'> & { owner?: OwnerFilter | undefined },
  visible: Expression<SqlBool>,
  today: string,
  after: ActionItemCursor | null,
): Promise<Array<ActionItemRow & { due_rank: number | string }>> {
  const rank = dueRank(today);
  let select = selectItems(db).where(visible);
  if (query.owner) {
    const { owner } = query;
    select = 'userId' in owner ? select.where('action_items.owner_user_id', '=', owner.userId) : select.where(sql<string>`lower(action_items.owner)`, '=', owner.name.toLowerCase());
  }
  if (query.status?.length) select = select.where('action_items.status', 'in', query.status);
  if (query.reviewId) select = select.where('action_items.review_id', '=', query.reviewId);
  if (query.updatedSince) select = select.where('action_items.updated_at', '>=', new Date(query.updatedSince).toISOString());
  if (query.overdue === true) {
    select = select.where('action_items.due_date', '<', today).where('action_items.status', 'not in', closed);
  } else if (query.overdue === false) {
    select = select.where((eb) =>
      eb.or([eb('action_items.due_date', 'is', null), eb('action_items.due_date', '>=', today), eb('action_items.status', 'in', closed)]),
    );
  }
  if (after) select = select.where((eb) => eb.or([eb(rank, '>', after.rank), eb.and([eb(rank, '=', after.rank), eb('action_items.id', '>', after.id)])]));
  return select.select(rank.as('due_rank')).orderBy(rank).orderBy('action_items.id').limit(query.limit + 1).execute();
}

/** Factor links of the given items, or of every item of a review, in one query. */
export function listFactorLinks(db: Executor, of: { itemIds: number[] } | { reviewId: number }): Promise<ActionFactorLinkRow[]> {
  const select = db.selectFrom('action_item_factors').select(['action_item_id', 'factor_id']);
  if ('itemIds' in of && of.itemIds.length === 0) return Promise.resolve([]);
  const scoped =
    'itemIds' in of
      ? select.where('action_item_id', 'in', of.itemIds)
      : select.where('action_item_id', 'in', (eb) => eb.selectFrom('action_items').select('id').where('review_id', '=', of.reviewId));
  return scoped.orderBy('action_item_id').orderBy('factor_id').execute();
}

export async function replaceFactorLinks(db: Executor, itemId: number, factorIds: number[]): Promise<void> {
  await db.deleteFrom('action_item_factors').where('action_item_id', '=', itemId).execute();
  const rows = [...new Set(factorIds)].map((factor_id) => ({ action_item_id: itemId, factor_id }));
  if (rows.length > 0) await db.insertInto('action_item_factors').values(rows).execute();
}

/** Updates only when the stored version is still `version`; returns false when someone changed it first. */
export async function updateItem(db: Executor, id: number, version: number, values: Updateable<ActionItemsTable>): Promise<boolean> {
  const result = await db
    .updateTable('action_items')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteItem(db: Executor, id: number, version: number): Promise<boolean> {
  const result = await db.deleteFrom('action_items').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The rows of the review aliased `r`, for the document cache key. */
export const actionItemsFingerprint = (eb: ExpressionBuilder<Database & { r: Database['reviews'] }, 'r'>): Expression<string> =>
  eb.selectFrom('action_items as p').select(versionedRowsSummary('p').as('s')).whereRef('p.review_id', '=', 'r.id').$asScalar() as Expression<string>;

/** The items that name a factor. */
export const listItemIdsOfFactor = async (db: Executor, factorId: number): Promise<number[]> =>
  (await db.selectFrom('action_item_factors').select('action_item_id').where('factor_id', '=', factorId).execute()).map((row) => row.action_item_id);

/** A change that applies whatever the version (a deleted factor dropped from the item), bumping it. */
export async function touchItem(db: Executor, id: number, nowIso: string): Promise<void> {
  await db.updateTable('action_items').set((eb) => ({ version: eb('version', '+', 1), updated_at: nowIso })).where('id', '=', id).execute();
}

/** Items whose soak time is over (F12): still soaking, their soak's end at or before `nowIso`. */
export const listSoakEnded = async (db: Executor, nowIso: string, limit: number): Promise<number[]> =>
  (
    await db
      .selectFrom('action_items')
      .select('id')
      .where('status', '=', 'soaking')
      .where('soak_ends_at', '<=', nowIso)
      .orderBy('soak_ends_at')
      .orderBy('id')
      .limit(limit)
      .execute()
  ).map((row) => row.id);

/**
 * Ends one item's soak: soaking → proposed (awaiting its owner's decision), guarded in SQL so that
 * of two sweeps (two instances) exactly one changes it; on PostgreSQL the second waits for the
 * first's row lock and then finds the status changed. True for the sweep that ended it.
 */
export async function endSoak(db: Executor, id: number, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('action_items')
    .set((eb) => ({ status: 'proposed', soak_ended_at: nowIso, updated_at: nowIso, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'soaking')
    .where('soak_ends_at', '<=', nowIso)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
