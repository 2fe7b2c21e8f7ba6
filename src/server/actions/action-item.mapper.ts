import { isActionItemOverdue, type ActionItem, type ActionItemCreate } from '../../shared/actions/action-item.schema.js';
import type { PersonRef } from '../../shared/accounts/person.schema.js';
import { personOf } from '../people/person.mapper.js';
import { blankToNull } from '../reviews/review.mapper.js';
import { groupLinks } from '../reviews/review-links.js';
import type { ActionFactorLinkRow, ActionItemRow, ActionItemValues } from './action-items.repo.js';

export type ActionItemFields = Omit<ActionItemCreate, 'factorIds' | 'owner'> & { owner: PersonRef | null };

export function toActionItem(row: ActionItemRow, factorIds: number[], today: string): ActionItem {
  const status = row.status as ActionItem['status'];
  return {
    id: row.id,
    reviewId: row.review_id,
    incidentId: row.incident_id,
    incidentTitle: row.incident_title,
    title: row.title,
    description: row.description,
    owner: personOf(row.owner_user_id, row.owner),
    dueDate: row.due_date,
    priority: row.priority as ActionItem['priority'],
    class: row.class as ActionItem['class'],
    kind: row.kind as ActionItem['kind'],
    factorIds,
    secondOrderEffects: row.second_order_effects,
    status,
    declineReason: row.decline_reason,
    externalUrl: row.external_url,
    overdue: isActionItemOverdue({ status, dueDate: row.due_date }, today),
    soakUntil: row.soak_until,
    soakEndedAt: row.soak_ended_at,
    decidedAt: row.decided_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toActionItems(rows: ActionItemRow[], links: ActionFactorLinkRow[], today: string): ActionItem[] {
  const byItem = groupLinks(links, 'action_item_id', 'factor_id');
  return rows.map((row) => toActionItem(row, byItem.get(row.id) ?? [], today));
}

export const toActionItemValues = (fields: ActionItemFields, updatedAt: string): Omit<ActionItemValues, 'review_id' | 'created_at'> => ({
  title: fields.title,
  description: blankToNull(fields.description),
  owner: fields.owner?.name ?? null,
  owner_user_id: fields.owner?.userId ?? null,
  due_date: fields.dueDate,
  priority: fields.priority,
  class: fields.class,
  kind: fields.kind,
  second_order_effects: blankToNull(fields.secondOrderEffects),
  status: fields.status,
  decline_reason: blankToNull(fields.declineReason),
  external_url: fields.externalUrl,
  updated_at: updatedAt,
});

export function actionItemFields(item: ActionItem): ActionItemFields {
  const { title, description, owner, dueDate, priority, kind, secondOrderEffects, status, declineReason, externalUrl } = item;
  return { title, description, owner, dueDate, priority, class: item.class, kind, secondOrderEffects, status, declineReason, externalUrl };
}
