import type { ChangeEvent, ChangeKind, ChangeSource, ParsedChange } from '../../shared/changes/change.schema.js';
import type { ChangeRow, ChangeValues } from './changes.repo.js';

export const toChangeEvent = (row: ChangeRow): ChangeEvent => ({
  id: row.id,
  service: row.service,
  kind: row.kind as ChangeKind,
  title: row.title,
  description: row.description,
  author: row.author,
  occurredAt: row.occurred_at,
  link: row.link,
  environment: row.environment,
  source: row.source as ChangeSource,
  externalId: row.external_id,
  createdAt: row.created_at,
});

export const toChangeValues = (change: Omit<ParsedChange, 'source'> & { source: ChangeSource }, userId: number | null, nowIso: string): ChangeValues => ({
  service: change.service,
  kind: change.kind,
  title: change.title,
  description: change.description,
  author: change.author,
  occurred_at: change.occurredAt,
  occurred_at_ms: Date.parse(change.occurredAt),
  link: change.link,
  environment: change.environment,
  source: change.source,
  external_id: change.externalId,
  created_by_user_id: userId,
  created_at: nowIso,
});
