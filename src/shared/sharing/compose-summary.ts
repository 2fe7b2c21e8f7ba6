/**
 * An external summary's first text: the sections the author chose, from the published review
 * alone, as Markdown built with the review's Markdown builders (reviews/markdown/mdast.ts). Leaner than the internal export: no
 * authors, owners, sources, categories or tracker links, which mean nothing outside (and often
 * name people). Pure: the review document in, Markdown out (also what a PDF renderer can take).
 */
import { heading, list, paragraph, renderMarkdown, section, table, text, timestamp, userMarkdown, type Block } from '../reviews/markdown/mdast.js';
import type { ActionItemStatus } from '../actions/action-item.schema.js';
import type { ReviewDocument } from '../reviews/review-document.schema.js';
import type { FactorKind } from '../reviews/factor.schema.js';
import { summarySectionLabels, summarySections, type SummarySection } from './external-summary.schema.js';

type Doc = ReviewDocument;

const written = (value: string | null | undefined): Block[] => (value?.trim() ? userMarkdown(value.trim()) : []);
/** A `##` section, or nothing when it has no content: an outside reader needs no "not written yet". */
const titled = (key: SummarySection, blocks: Block[]): Block[] => (blocks.length ? section(summarySectionLabels[key], ...blocks) : []);

/** Title and description only: categories and tags are internal vocabulary. */
function factorsOf(doc: Doc, kind: FactorKind): Block[] {
  return doc.factors.filter((f) => f.kind === kind).flatMap((f) => [heading(3, f.title), ...(f.description?.trim() ? userMarkdown(f.description.trim(), 4) : [])]);
}

const statusWords: Record<ActionItemStatus, string> = { proposed: 'planned', soaking: 'planned', accepted: 'planned', in_progress: 'in progress', done: 'done', declined: 'not pursued' };

const builders: Record<SummarySection, (doc: Doc) => Block[]> = {
  summary: ({ review }) => titled('summary', written(review.summary)),
  impact: ({ review, incident }) => titled('impact', written(review.impact ?? incident.customerImpact)),
  timeline(doc) {
    const entries = doc.timeline
      .filter((e) => !e.deleted)
      .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.id - b.id)
      .map((e) => [timestamp(e.occurredAt), e.text]);
    return titled('timeline', entries.length ? [table(['Time', 'Event'], entries)] : []);
  },
  contributingFactors: (doc) => titled('contributingFactors', factorsOf(doc, 'contributor')),
  whatWentWell(doc) {
    const answer = doc.questions.find((q) => q.key === 'went_well')?.answer;
    return titled('whatWentWell', [...written(answer), ...factorsOf(doc, 'mitigator')]);
  },
  actionItems(doc) {
    const items = doc.actionItems.map((a) => [text(`${a.title.replace(/\s+/g, ' ').trim()} (${statusWords[a.status]})`)]);
    return titled('actionItems', items.length ? [list(items)] : []);
  },
  lessons: (doc) => titled('lessons', [...written(doc.review.learnings), ...factorsOf(doc, 'learning')]),
};

/** The chosen sections in their fixed order, under the incident's title and dates; empty sections are left out. */
export function composeExternalSummary(doc: Doc, sections: readonly SummarySection[]): string {
  const { incident } = doc;
  const started = incident.impactStartedAt ?? incident.detectedAt;
  const dates = [started ? `Started: ${timestamp(started)}` : '', incident.resolvedAt ? `Resolved: ${timestamp(incident.resolvedAt)}` : ''].filter(Boolean).join(' · ');
  const body = summarySections.filter((key) => sections.includes(key)).flatMap((key) => builders[key](doc));
  return renderMarkdown([heading(1, incident.title), ...(dates ? [paragraph(text(dates))] : []), ...body]);
}
