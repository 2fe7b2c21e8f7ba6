import { zipSync, type Zippable } from 'fflate';
import type { KnowledgeBaseReview, WikiExportFormat } from '../../shared/knowledge-base/knowledge-base.schema.js';
import { heading, link, paragraph, renderMarkdown, table, text, type Block } from '../../shared/reviews/markdown/mdast.js';
import type { AppContext } from '../context.js';
import { listPublishedReviews } from '../knowledge-base/knowledge-base.service.js';
import { getReviewDocument } from '../review-document/review-document.service.js';
import { wikiPathOf } from './file-names.js';
import { renderHtml } from './html.js';
import { exportedIncident, extensions, renderReviewAs } from './review-export.service.js';

/**
 * The knowledge base as a wiki folder (F16): every published review the caller may read as one
 * Markdown or HTML file, a folder per year, and an index, in one zip. Names come from the incident
 * (wikiPathOf) and the zip is deterministic (sorted entries, fixed times), so exporting again after
 * a change and committing the result to a docs repository shows only what changed.
 */

/** Zip entries' modification time: fixed, so the same reviews always give the same bytes. */
const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');

interface WikiEntry {
  path: string;
  review: KnowledgeBaseReview;
}

function indexMarkdown(entries: WikiEntry[]): string {
  const years = [...new Set(entries.map((entry) => entry.path.slice(0, 4)))];
  const blocks: Block[] = [
    heading(1, 'Knowledge base'),
    paragraph(text(`${entries.length} published post-incident review${entries.length === 1 ? '' : 's'}, newest incident first.`)),
    ...years.flatMap((year) => [
      heading(2, year),
      table(
        ['Incident', 'Severity', 'Services', 'Published'],
        entries
          .filter((entry) => entry.path.startsWith(`${year}/`))
          .map(({ path, review }) => [link(`#${review.incidentId} ${review.title}`, path), review.severity, review.services.join(', '), review.publishedAt.slice(0, 10)]),
      ),
    ]),
  ];
  return renderMarkdown(blocks);
}

/** The zip of every published review the caller may read, in `format`, with `index.md` or `index.html`. */
export async function exportWikiArchive(ctx: AppContext, format: WikiExportFormat): Promise<Buffer> {
  const reviews = await listPublishedReviews(ctx);
  const files: Zippable = {};
  const entries: WikiEntry[] = [];
  const extension = extensions[format];
  for (const review of reviews) {
    const doc = await getReviewDocument(ctx, review.reviewId);
    const path = wikiPathOf(exportedIncident(doc), extension);
    entries.push({ path, review });
    files[path] = [Buffer.from(await renderReviewAs(doc, format)), { mtime: FIXED_MTIME }];
  }
  entries.sort((a, b) => (a.path < b.path ? 1 : a.path > b.path ? -1 : 0));
  const index = indexMarkdown(entries);
  const indexFile = format === 'markdown' ? index : renderHtml(index, { title: 'Knowledge base' });
  const sorted: Zippable = { [`index.${extension}`]: [Buffer.from(indexFile), { mtime: FIXED_MTIME }] };
  for (const { path } of entries) sorted[path] = files[path]!;
  return Buffer.from(zipSync(sorted, { level: 6 }));
}
