import { excerptOf, instantAt, isObject, malformed, objectAt, optionalString, severityFrom, stringAt, type AlertEvent, type NormalizedDelivery } from './normalized.js';

/**
 * GitLab's issue events for incidents (object_kind "issue", issue_type "incident"): opened is
 * "triggered", closed "resolved", a change of escalation status to acknowledged "acknowledged".
 * One GitLab incident (its global id) is one incident here. Issues that are not incidents add nothing.
 */
export function readGitLab(payload: unknown): NormalizedDelivery {
  const body = objectAt(payload, '(body)');
  if (body.object_kind !== 'issue' && body.object_kind !== 'incident') throw malformed('object_kind', 'must be "issue" or "incident" (an issue or incident event)');
  const issue = objectAt(body.object_attributes, 'object_attributes');
  if ((issue.issue_type ?? issue.type) !== 'incident' && String(issue.type).toLowerCase() !== 'incident' && body.object_kind !== 'incident') return { deliveryId: null, alerts: [] };
  const id = stringAt(issue.id, 'object_attributes.id', { max: 100 });
  const action = optionalString(issue.action, 50);
  const link = optionalString(issue.url, 2000);
  const user = isObject(body.user) ? optionalString(body.user.name, 200) : null;
  const changes = isObject(body.changes) ? body.changes : {};
  const events: AlertEvent[] = [];
  const excerpt = excerptOf({ action, title: issue.title, state: issue.state, escalation_status: issue.escalation_status, changes });
  const push = (type: AlertEvent['type'], at: string, what: string) => events.push({ key: `${id}|${type}|${at}`, type, at, text: `GitLab: incident ${what}${user ? ` by ${user}` : ''}`, ref: link, excerpt });
  if (action === 'open' || action === 'reopen') push('triggered', instantAt(action === 'open' ? issue.created_at : issue.updated_at, action === 'open' ? 'object_attributes.created_at' : 'object_attributes.updated_at'), action === 'open' ? 'opened' : 'reopened');
  if (action === 'close') push('resolved', instantAt(issue.closed_at ?? issue.updated_at, 'object_attributes.closed_at'), 'closed');
  const escalation = isObject(changes.escalation_status) ? changes.escalation_status.current : null;
  if (action === 'update' && escalation === 'acknowledged') push('acknowledged', instantAt(issue.updated_at, 'object_attributes.updated_at'), 'acknowledged');
  if (action === 'update' && escalation === 'resolved') push('resolved', instantAt(issue.updated_at, 'object_attributes.updated_at'), 'resolved');
  const labels = Array.isArray(body.labels) ? body.labels : [];
  const severityLabel = labels.map((l) => (isObject(l) ? optionalString(l.title, 100) : null)).find((t) => t && /^(severity|sev)::?/i.test(t));
  const resolved = events.find((e) => e.type === 'resolved');
  const acknowledged = events.find((e) => e.type === 'acknowledged');
  return {
    deliveryId: null,
    alerts: [
      {
        externalId: id,
        title: optionalString(issue.title, 300) ?? `GitLab incident ${id}`,
        severity: severityFrom(optionalString(issue.severity, 20)) ?? severityFrom(severityLabel?.replace(/^(severity|sev)::?\s*/i, '')),
        service: isObject(body.project) ? optionalString(body.project.path_with_namespace, 100) : null,
        events,
        acknowledgedAt: acknowledged?.at ?? null,
        resolvedAt: resolved?.at ?? null,
      },
    ],
  };
}
