import type { ReviewExportFormat } from '../../shared/knowledge-base/knowledge-base.schema.js';
import { incidentStartOf } from '../../shared/knowledge-base/incident-start.js';
import type { ReviewDocument } from '../../shared/reviews/review-document.schema.js';
import { renderReviewMarkdown } from '../../shared/reviews/review-markdown.js';
import type { AppContext } from '../context.js';
import { getReviewDocument } from '../review-document/review-document.service.js';
import { exportBaseName, type ExportedIncident } from './file-names.js';
import { renderHtml } from './html.js';
import { renderPdf } from './pdf.js';

/** A file to download: its bytes or text, media type and name. */
export interface ExportedFile {
  body: string | Buffer;
  contentType: string;
  fileName: string;
}

export const contentTypes: Record<ReviewExportFormat | 'zip', string> = {
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  zip: 'application/zip',
};
export const extensions: Record<ReviewExportFormat, string> = { markdown: 'md', html: 'html', pdf: 'pdf' };

export const exportedIncident = ({ incident }: ReviewDocument): ExportedIncident => ({ id: incident.id, title: incident.title, startedAt: incidentStartOf(incident) });

/** The title of an exported review: the incident's number and title. */
export const exportTitle = ({ incident }: ReviewDocument): string => `Incident #${incident.id}: ${incident.title}`;

/** The review as text or bytes in `format`, from its Markdown (the one rendering of a review). */
export async function renderReviewAs(doc: ReviewDocument, format: ReviewExportFormat): Promise<string | Buffer> {
  const markdown = renderReviewMarkdown(doc);
  if (format === 'markdown') return markdown;
  if (format === 'html') return renderHtml(markdown, { title: exportTitle(doc), footer: 'Exported from Hindsight' });
  return renderPdf(markdown, { title: exportTitle(doc) });
}

/** GET /api/reviews/{id}/export: the review (404 when the caller may not see it) as a file. */
export async function exportReview(ctx: AppContext, reviewId: number, format: ReviewExportFormat): Promise<ExportedFile> {
  const doc = await getReviewDocument(ctx, reviewId);
  return { body: await renderReviewAs(doc, format), contentType: contentTypes[format], fileName: `${exportBaseName(exportedIncident(doc))}.${extensions[format]}` };
}
