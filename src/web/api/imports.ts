import type { z } from 'zod';
import type { importRequestSchema, ImportResult } from '../../shared/imports/import.schema.js';
import type { ChatImportRequest, ChatImportResult } from '../../shared/imports/chat/chat-import.schema.js';
import { api } from './client.js';

export type ImportRequestInput = z.input<typeof importRequestSchema>;

export const importsApi = {
  /** With dryRun, only reads the documents; otherwise creates what they describe. */
  run: (request: ImportRequestInput) => api.post<ImportResult>('/api/imports', request),
  /** Proposes chat messages as timeline entries; stores nothing. */
  chat: (request: ChatImportRequest) => api.post<ChatImportResult>('/api/imports/chat', request),
};
