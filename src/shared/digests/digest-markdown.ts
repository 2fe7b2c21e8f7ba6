import { heading, list, paragraph, renderMarkdown, strong, text, type Block } from '../reviews/markdown/mdast.js';
import type { Digest } from './digest.schema.js';

export const digestTitle = (digest: Digest): string => {
  const scope = [digest.team?.name, digest.service].filter(Boolean).join(', ');
  return `Incident digest ${digest.week}${scope ? `: ${scope}` : ''}`;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The team digest as Markdown (built as an mdast tree, so people's text cannot break out of it). */
export function renderDigestMarkdown(digest: Digest, reviewUrl: (reviewId: number) => string): string {
  const blocks: Block[] = [
    heading(1, digestTitle(digest)),
    paragraph(text(`${digest.from.slice(0, 10)} to ${digest.until.slice(0, 10)} (${digest.timeZone}). ${plural(digest.published.length, 'review')} published, ${plural(digest.openActionItems, 'open action item')}, ${digest.overdueActionItems.length} overdue.`)),
    heading(2, 'Published reviews and what we learned'),
  ];
  if (digest.published.length === 0) blocks.push(paragraph(text('No review was published this week.')));
  for (const review of digest.published) {
    blocks.push(heading(3, `#${review.incidentId} ${review.title} (${review.severity.toUpperCase()})`));
    if (review.summary) blocks.push(paragraph(text(review.summary)));
    if (review.learnings.length) blocks.push(list(review.learnings.map((learning) => [text(learning)])));
    blocks.push(paragraph(text(`Read the review: ${reviewUrl(review.reviewId)}`)));
  }
  blocks.push(heading(2, 'Contributors that recur'));
  blocks.push(
    digest.recurringContributors.length === 0
      ? paragraph(text('None this week.'))
      : list(digest.recurringContributors.map((c) => [strong(text(c.label)), text(`: ${plural(c.thisWeek, 'incident')} this week, ${c.before} before${c.isNew ? ' (recurs for the first time)' : ''}`)])),
  );
  blocks.push(heading(2, 'Overdue action items'));
  blocks.push(
    digest.overdueActionItems.length === 0
      ? paragraph(text('None.'))
      : list(digest.overdueActionItems.map((item) => [text(`${item.title} — ${item.owner?.name ?? 'no owner'}, due ${item.dueDate} (incident #${item.incidentId})`)])),
  );
  return renderMarkdown(blocks);
}
