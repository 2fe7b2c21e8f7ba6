/**
 * Completeness of a review against its template (F4): per section, whether it has content and how
 * many items it holds. Reported, never enforced: an empty section is a fact to show, not an error.
 */
import type { FactorKind } from './factor.schema.js';
import type { QuestionKey } from './review-questions.js';
import { templateSections, type ReviewTemplate, type ReviewTextField, type SectionSource } from './review-templates.js';

export interface CompletenessInput {
  template: ReviewTemplate;
  text: Record<ReviewTextField, string | null>;
  timelineCount: number;
  factorKinds: FactorKind[];
  whysCount: number;
  answered: QuestionKey[];
  actionItemCount: number;
}

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

const hasText = (value: string | null) => value !== null && value.trim() !== '';

function countSource(source: SectionSource, input: CompletenessInput): number {
  switch (source.type) {
    case 'text':
      return hasText(input.text[source.field]) ? 1 : 0;
    case 'timeline':
      return input.timelineCount;
    case 'factors':
      return input.factorKinds.filter((kind) => kind === source.kind).length;
    case 'whys':
      return input.whysCount;
    case 'question':
      return input.answered.includes(source.key) ? 1 : 0;
    case 'actionItems':
      return input.actionItemCount;
  }
}

export function computeCompleteness(input: CompletenessInput): Completeness {
  const sections = templateSections[input.template].sections.map((section) => {
    const count = section.sources.reduce((sum, source) => sum + countSource(source, input), 0);
    return { key: section.key, label: section.label, filled: count > 0, count };
  });
  return { template: input.template, filled: sections.filter((s) => s.filled).length, total: sections.length, sections };
}
