/** The review's own prose: summary, impact and learnings (F4). */
import { paragraph, section, text, userBlock, userMarkdown, type Block } from './markdown/mdast.js';
import { definePart, type DocumentParts } from './review-part.js';
import { factorBlocks } from './factors.part.js';

const written = (value: string | null | undefined): number => (value?.trim() ? 1 : 0);

export const summaryPart = definePart({
  key: 'summary',
  label: 'Summary',
  count: ({ review }) => written(review.summary),
  markdown: ({ review }) => section('Summary', ...userBlock(review.summary, 'No summary yet.')),
  texts: ({ review }) => [{ field: 'summary', text: review.summary }],
});

export const impactPart = definePart({
  key: 'impact',
  label: 'Impact',
  count: ({ review }) => written(review.impact),
  markdown: ({ review, incident }) => section('Impact', ...userBlock(review.impact ?? incident.customerImpact, 'Impact not described yet.')),
  texts: ({ review, incident }) => [
    { field: 'impact', text: review.impact },
    { field: 'incident.customerImpact', text: incident.customerImpact },
  ],
});

/** What the organisation should remember: the review's own words, then the learnings among the factors. */
export const learningsPart = definePart({
  key: 'learnings',
  label: 'Learnings',
  count: ({ review }) => written(review.learnings),
  markdown(doc) {
    const factors = doc.factors.filter((f) => f.kind === 'learning');
    const intro: Block[] = doc.review.learnings?.trim() ? userMarkdown(doc.review.learnings.trim()) : [];
    const content = [...intro, ...factors.flatMap((f) => factorBlocks(f, doc))];
    return section('Learnings', ...(content.length ? content : [paragraph(text('No learnings recorded.'))]));
  },
  texts: ({ review }: DocumentParts) => [{ field: 'learnings', text: review.learnings }],
});

