/** Contributors, mitigators and risks (F4): factors with their category, tags and timeline links. */
import type { Factor, FactorKind } from './factor.schema.js';
import { emphasis, heading, list, paragraph, section, text, timestamp, userMarkdown, type Block } from './markdown/mdast.js';
import type { ReviewDocument } from './review-document.schema.js';
import { definePart } from './review-part.js';

/** One factor: its title, what kind of factor it is, the author's description and its timeline entries. */
export function factorBlocks(f: Factor, doc: Pick<ReviewDocument, 'timeline'>): Block[] {
  const entries = new Map(doc.timeline.map((e) => [e.id, e]));
  const facts = [f.category ? `Category: ${f.category}` : '', f.tags.length ? `Tags: ${f.tags.join(', ')}` : '', f.acceptedRisk ? 'Accepted as a risk' : ''].filter(Boolean);
  const linked = f.timelineEntryIds.flatMap((id) => {
    const entry = entries.get(id);
    return entry ? [[text(`${timestamp(entry.occurredAt)}: ${entry.text.replace(/\s+/g, ' ').trim()}`)]] : [];
  });
  return [
    heading(3, f.title),
    ...(facts.length ? [paragraph(emphasis(text(facts.join(' · '))))] : []),
    ...(f.description?.trim() ? userMarkdown(f.description.trim(), 4) : []),
    ...(linked.length ? [paragraph(text('Timeline:')), list(linked)] : []),
  ];
}

const sections: Array<[FactorKind, string, string]> = [
  ['contributor', 'Contributors', 'No contributors recorded.'],
  ['mitigator', 'Mitigators', 'No mitigators recorded.'],
  ['risk', 'Risks', 'No risks recorded.'],
];

export const factorsPart = definePart({
  key: 'factors',
  label: 'Contributors, mitigators and risks',
  count: ({ factors }, source) => factors.filter((f) => f.kind === source.kind).length,
  markdown: (doc) =>
    sections.flatMap(([kind, title, empty]) => {
      const items = doc.factors.filter((f) => f.kind === kind).flatMap((f) => factorBlocks(f, doc));
      return section(title, ...(items.length ? items : [paragraph(emphasis(text(empty)))]));
    }),
  texts: ({ factors }) =>
    factors.flatMap((f) => [
      { field: `factors.${f.id}.title`, text: f.title },
      { field: `factors.${f.id}.description`, text: f.description },
    ]),
});
