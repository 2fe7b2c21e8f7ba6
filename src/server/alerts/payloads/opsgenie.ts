import { excerptOf, instantAt, isObject, objectAt, optionalString, severityFrom, stringAt, type AlertEventType, type NormalizedDelivery } from './normalized.js';

const actions: Record<string, AlertEventType> = {
  Create: 'triggered',
  Acknowledge: 'acknowledged',
  Escalate: 'escalated',
  EscalateNext: 'escalated',
  AssignOwnership: 'escalated',
  Close: 'resolved',
};

/**
 * Opsgenie's outgoing webhook integration: `{action, alert: {alertId, message, createdAt, updatedAt,
 * priority, entity, tags, username}, source, integrationName}`. Times are epoch milliseconds
 * (updatedAt: nanoseconds in some accounts, read by magnitude). Other actions (AddNote, ...) add nothing.
 */
export function readOpsgenie(payload: unknown): NormalizedDelivery {
  const body = objectAt(payload, '(body)');
  const action = stringAt(body.action, 'action', { max: 100 });
  const alert = objectAt(body.alert, 'alert');
  const alertId = stringAt(alert.alertId, 'alert.alertId', { max: 200 });
  const type = actions[action];
  const rawTime = action === 'Create' ? alert.createdAt : (alert.updatedAt ?? alert.createdAt);
  const at = instantAt(typeof rawTime === 'number' && rawTime > 1e14 ? Math.floor(rawTime / 1e6) : rawTime, action === 'Create' ? 'alert.createdAt' : 'alert.updatedAt');
  const who = optionalString(alert.username, 200) ?? (isObject(body.source) ? optionalString(body.source.name, 200) : null);
  return {
    deliveryId: null,
    alerts: [
      {
        externalId: alertId,
        title: optionalString(alert.message, 300) ?? `Opsgenie alert ${alertId}`,
        severity: severityFrom(alert.priority),
        service: optionalString(alert.entity, 100),
        events: type
          ? [{ key: `${alertId}|${action}|${at}`, type, at, text: `Opsgenie: alert ${type}${who ? ` by ${who}` : ''}`, ref: optionalString(alert.tinyId, 50), excerpt: excerptOf({ action, alert: { alertId, message: alert.message, priority: alert.priority, username: alert.username } }) }]
          : [],
        acknowledgedAt: type === 'acknowledged' ? at : null,
        resolvedAt: type === 'resolved' ? at : null,
      },
    ],
  };
}
