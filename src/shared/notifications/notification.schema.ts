import { z } from 'zod';
import { storedInt } from '../common.schema.js';
import { isValidTimeZone } from '../policy/working-days.js';

/**
 * Notifications (F14): what Hindsight tells people, on which channels, and each user's choices.
 * Every message has a kind; a user picks, per kind, e-mail and/or Slack, and may take e-mail as
 * one daily digest instead of at once.
 */
export const notificationKinds = [
  'review.owner',
  'action_item.owner',
  'mention',
  'review.due_soon',
  'review.overdue',
  'review.escalated',
  'action_item.due',
  'action_item.overdue',
  'action_item.decide',
  'meeting.invitation',
  'review.published',
  'digest.weekly',
] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** What each kind is, in words (the preferences page and docs/integrations.md use the same). */
export const notificationKindLabels: Record<NotificationKind, string> = {
  'review.owner': 'You were made owner of a review',
  'action_item.owner': 'You were made owner of an action item',
  mention: 'You were mentioned in a comment',
  'review.due_soon': 'A review you own is due in two working days',
  'review.overdue': 'A review you own is overdue',
  'review.escalated': 'A review is still overdue (escalation)',
  'action_item.due': 'An action item you own is due today',
  'action_item.overdue': 'An action item you own is overdue',
  'action_item.decide': 'An action item you own finished its soak time: accept or decline it',
  'meeting.invitation': 'You were invited to a review meeting (with the .ics)',
  'review.published': 'A review was published in a service you follow',
  'digest.weekly': "Your teams' weekly digest: reviews published, lessons, recurring contributors, overdue action items",
};

export const notificationChannels = ['email', 'slack'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

const kindChoice = z.object({ email: z.boolean(), slack: z.boolean() }).strict();

export const notificationPreferencesSchema = z
  .object({
    kinds: z.object(Object.fromEntries(notificationKinds.map((kind) => [kind, kindChoice])) as Record<NotificationKind, typeof kindChoice>).strict(),
    digest: z
      .object({
        enabled: z.boolean().describe('E-mail once a day, at `hour` in `timeZone`, instead of at once (meeting invitations and the weekly digest always go at once)'),
        hour: z.number().int().min(0).max(23),
        timeZone: z.string().trim().min(1).max(64).refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Copenhagen'),
      })
      .strict(),
    slackUserId: z
      .string()
      .trim()
      .regex(/^[UW][A-Z0-9]{2,20}$/, 'must be a Slack member ID such as U024BE7LH')
      .nullable()
      .describe('Your Slack member ID: Slack messages come to you as direct messages'),
    services: z.array(z.string().trim().min(1).max(100)).max(50).describe('Services whose published reviews you hear of'),
  })
  .strict();
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const notificationPreferencesStateSchema = notificationPreferencesSchema.extend({
  version: z.number().int().describe('Send it back with a change; 0 until first saved'),
  channels: z.object({ email: z.boolean(), slack: z.boolean() }).describe('Which channels this server has configured'),
});
export type NotificationPreferencesState = z.infer<typeof notificationPreferencesStateSchema>;

export const notificationPreferencesUpdateSchema = notificationPreferencesSchema.extend({
  version: z.number().int().min(0).max(2_147_483_647).describe('The version you read (0 before the first save); a stale one is refused with 409'),
});
export type NotificationPreferencesUpdate = z.infer<typeof notificationPreferencesUpdateSchema>;

/** The defaults: every kind by e-mail (the weekly digest included), no Slack, no daily digest. */
export function defaultPreferences(timeZone: string): NotificationPreferences {
  return {
    kinds: Object.fromEntries(notificationKinds.map((kind) => [kind, { email: true, slack: false }])) as NotificationPreferences['kinds'],
    digest: { enabled: false, hour: 9, timeZone },
    slackUserId: null,
    services: [],
  };
}

/** An outbound webhook endpoint (Standard Webhooks), as admins see it. */
export const webhookEndpointSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  description: z.string(),
  kinds: z.array(notificationKindSchema).describe('The kinds sent to it; empty: every kind'),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointCreatedSchema = webhookEndpointSchema.extend({
  secret: z.string().describe('The signing secret (whsec_...), shown this once: verify each delivery with it'),
});
export type WebhookEndpointCreated = z.infer<typeof webhookEndpointCreatedSchema>;

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2000);

export const webhookEndpointCreateSchema = z
  .object({
    url: httpUrl,
    description: z.string().trim().max(200).default(''),
    kinds: z.array(notificationKindSchema).max(notificationKinds.length).default([]),
  })
  .strict();
export type WebhookEndpointCreate = z.output<typeof webhookEndpointCreateSchema>;

export const webhookEndpointUpdateSchema = z
  .object({ enabled: z.boolean().optional(), description: z.string().trim().max(200).optional(), kinds: z.array(notificationKindSchema).max(notificationKinds.length).optional() })
  .strict();
export type WebhookEndpointUpdate = z.infer<typeof webhookEndpointUpdateSchema>;

export const webhookEndpointListSchema = z.object({ items: z.array(webhookEndpointSchema) });

/** What an outbound webhook's body carries (the Standard Webhooks envelope: type, timestamp, data). */
export const webhookPayloadSchema = z.object({
  type: z.string().describe('hindsight.<kind>, e.g. hindsight.review.published'),
  timestamp: z.string(),
  data: z.object({
    kind: notificationKindSchema,
    subject: z.string(),
    text: z.string(),
    link: z.string(),
    incidentId: storedInt.nullable(),
    reviewId: storedInt.nullable(),
    actionItemId: storedInt.nullable(),
  }),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
