import type { TrackerConnection, TrackerIssue, TrackerKind } from '../../shared/trackers/tracker.schema.js';
import type { TrackerConnectionRow, TrackerIssueWithTracker } from './trackers.repo.js';
import type { TrackerAccess } from './clients/types.js';

export const webhookPathOf = (id: number) => `/api/trackers/${id}/webhook`;

export const toConnection = (row: TrackerConnectionRow, services: string[]): TrackerConnection => ({
  id: row.id,
  name: row.name,
  kind: row.kind as TrackerKind,
  baseUrl: row.base_url,
  project: row.project,
  username: row.username,
  isDefault: row.is_default === 1,
  services,
  webhookPath: webhookPathOf(row.id),
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** What the audit log keeps of a connection: never its token or secret. */
export const auditedConnection = (connection: TrackerConnection | null) => connection && { ...connection, token: '(kept)', webhookSecret: '(kept)' };

export const accessOf = (row: TrackerConnectionRow): TrackerAccess => ({
  kind: row.kind as TrackerKind,
  baseUrl: row.base_url,
  project: row.project,
  username: row.username,
  token: row.token,
});

export const toTrackerIssue = (row: TrackerIssueWithTracker): TrackerIssue => ({
  actionItemId: row.action_item_id,
  trackerId: row.connection_id,
  trackerName: row.tracker_name,
  kind: row.tracker_kind as TrackerKind,
  state: row.state as TrackerIssue['state'],
  key: row.issue_key,
  url: row.url,
  assignee: row.assignee,
  error: row.error,
  updatedAt: row.updated_at,
});
