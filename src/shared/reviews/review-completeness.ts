/**
 * Completeness of a review against its template (F4): per section, whether it has content and how
 * many items it holds, as each review part counts its own. Reported, never enforced: an empty
 * section is a fact to show, not an error.
 */
import type { DocumentParts } from './review-part.js';
import { reviewParts } from './review-parts.js';
import { templateSections, type ReviewTemplate, type SectionSource } from './review-templates.js';

export interface SectionCompleteness {
  key: string;
  label: string;
  filled: boolean;
  count: number;
}

export interface Completeness {
  template: ReviewTemplate;
  filled: number;
  total: number;
  sections: SectionCompleteness[];
}

const countSource = (parts: DocumentParts, source: SectionSource): number =>
  // Each source names its part; the part counts the selection the source makes.
  (reviewParts[source.part].count as (parts: DocumentParts, source: SectionSource) => number)(parts, source);

export function computeCompleteness(parts: DocumentParts): Completeness {
  const { template } = parts.review;
  const sections = templateSections[template].sections.map((section) => {
    const count = section.sources.reduce((sum, source) => sum + countSource(parts, source), 0);
    return { key: section.key, label: section.label, filled: count > 0, count };
  });
  return { template, filled: sections.filter((s) => s.filled).length, total: sections.length, sections };
}
