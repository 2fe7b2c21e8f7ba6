import type {
  ExternalSummary,
  ExternalSummaryCreated,
  SharedSummary,
  SummaryCreate,
  SummaryPreview,
  SummaryPreviewRequest,
} from '../../shared/sharing/external-summary.schema.js';
import { api } from './client.js';

export const sharingApi = {
  preview: (reviewId: number, body: SummaryPreviewRequest) => api.post<SummaryPreview>(`/api/reviews/${reviewId}/external-summaries/preview`, body),
  create: (reviewId: number, body: SummaryCreate) => api.post<ExternalSummaryCreated>(`/api/reviews/${reviewId}/external-summaries`, body),
  list: (reviewId: number, signal?: AbortSignal) => api.get<{ items: ExternalSummary[] }>(`/api/reviews/${reviewId}/external-summaries`, undefined, signal),
  revoke: (reviewId: number, summaryId: number) => api.post<ExternalSummary>(`/api/reviews/${reviewId}/external-summaries/${summaryId}/revoke`),
  markdownUrl: (reviewId: number, summaryId: number) => `/api/reviews/${reviewId}/external-summaries/${summaryId}/markdown`,
  pdfUrl: (reviewId: number, summaryId: number) => `/api/reviews/${reviewId}/external-summaries/${summaryId}/pdf`,
  shared: (token: string, signal?: AbortSignal) => api.get<SharedSummary>(`/api/shared/${encodeURIComponent(token)}`, undefined, signal),
};

/** The page a link opens, on this server. */
export const sharedLinkOf = (token: string) => `${window.location.origin}/shared/${token}`;
