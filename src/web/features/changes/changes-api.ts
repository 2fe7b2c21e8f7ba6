import type { z } from 'zod';
import type { ChangeImportResult, changeImportRequestSchema, SuspectList } from '../../../shared/changes/change.schema.js';
import { api } from '../../api/client.js';

export type ChangeImportInput = z.input<typeof changeImportRequestSchema>;

export const changesApi = {
  /** With dryRun, only reads the list; otherwise stores the changes not imported before. */
  importList: (input: ChangeImportInput) => api.post<ChangeImportResult>('/api/changes/import', input),
  suspects: (incidentId: number, signal?: AbortSignal) => api.get<SuspectList>(`/api/incidents/${incidentId}/suspect-changes`, undefined, signal),
};
