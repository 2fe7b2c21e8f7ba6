import { excerptOf, instantAt, isObject, malformed, objectAt, optionalString, severityFrom, stringAt, type AlertEvent, type Json, type NormalizedDelivery } from './normalized.js';

/**
 * Prometheus Alertmanager's webhook (version 4) and Grafana alerting's webhook contact point, which
 * follows it: a notification is one alert group (groupKey) with its alerts, each firing or resolved.
 * One group is one incident; each alert adds "triggered" at its startsAt and "resolved" at its endsAt.
 * The incident is resolved when the whole group is.
 */
export function readPrometheusWebhook(payload: unknown, sourceName: 'Alertmanager' | 'Grafana'): NormalizedDelivery {
  const body = objectAt(payload, '(body)');
  const groupKey = stringAt(body.groupKey, 'groupKey', { max: 1000 });
  if (!Array.isArray(body.alerts) || body.alerts.length === 0) throw malformed('alerts', 'must be a non-empty list');
  const commonLabels = isObject(body.commonLabels) ? body.commonLabels : {};
  const commonAnnotations = isObject(body.commonAnnotations) ? body.commonAnnotations : {};
  const groupLabels = isObject(body.groupLabels) ? body.groupLabels : {};
  const events: AlertEvent[] = [];
  for (const [i, value] of body.alerts.entries()) {
    const alert = objectAt(value, `alerts.${i}`);
    const labels = isObject(alert.labels) ? alert.labels : {};
    const annotations = isObject(alert.annotations) ? alert.annotations : {};
    const status = alert.status === 'resolved' ? 'resolved' : alert.status === 'firing' ? 'firing' : null;
    if (!status) throw malformed(`alerts.${i}.status`, 'must be firing or resolved');
    const fingerprint = optionalString(alert.fingerprint, 200) ?? JSON.stringify(labels);
    const startsAt = instantAt(alert.startsAt, `alerts.${i}.startsAt`);
    const name = optionalString(labels.alertname, 200) ?? 'alert';
    const summary = optionalString(annotations.summary, 500) ?? optionalString(annotations.description, 500);
    const link = optionalString(alert.generatorURL, 2000);
    const excerpt = excerptOf({ status: alert.status, labels, annotations, startsAt: alert.startsAt, endsAt: alert.endsAt });
    events.push({ key: `${groupKey}|${fingerprint}|${startsAt}|triggered`, type: 'triggered', at: startsAt, text: `${sourceName}: ${name} firing${summary ? ` — ${summary}` : ''}`, ref: link, excerpt });
    if (status === 'resolved') {
      const endsAt = instantAt(alert.endsAt, `alerts.${i}.endsAt`);
      events.push({ key: `${groupKey}|${fingerprint}|${startsAt}|resolved`, type: 'resolved', at: endsAt, text: `${sourceName}: ${name} resolved`, ref: link, excerpt });
    }
  }
  const title =
    optionalString(commonAnnotations.summary, 300) ??
    optionalString(body.title, 300) ??
    `${optionalString(commonLabels.alertname, 200) ?? optionalString(groupLabels.alertname, 200) ?? 'Alert'}${labelsText(groupLabels)}`;
  return {
    deliveryId: null,
    alerts: [
      {
        externalId: groupKey,
        title,
        severity: severityFrom(commonLabels.severity),
        service: optionalString(commonLabels.service, 100) ?? optionalString(commonLabels.job, 100),
        events,
        acknowledgedAt: null,
        // The group is resolved when every alert in it is: at the last one's end.
        resolvedAt: body.status === 'resolved' ? lastResolution(events) : null,
      },
    ],
  };
}

const lastResolution = (events: AlertEvent[]): string | null =>
  events.filter((e) => e.type === 'resolved').sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0]?.at ?? null;

const labelsText = (labels: Json) => {
  const pairs = Object.entries(labels).filter(([key]) => key !== 'alertname').map(([key, value]) => `${key}=${String(value)}`);
  return pairs.length ? ` (${pairs.join(', ')})` : '';
};
