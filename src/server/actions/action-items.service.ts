import { DateTime } from 'luxon';
import {
  declineReasonMissing,
  type ActionItem,
  type ActionItemCreate,
  type ActionItemListQuery,
  type ActionItemStatus,
  type ActionItemUpdate,
} from '../../shared/actions/action-item.schema.js';
import { soakUntil } from '../../shared/actions/soak.js';
import { notFound } from '../../shared/errors.js';
import { changedFields, type DomainEvent } from '../../shared/events/domain-events.js';
import { visibleIncidents } from '../access/visibility.js';
import type { AppContext, Executor } from '../context.js';
import { checkFactorsOfReview } from '../factors/factors.service.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { recordChange } from '../events/record-change.js';
import type { FactorDeletedReaction } from '../factors/factor-reactions.js';
import { invalidField } from '../http/version-conflict.js';
import { ownerFilter } from '../people/person.mapper.js';
import { resolvePerson } from '../people/people.service.js';
import { editPartRecord, editReview, type PartChange, type PartRecords } from '../reviews/review-edits.js';
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

/** The cross-review view: filters by owner, status, overdue and review; overdue first, then by due date, undated last. */
export async function listActionItems(ctx: AppContext, query: ActionItemListQuery) {
  const cursor = decodeCursor(query.cursor, ['rank', 'id'] as const);
  const today = todayIn(ctx);
  const owner = query.owner === undefined ? undefined : ownerFilter(ctx.actor, query.owner);
  const rows = await repo.listItems(ctx.db, { ...query, owner }, visibleIncidents(ctx.actor), today, cursor);
  const page = rows.slice(0, query.limit);
  const links = await repo.listFactorLinks(ctx.db, { itemIds: page.map((row) => row.id) });
  const last = page.at(-1);
  return {
    items: toActionItems(page, links, today),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ rank: Number(last.due_rank), id: last.id }) : null,
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

/**
 * After a review is published its action items stay open to progress (status, owner, due date,
 * priority, tracker link): that is work going on. What the review decided (title, description,
 * class, kind, factors, second-order effects) is read-only until it is reopened.
 */
const progressFields: ReadonlySet<string> = new Set(['status', 'declineReason', 'owner', 'dueDate', 'priority', 'externalUrl']);
const onlyProgress = (update: object) => Object.keys(update).every((key) => key === 'version' || progressFields.has(key));

export function itemChange(review: { incidentId: number; id: number }, before: ActionItem | null, after: ActionItem | null): PartChange | null {
  const ids = { incidentId: review.incidentId, reviewId: review.id };
  const item = (after ?? before)!;
  const audit = (action: string) => ({ action, entityType: 'action_item', entityId: item.id, before, after });
  if (!before) return { event: { type: 'action_item.created', ...ids, actionItemId: item.id }, audit: audit('action_item.create') };
  if (!after) return { event: { type: 'action_item.deleted', ...ids, actionItemId: item.id }, audit: audit('action_item.delete') };
  const fields = changedFields(before, after, ['overdue']);
  if (fields.length === 0) return null;
  const event: DomainEvent =
    before.status !== after.status
      ? { type: 'action_item.status_changed', ...ids, actionItemId: item.id, from: before.status, to: after.status, fields }
      : { type: 'action_item.changed', ...ids, actionItemId: item.id, fields };
  return { event, audit: audit('action_item.update') };
}

/**
 * Soak time (F12): an item proposed during a review (created as `proposed`, while the review is open,
 * which every creation needs) soaks for HINDSIGHT_SOAK_WORKING_DAYS working days before its owner
 * decides; an item created with another status (already accepted, done ...) or imported does not.
 */
function soakOnCreate(ctx: AppContext, status: ActionItemStatus, soak: boolean): { status: ActionItemStatus; soak_until: string | null; soak_ends_at: string | null } {
  const until = soak && status === 'proposed' ? soakUntil(ctx.now().toISOString(), ctx.config.soakWorkingDays, ctx.config.calendar) : null;
  return until ? { status: 'soaking', soak_until: until.until, soak_ends_at: until.endsAt } : { status, soak_until: null, soak_ends_at: null };
}

export async function createActionItem(ctx: AppContext, reviewId: number, input: ActionItemCreate, options: { soak?: boolean } = {}): Promise<ActionItem> {
  const review = await getReview(ctx, reviewId);
  const { factorIds, owner, ...given } = input;
  const fields = { ...given, owner: (await resolvePerson(ctx.db, 'owner', owner)) ?? null };
  checkFields(fields);
  const nowIso = ctx.now().toISOString();
  const soak = soakOnCreate(ctx, fields.status, options.soak ?? true);
  return editReview(ctx, review.id, async (trx) => {
    await checkFactorsOfReview(trx, review.id, factorIds);
    const id = await repo.insertItem(trx, { ...toActionItemValues(fields, nowIso), ...soak, review_id: review.id, created_at: nowIso });
    await repo.replaceFactorLinks(trx, id, factorIds);
    const created = (await readItem(trx, id, todayIn(ctx)))!;
    return { result: created, change: itemChange(review, null, created) };
  });
}

export const itemRecords = (ctx: AppContext): PartRecords<ActionItem> => ({ what: 'Action item', read: (db, id) => readItem(db, id, todayIn(ctx)) });

export async function updateActionItem(ctx: AppContext, id: number, update: ActionItemUpdate): Promise<ActionItem> {
  const { version, factorIds, owner, ...given } = update;
  const item = await getActionItem(ctx, id);
  const changes = { ...given, ...(owner !== undefined ? { owner: (await resolvePerson(ctx.db, 'owner', owner)) ?? null } : {}) };
  const review = { id: item.reviewId, incidentId: item.incidentId };
  const updated = await editPartRecord(
    ctx,
    itemRecords(ctx),
    id,
    version,
    async (trx, current) => {
      const fields = { ...actionItemFields(current), ...changes };
      checkFields(fields);
      await checkFactorsOfReview(trx, current.reviewId, factorIds);
      if (!(await repo.updateItem(trx, id, version, toActionItemValues(fields, ctx.now().toISOString())))) return false;
      if (factorIds) await repo.replaceFactorLinks(trx, id, factorIds);
      return true;
    },
    (current, after) => itemChange(review, current, after),
    { allowPublished: () => onlyProgress(update) },
  );
  return updated!;
}

export async function deleteActionItem(ctx: AppContext, id: number, version: number): Promise<void> {
  const item = await getActionItem(ctx, id);
  await editPartRecord(
    ctx,
    itemRecords(ctx),
    id,
    version,
    (trx) => repo.deleteItem(trx, id, version),
    (current) => itemChange({ id: item.reviewId, incidentId: item.incidentId }, current, null),
  );
}

/** A deleted factor leaves the items that addressed it, each recorded as a change (factors/factor-reactions.ts). */
export const unlinkDeletedFactorFromActionItems: FactorDeletedReaction = async (ctx, trx, { factorId, review }) => {
  const today = todayIn(ctx);
  for (const id of await repo.listItemIdsOfFactor(trx, factorId)) {
    const before = (await readItem(trx, id, today))!;
    await repo.replaceFactorLinks(trx, id, before.factorIds.filter((linked) => linked !== factorId));
    await repo.touchItem(trx, id, ctx.now().toISOString());
    const change = itemChange(review, before, (await readItem(trx, id, today))!);
    if (change) await recordChange(ctx, trx, change.event, change.audit);
  }
};
