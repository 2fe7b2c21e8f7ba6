import type { DomainEvent } from '../../shared/events/domain-events.js';
import type { NotificationPreferences } from '../../shared/notifications/notification.schema.js';
import { getActionItem } from '../actions/action-items.service.js';
import type { AppContext } from '../context.js';
import { getIncident } from '../incidents/incidents.service.js';
import { getInvitation, getMeeting } from '../meetings/meetings.service.js';
import { readThreadsOfReview } from '../review-comments/review-comments.service.js';
import { getReview } from '../reviews/reviews.service.js';
import { listComments } from '../timeline/timeline.service.js';
import type { Message } from './message.js';
import type { Audience } from './notify.js';
import * as repo from './notifications.repo.js';

/** What a committed event tells whom: zero or more messages, each with its audience. */
export interface Decided {
  message: Message;
  audience: Audience;
}

/** The event types that may notify someone: the event job listens to these only. */
export const notifyingEvents = [
  'review.created',
  'review.changed',
  'action_item.created',
  'action_item.changed',
  'review_comment.changed',
  'comment.added',
  'meeting.scheduled',
  'review.state_changed',
  'actionItem.soakEnded',
] as const satisfies ReadonlyArray<DomainEvent['type']>;

/** Whether an event of a notifying type is worth a job (a review edit that did not change its owner is not). */
export function mayNotify(event: DomainEvent): boolean {
  switch (event.type) {
    case 'review.changed':
    case 'action_item.changed':
      return event.fields.includes('owner');
    case 'review_comment.changed':
      return event.mentions.length > 0 && (event.change === 'created' || event.change === 'updated');
    case 'comment.added':
      return event.mentions.length > 0;
    case 'review.state_changed':
      return event.to === 'published';
    default:
      return (notifyingEvents as readonly string[]).includes(event.type);
  }
}

const others = (ids: Array<number | null | undefined>, actorUserId: number | null) => [...new Set(ids.filter((id): id is number => id != null && id !== actorUserId))];

/**
 * The messages of one event, read as the system (the recipients' own visibility is checked when
 * the deliveries are made, in notify.ts). `actorUserId` made the change: nobody is told of their own.
 */
export async function messagesOfEvent(ctx: AppContext, eventId: number, event: DomainEvent, actor: { userId: number | null; name: string }): Promise<Decided[]> {
  const url = ctx.config.publicUrl;
  const by = actor.name;
  switch (event.type) {
    case 'review.created':
    case 'review.changed': {
      const review = await getReview(ctx, event.reviewId);
      const owner = review.owner?.userId;
      if (owner == null || owner === actor.userId) return [];
      return [
        {
          message: {
            kind: 'review.owner',
            key: `event:${eventId}:review.owner`,
            subject: `You own the review of "${review.incidentTitle}"`,
            text: `${by} made you owner of the review of incident #${review.incidentId} "${review.incidentTitle}".${review.dueAt ? ` It is due ${review.dueAt.slice(0, 10)}.` : ''}`,
            link: `${url}/reviews/${review.id}`,
            incidentId: review.incidentId,
            reviewId: review.id,
            actionItemId: null,
          },
          audience: { userIds: [owner], webhooks: false },
        },
      ];
    }
    case 'action_item.created':
    case 'action_item.changed': {
      const item = await getActionItem(ctx, event.actionItemId);
      const owner = item.owner?.userId;
      if (owner == null || owner === actor.userId) return [];
      return [
        {
          message: {
            kind: 'action_item.owner',
            key: `event:${eventId}:action_item.owner`,
            subject: `You own the action item "${item.title}"`,
            text: `${by} made you owner of "${item.title}" from the review of "${item.incidentTitle}".${item.dueDate ? ` It is due ${item.dueDate}.` : ''}`,
            link: `${url}/reviews/${item.reviewId}#action-items`,
            incidentId: item.incidentId,
            reviewId: item.reviewId,
            actionItemId: item.id,
          },
          audience: { userIds: [owner], webhooks: false },
        },
      ];
    }
    case 'review_comment.changed': {
      const review = await getReview(ctx, event.reviewId);
      const comment = (await readThreadsOfReview(ctx.db, review.id)).flatMap((t) => [t, ...t.replies]).find((c) => c.id === event.commentId);
      const userIds = others(event.mentions, actor.userId);
      if (!comment || userIds.length === 0) return [];
      return [
        {
          message: {
            kind: 'mention',
            key: `mention:review_comment:${comment.id}`,
            subject: `${by} mentioned you on the review of "${review.incidentTitle}"`,
            text: comment.text.slice(0, 1_000),
            link: `${url}/reviews/${review.id}`,
            incidentId: review.incidentId,
            reviewId: review.id,
            actionItemId: null,
          },
          audience: { userIds, webhooks: false },
        },
      ];
    }
    case 'comment.added': {
      const incident = await getIncident(ctx, event.incidentId);
      const comment = (await listComments(ctx, event.on.id)).find((c) => c.id === event.commentId);
      const userIds = others(event.mentions, actor.userId);
      if (!comment || userIds.length === 0) return [];
      return [
        {
          message: {
            kind: 'mention',
            key: `mention:timeline_comment:${comment.id}`,
            subject: `${by} mentioned you on the timeline of "${incident.title}"`,
            text: comment.text.slice(0, 1_000),
            link: `${url}/incidents/${incident.id}`,
            incidentId: incident.id,
            reviewId: incident.review?.id ?? null,
            actionItemId: null,
          },
          audience: { userIds, webhooks: false },
        },
      ];
    }
    case 'meeting.scheduled': {
      const { meeting } = await getMeeting(ctx, event.reviewId);
      if (!meeting || meeting.sequence !== event.sequence) return []; // rescheduled since: that event invites
      const review = await getReview(ctx, event.reviewId);
      const ics = await getInvitation(ctx, review.id);
      const people = [meeting.facilitator, meeting.scribe, ...meeting.attendees].map((p) => p?.userId);
      const when = `${meeting.startsAt.replace('T', ' ').slice(0, 16)} (${meeting.timeZone}), ${meeting.durationMinutes} minutes`;
      return [
        {
          message: {
            kind: 'meeting.invitation',
            key: `meeting:${review.id}:${meeting.sequence}`,
            subject: `${event.rescheduled ? 'Rescheduled: ' : ''}Review meeting: ${review.incidentTitle}`,
            text: `You are invited to the review meeting of incident #${review.incidentId} "${review.incidentTitle}": ${when}${meeting.location ? `, ${meeting.location}` : ''}.`,
            link: `${url}/reviews/${review.id}`,
            incidentId: review.incidentId,
            reviewId: review.id,
            actionItemId: null,
            ics,
          },
          audience: { userIds: others(people, null), webhooks: false },
        },
      ];
    }
    case 'review.state_changed': {
      if (event.to !== 'published') return [];
      const review = await getReview(ctx, event.reviewId);
      const incident = await getIncident(ctx, review.incidentId);
      const services = new Set(incident.services.map((s) => s.toLowerCase()));
      const followers = (await repo.listAllPreferences(ctx.db))
        .filter((row) => (JSON.parse(row.preferences) as NotificationPreferences).services.some((s) => services.has(s.toLowerCase())))
        .map((row) => row.user_id);
      return [
        {
          message: {
            kind: 'review.published',
            key: `event:${eventId}:review.published`,
            subject: `Review published: ${review.incidentTitle}`,
            text: `The review of incident #${review.incidentId} "${review.incidentTitle}" (${incident.services.join(', ') || 'no service'}) was published by ${by}.`,
            link: `${url}/reviews/${review.id}`,
            incidentId: review.incidentId,
            reviewId: review.id,
            actionItemId: null,
          },
          audience: { userIds: others(followers, actor.userId), slackChannel: ctx.config.notifications.slack?.channel ?? null },
        },
      ];
    }
    case 'actionItem.soakEnded': {
      const item = await getActionItem(ctx, event.actionItemId);
      const owner = event.ownerUserId ?? item.owner?.userId;
      if (owner == null) return [];
      return [
        {
          message: {
            kind: 'action_item.decide',
            key: `event:${eventId}:action_item.decide`,
            subject: `Decide on this action item: "${item.title}"`,
            text: `"${item.title}" from the review of "${item.incidentTitle}" finished its soak time. Accept it or decline it with a reason.`,
            link: `${url}/reviews/${item.reviewId}#action-items`,
            incidentId: item.incidentId,
            reviewId: item.reviewId,
            actionItemId: item.id,
          },
          audience: { userIds: [owner] },
        },
      ];
    }
    default:
      return [];
  }
}
