import { Fragment } from 'react';
import type { PartKey } from '../../../../shared/reviews/review-part.js';
import { partsInTemplateOrder } from '../../../../shared/reviews/review-parts.js';
import { templateSections, type SectionSource } from '../../../../shared/reviews/review-templates.js';
import { readParts, restOf, showSource, type ReadBlock, type ReadDoc } from './read-parts.js';

/** Blocks with the same heading read as one (a part's leftovers next to another's under "Learnings"). */
function merged(blocks: ReadBlock[]): ReadBlock[] {
  const byHeading = new Map<string, ReadBlock>();
  for (const block of blocks) {
    const known = byHeading.get(block.heading);
    byHeading.set(block.heading, known ? { heading: block.heading, content: [known.content, block.content] } : block);
  }
  return [...byHeading.values()];
}

/**
 * The review's sections in its template's order, each showing what the parts hold for it; then
 * what the parts hold that the template has no section for (a part's leftovers marked to nest go
 * under the section of the part before it instead).
 */
export function ReadBody({ doc }: { doc: ReadDoc }) {
  const sections = templateSections[doc.review.template].sections;
  const order = partsInTemplateOrder(doc.review.template);
  const shown = new Map<PartKey, SectionSource[]>(order.map((key) => [key, sections.flatMap((s) => s.sources.filter((source) => source.part === key))]));
  const nests = (key: PartKey) => readParts[key].nestsUnderPrevious === true;
  /** The nesting parts whose leftovers go under `section`: it shows the part just before them. */
  const nestedUnder = (sources: SectionSource[]) =>
    order.filter((key, i) => nests(key) && i > 0 && sources.some((s) => s.part === order[i - 1])).flatMap((key) => restOf(doc, key, shown.get(key) ?? []));
  const trailing = merged(order.filter((key) => !nests(key)).flatMap((key) => restOf(doc, key, shown.get(key) ?? [])));

  return (
    <>
      {sections.map((section) => {
        const contents = section.sources.map((source) => showSource(doc, source)).filter((c) => c !== null);
        return (
          <Fragment key={section.key}>
            <h2>{section.label}</h2>
            {contents.length ? contents.map((content, i) => <Fragment key={i}>{content}</Fragment>) : <p className="hs-empty">Nothing recorded yet.</p>}
            {nestedUnder(section.sources).map((block) => (
              <Fragment key={block.heading}>
                <h3>{block.heading}</h3>
                {block.content}
              </Fragment>
            ))}
          </Fragment>
        );
      })}
      {trailing.map((block) => (
        <Fragment key={block.heading}>
          <h2>{block.heading}</h2>
          {block.content}
        </Fragment>
      ))}
    </>
  );
}
