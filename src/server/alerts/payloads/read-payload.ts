import type { AlertSourceKind, AlertSourceSettings } from '../../../shared/alerts/alert-source.schema.js';
import { readGeneric } from './generic.js';
import { readGitLab } from './gitlab.js';
import { malformed, type NormalizedDelivery } from './normalized.js';
import { readOpsgenie } from './opsgenie.js';
import { readPagerDuty } from './pagerduty.js';
import { readPrometheusWebhook } from './prometheus.js';

/** A verified delivery's body read by its source's format; 400 naming the field when it does not fit. */
export function readPayload(kind: AlertSourceKind, body: Buffer, settings: AlertSourceSettings, receivedAt: string): NormalizedDelivery {
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    throw malformed('(body)', 'is not JSON');
  }
  switch (kind) {
    case 'alertmanager':
      return readPrometheusWebhook(payload, 'Alertmanager');
    case 'grafana':
      return readPrometheusWebhook(payload, 'Grafana');
    case 'pagerduty':
      return readPagerDuty(payload);
    case 'opsgenie':
      return readOpsgenie(payload);
    case 'gitlab':
      return readGitLab(payload);
    case 'generic':
      if (!settings.mapping) throw malformed('(body)', 'this generic source has no field mapping');
      return readGeneric(payload, settings.mapping, receivedAt);
  }
}
