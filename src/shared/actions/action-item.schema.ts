import { z } from 'zod';
import { listParam, page, pageQuery, storedIntParam, storedInt, updatedSinceQuery } from '../common.schema.js';
import { personInputSchema, personSchema } from '../accounts/person.schema.js';
import { idList, optionalText, recordMeta, title } from '../reviews/review-parts.schema.js';

export const actionItemStatuses = ['proposed', 'soaking', 'accepted', 'in_progress', 'done', 'declined'] as const;
export const actionItemStatusSchema = z.enum(actionItemStatuses);
export type ActionItemStatus = z.infer<typeof actionItemStatusSchema>;

/** Statuses that end an item: it can no longer be overdue. */
export const closedActionItemStatuses: readonly ActionItemStatus[] = ['done', 'declined'];

export const actionItemPriorities = ['p1', 'p2', 'p3', 'p4', 'high', 'medium', 'low'] as const;
/** What the item improves (IT Revolution: detect, diagnose, mitigate, resolve, prevent). */
export const actionItemClasses = ['detect', 'diagnose', 'mitigate', 'resolve', 'prevent'] as const;
/** GitLab labels corrective actions and infradev work as such. */
export const actionItemKinds = ['corrective-action', 'infradev', 'investigation', 'documentation', 'process', 'other'] as const;

const webUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000);

const actionItemFields = {
  title,
  description: optionalText(20_000),
  owner: personInputSchema.nullable(),
  dueDate: z.iso.date({ error: 'must be a YYYY-MM-DD date' }).nullable(),
  priority: z.enum(actionItemPriorities).nullable(),
  class: z.enum(actionItemClasses).nullable(),
  kind: z.enum(actionItemKinds),
  factorIds: idList(100).describe("Ids of this review's factors the item addresses"),
  secondOrderEffects: optionalText(20_000).describe('Risks the change itself may introduce'),
  status: actionItemStatusSchema,
  declineReason: optionalText(5000).describe('Required when the status is declined'),
  externalUrl: webUrl.nullable().describe("The issue in the team's tracker"),
};

export const actionItemCreateSchema = z
  .object({
    ...actionItemFields,
    description: actionItemFields.description.default(null),
    owner: actionItemFields.owner.default(null),
    dueDate: actionItemFields.dueDate.default(null),
    priority: actionItemFields.priority.default(null),
    class: actionItemFields.class.default(null),
    kind: actionItemFields.kind.default('corrective-action'),
    factorIds: actionItemFields.factorIds.default([]),
    secondOrderEffects: actionItemFields.secondOrderEffects.default(null),
    status: actionItemFields.status.default('proposed'),
    declineReason: actionItemFields.declineReason.default(null),
    externalUrl: actionItemFields.externalUrl.default(null),
  })
  .strict();
export type ActionItemCreateInput = z.input<typeof actionItemCreateSchema>;
export type ActionItemCreate = z.output<typeof actionItemCreateSchema>;

export const actionItemUpdateSchema = z
  .object({ version: storedInt, ...actionItemFields })
  .partial()
  .required({ version: true })
  .strict();
export type ActionItemUpdate = z.output<typeof actionItemUpdateSchema>;

export const actionItemSchema = z.object({
  id: z.number().int(),
  reviewId: z.number().int(),
  incidentId: z.number().int(),
  incidentTitle: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  owner: personSchema.nullable(),
  dueDate: z.string().nullable(),
  priority: z.enum(actionItemPriorities).nullable(),
  class: z.enum(actionItemClasses).nullable(),
  kind: z.enum(actionItemKinds),
  factorIds: z.array(z.number().int()),
  secondOrderEffects: z.string().nullable(),
  status: actionItemStatusSchema,
  declineReason: z.string().nullable(),
  externalUrl: z.string().nullable(),
  overdue: z.boolean().describe('Due before today (in the configured time zone) and neither done nor declined'),
  soakUntil: z.string().nullable().describe('Soak time (F12): the last day (YYYY-MM-DD, organisation zone) the proposed item soaks before its owner decides; null when it never soaked'),
  soakEndedAt: z.string().nullable().describe('When its soak ended and the owner was asked to accept or decline it'),
  decidedAt: z.string().nullable().describe('When it was accepted or declined through the soak decision'),
  ...recordMeta,
}).meta({ id: 'ActionItem' });
export type ActionItem = z.infer<typeof actionItemSchema>;

export const actionItemListSchema = z.object({ items: z.array(actionItemSchema) });

export const actionItemListQuerySchema = z
  .object({
    owner: z.string().trim().min(1).max(200).optional().describe('The owner: "me", a user id, or a plain name'),
    status: listParam(actionItemStatusSchema).optional(),
    overdue: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    reviewId: storedIntParam.optional(),
    ...updatedSinceQuery,
    ...pageQuery,
  })
  .strict();
export type ActionItemListQuery = z.output<typeof actionItemListQuerySchema>;

export const actionItemPageSchema = page(actionItemSchema);

/** Accepting a proposed item (F12): what it could make worse, or "None foreseen", said explicitly. */
export const actionItemAcceptSchema = z
  .object({
    secondOrderEffects: z.string().trim().min(1, 'must say what this change could make worse, or "None foreseen"').max(20_000).describe('What could this change make worse?'),
    version: storedInt.optional().describe('The version you read: 409 when the item changed since'),
  })
  .strict();
export type ActionItemAccept = z.output<typeof actionItemAcceptSchema>;

/** Declining a proposed item (F12) needs a reason. */
export const actionItemDeclineSchema = z
  .object({
    reason: z.string().trim().min(1, 'is required: say why the item is declined').max(5000),
    version: storedInt.optional().describe('The version you read: 409 when the item changed since'),
  })
  .strict();
export type ActionItemDecline = z.output<typeof actionItemDeclineSchema>;

/** Declining needs a reason (F12); checked on the item as it would be stored. */
export function declineReasonMissing(item: { status: ActionItemStatus; declineReason: string | null }): boolean {
  return item.status === 'declined' && (item.declineReason === null || item.declineReason.trim() === '');
}

/** Overdue: due before `today` (YYYY-MM-DD in the configured zone) and not closed. */
export const isActionItemOverdue = (item: { status: ActionItemStatus; dueDate: string | null }, today: string): boolean =>
  item.dueDate !== null && item.dueDate < today && !closedActionItemStatuses.includes(item.status);
