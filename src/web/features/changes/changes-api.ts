import type { z } from 'zod';
import type { ChangeImportResult, changeImportRequestSchema, SuspectList } from '../../../shared/changes/change.schema.js';
import { api } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';

export type ChangeImportInput = z.input<typeof changeImportRequestSchema>;

export const changesApi = {
  /** With dryRun, only reads the list; otherwise stores the changes not imported before. */
  importList: (input: ChangeImportInput) => api.post<ChangeImportResult>('/api/changes/import', input),
  suspects: (incidentId: number, signal?: AbortSignal) => api.get<SuspectList>(`/api/incidents/${incidentId}/suspect-changes`, undefined, signal),
};

export const changeQueryKeys = {
  changes: ['changes'] as const,
  /** Under the timeline's key: every timeline change (here or live from others) refetches which suspects are on it. */
  suspects: (incidentId: number) => [...queryKeys.timeline(incidentId), 'suspect-changes'] as const,
};
