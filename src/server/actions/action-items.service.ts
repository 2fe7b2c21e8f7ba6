import { DateTime } from 'luxon';
import {
  declineReasonMissing,
  type ActionItem,
  type ActionItemCreate,
  type ActionItemListQuery,
  type ActionItemUpdate,
} from '../../shared/actions/action-item.schema.js';
import { notFound } from '../../shared/errors.js';
import { visibleIncidents } from '../access/visibility.js';
import { auditChange } from '../audit/audit.service.js';
import type { AppContext, Executor } from '../context.js';
import { checkFactorsOfReview } from '../factors/factors.service.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { invalidField, versionConflict } from '../http/version-conflict.js';
import { getReview } from '../reviews/reviews.service.js';
import { actionItemFields, toActionItem, toActionItems, toActionItemValues, type ActionItemFields } from './action-item.mapper.js';
import * as repo from './action-items.repo.js';

/** Today's date where the organisation works: an item due today is not yet overdue. */
export const todayIn = (ctx: AppContext): string => DateTime.fromJSDate(ctx.now()).setZone(ctx.config.calendar.timeZone).toISODate()!;

async function readItem(db: Executor, id: number, today: string): Promise<ActionItem | null> {
  const row = await repo.findItem(db, id);
  if (!row) return null;
  const links = await repo.listFactorLinks(db, { itemIds: [id] });
  return toActionItem(row, links.map((link) => link.factor_id), today);
}

/** Every action item of a review with its factor links: two queries. */
export async function readActionItemsOfReview(db: Executor, reviewId: number, today: string): Promise<ActionItem[]> {
  const [rows, links] = await Promise.all([repo.listItemsOfReview(db, reviewId), repo.listFactorLinks(db, { reviewId })]);
  return toActionItems(rows, links, today);
}

export async function listActionItemsOfReview(ctx: AppContext, reviewId: number): Promise<ActionItem[]> {
  const review = await getReview(ctx, reviewId);
  return readActionItemsOfReview(ctx.db, review.id, todayIn(ctx));
}

/** The cross-review view: filters by owner, status, overdue and review; newest first. */
export async function listActionItems(ctx: AppContext, query: ActionItemListQuery) {
  const cursor = decodeCursor(query.cursor, ['id'] as const);
  const today = todayIn(ctx);
  const rows = await repo.listItems(ctx.db, query, visibleIncidents(ctx.actor), today, cursor?.id ?? null);
  const page = rows.slice(0, query.limit);
  const links = await repo.listFactorLinks(ctx.db, { itemIds: page.map((row) => row.id) });
  const last = page.at(-1);
  return {
    items: toActionItems(page, links, today),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}

export async function getActionItem(ctx: AppContext, id: number): Promise<ActionItem> {
  const item = await readItem(ctx.db, id, todayIn(ctx));
  if (!item) throw notFound('Action item', id);
  await getReview(ctx, item.reviewId);
  return item;
}

/** Declining needs a reason (F12). */
function checkFields(fields: ActionItemFields): void {
  if (declineReasonMissing(fields)) throw invalidField('declineReason', 'is required when the status is declined');
}

export async function createActionItem(ctx: AppContext, reviewId: number, input: ActionItemCreate): Promise<ActionItem> {
  const review = await getReview(ctx, reviewId);
  const { factorIds, ...fields } = input;
  checkFields(fields);
  const nowIso = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await checkFactorsOfReview(trx, review.id, factorIds);
    const id = await repo.insertItem(trx, { ...toActionItemValues(fields, nowIso), review_id: review.id, created_at: nowIso });
    await repo.replaceFactorLinks(trx, id, factorIds);
    const created = (await readItem(trx, id, todayIn(ctx)))!;
    await auditChange(ctx, trx, { action: 'action_item.create', entityType: 'action_item', entityId: id, incidentId: review.incidentId, before: null, after: created });
    return created;
  });
}

export async function updateActionItem(ctx: AppContext, id: number, update: ActionItemUpdate): Promise<ActionItem> {
  const { version, factorIds, ...changes } = update;
  await getActionItem(ctx, id);
  const today = todayIn(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await readItem(trx, id, today);
    if (!current) throw notFound('Action item', id);
    if (current.version !== version) throw versionConflict(`Action item ${id}`, current, version);
    const fields = { ...actionItemFields(current), ...changes };
    checkFields(fields);
    await checkFactorsOfReview(trx, current.reviewId, factorIds);
    if (!(await repo.updateItem(trx, id, version, toActionItemValues(fields, ctx.now().toISOString())))) {
      throw versionConflict(`Action item ${id}`, await readItem(trx, id, today), version);
    }
    if (factorIds) await repo.replaceFactorLinks(trx, id, factorIds);
    const updated = (await readItem(trx, id, today))!;
    await auditChange(ctx, trx, { action: 'action_item.update', entityType: 'action_item', entityId: id, incidentId: current.incidentId, before: current, after: updated });
    return updated;
  });
}

export async function deleteActionItem(ctx: AppContext, id: number, version: number): Promise<void> {
  await getActionItem(ctx, id);
  const today = todayIn(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await readItem(trx, id, today);
    if (!current) throw notFound('Action item', id);
    if (current.version !== version || !(await repo.deleteItem(trx, id, version))) {
      throw versionConflict(`Action item ${id}`, await readItem(trx, id, today), version);
    }
    await auditChange(ctx, trx, { action: 'action_item.delete', entityType: 'action_item', entityId: id, incidentId: current.incidentId, before: current, after: null });
  });
}
