import { excerptOf, instantAt, isObject, objectAt, optionalString, severityFrom, stringAt, type AlertEventType, type NormalizedDelivery } from './normalized.js';

const eventTypes: Record<string, AlertEventType> = {
  'incident.triggered': 'triggered',
  'incident.acknowledged': 'acknowledged',
  'incident.escalated': 'escalated',
  'incident.reassigned': 'escalated',
  'incident.resolved': 'resolved',
  'incident.reopened': 'triggered',
};

/**
 * PagerDuty v3 webhooks: `{event: {id, event_type, occurred_at, agent, data}}`, data being the
 * incident (its id, title, html_url, service, priority, urgency). The event's id is the delivery's.
 * Events this app does not track (annotated, priority_updated, ...) are accepted and add nothing.
 */
export function readPagerDuty(payload: unknown): NormalizedDelivery {
  const event = objectAt(objectAt(payload, '(body)').event, 'event');
  const id = stringAt(event.id, 'event.id', { max: 200 });
  const eventType = stringAt(event.event_type, 'event.event_type', { max: 100 });
  const data = objectAt(event.data, 'event.data');
  if (event.resource_type !== undefined && event.resource_type !== 'incident') return { deliveryId: id, alerts: [] };
  const type = eventTypes[eventType];
  const incidentId = stringAt(data.id, 'event.data.id', { max: 200 });
  const at = instantAt(event.occurred_at, 'event.occurred_at');
  const title = optionalString(data.title, 300) ?? `PagerDuty incident ${incidentId}`;
  const priority = isObject(data.priority) ? optionalString(data.priority.summary, 20) : null;
  const agent = isObject(event.agent) ? optionalString(event.agent.summary, 200) : null;
  const service = isObject(data.service) ? optionalString(data.service.summary, 100) : null;
  const link = optionalString(data.html_url, 2000);
  return {
    deliveryId: id,
    alerts: [
      {
        externalId: incidentId,
        title,
        severity: severityFrom(priority) ?? (data.urgency === 'high' ? 'sev2' : null),
        service,
        events: type
          ? [{ key: `event:${id}`, type, at, text: `PagerDuty: incident ${type}${agent ? ` by ${agent}` : ''}`, ref: link, excerpt: excerptOf({ event_type: eventType, occurred_at: event.occurred_at, agent: event.agent, status: data.status }) }]
          : [],
        acknowledgedAt: type === 'acknowledged' ? at : null,
        resolvedAt: type === 'resolved' ? at : null,
      },
    ],
  };
}
