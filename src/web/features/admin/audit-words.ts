import type { AuditEntry } from '../../../shared/accounts/audit.schema.js';

const nouns: Record<string, string> = {
  incident: 'incident',
  review: 'review',
  action_item: 'action item',
  factor: 'factor',
  whys: 'five-whys chain',
  timeline: 'timeline entry',
  timeline_entry: 'timeline entry',
  timeline_comment: 'comment',
  api_token: 'API token',
  user: 'user',
  job: 'job',
};

const verbs: Record<string, string> = {
  create: 'Created',
  update: 'Edited',
  delete: 'Deleted',
  resolve: 'Resolved',
  label_add: 'Added a label to',
  label_remove: 'Removed a label from',
  access_change: 'Changed who can see',
  transition: 'Changed the state of',
  comment: 'Commented on',
  revoke: 'Revoked',
  role_change: 'Changed the role of',
  oidc_link: 'Linked single sign-on to',
  password_reset: 'Reset the password of',
  enqueue: 'Queued',
  retry: 'Retried',
  enable: 'Enabled',
  disable: 'Disabled',
};

const wholeActions: Record<string, string> = { 'auth.sign_in': 'Signed in', 'auth.sign_out': 'Signed out', 'review.answer': 'Answered' };

const humanise = (text: string) => text.replace(/[_.]/g, ' ');

/** "review.answer" → "Answered", "incident.label_add" → "Added a label to": what was done, in words; the subject follows. */
export function actionInWords(action: string): string {
  const verb = wholeActions[action] ?? verbs[action.slice(action.lastIndexOf('.') + 1)];
  return verb ?? humanise(action).replace(/^./, (c) => c.toUpperCase());
}

const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);

/** What the entry is about, in words, and where it lives in the app: "key question “prevent” in review #1" → /reviews/1#questions. */
export function subjectInWords(entry: Pick<AuditEntry, 'entityType' | 'entityId' | 'incidentId' | 'before' | 'after'>): { text: string; link: string | null } {
  const record = entry.after ?? entry.before;
  const reviewId = field(record, 'reviewId');
  const title = field(record, 'title');
  const named = typeof title === 'string' && title ? ` “${title.length > 60 ? `${title.slice(0, 59)}…` : title}”` : '';
  const inIncident = entry.incidentId !== null ? `/incidents/${entry.incidentId}` : null;
  switch (entry.entityType) {
    case 'incident':
      return { text: `incident #${entry.entityId}${named}`, link: `/incidents/${entry.entityId}` };
    case 'review':
      return { text: `review #${entry.entityId}`, link: `/reviews/${entry.entityId}` };
    case 'review_answer': {
      const [review, key = ''] = entry.entityId.split(':');
      return { text: `key question “${humanise(key)}” in review #${review}`, link: `/reviews/${review}#questions` };
    }
    case 'action_item':
    case 'factor':
    case 'whys': {
      const anchor = { action_item: 'action-items', factor: 'factors', whys: 'whys' }[entry.entityType];
      return { text: `${nouns[entry.entityType]} #${entry.entityId}${named}`, link: typeof reviewId === 'number' ? `/reviews/${reviewId}#${anchor}` : inIncident };
    }
    case 'job':
      return { text: `job #${entry.entityId}`, link: `/admin/jobs?job=${entry.entityId}` };
    default:
      return { text: `${nouns[entry.entityType] ?? humanise(entry.entityType)} #${entry.entityId}`, link: inIncident };
  }
}
