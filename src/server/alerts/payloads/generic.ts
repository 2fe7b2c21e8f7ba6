import type { GenericMapping } from '../../../shared/alerts/alert-source.schema.js';
import { excerptOf, instantAt, malformed, objectAt, optionalString, severityFrom, stringAt, type AlertEventType, type NormalizedDelivery } from './normalized.js';

const defaultWords: Record<AlertEventType, string[]> = {
  triggered: ['triggered', 'firing', 'open', 'new'],
  acknowledged: ['acknowledged', 'ack'],
  escalated: ['escalated'],
  resolved: ['resolved', 'closed', 'ok'],
};

/** The value at a dotted path ("alert.id"), or undefined. */
export function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Any JSON, read through the source's field mapping. */
export function readGeneric(payload: unknown, mapping: GenericMapping, receivedAt: string): NormalizedDelivery {
  const body = objectAt(payload, '(body)');
  const externalId = stringAt(valueAt(body, mapping.externalId), mapping.externalId, { max: 500 });
  const title = stringAt(valueAt(body, mapping.title), mapping.title, { max: 300 });
  const words = { ...defaultWords, ...(mapping.statusWords ?? {}) };
  let type: AlertEventType = 'triggered';
  if (mapping.status) {
    const status = optionalString(valueAt(body, mapping.status), 100)?.toLowerCase();
    const found = (Object.keys(words) as AlertEventType[]).find((key) => words[key].some((w) => w.toLowerCase() === status));
    if (!found) throw malformed(mapping.status, `must be one of ${Object.values(words).flat().join(', ')}`);
    type = found;
  }
  const at = mapping.occurredAt ? instantAt(valueAt(body, mapping.occurredAt), mapping.occurredAt) : receivedAt;
  return {
    deliveryId: null,
    alerts: [
      {
        externalId,
        title,
        severity: mapping.severity ? severityFrom(valueAt(body, mapping.severity)) : null,
        service: mapping.service ? optionalString(valueAt(body, mapping.service), 100) : null,
        events: [{ key: `${externalId}|${type}|${at}`, type, at, text: `${title}: ${type}`, ref: null, excerpt: excerptOf(body) }],
        acknowledgedAt: type === 'acknowledged' ? at : null,
        resolvedAt: type === 'resolved' ? at : null,
      },
    ],
  };
}
