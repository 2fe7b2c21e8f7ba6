import { describe, expect, it } from 'vitest';
import { computeCompleteness, type CompletenessInput } from './review-completeness.js';
import { reviewTemplates, templateSections } from './review-templates.js';

const empty: CompletenessInput = {
  template: 'sources',
  text: { summary: null, impact: null, learnings: null },
  timelineCount: 0,
  factorKinds: [],
  whysCount: 0,
  answered: [],
  actionItemCount: 0,
};

describe('computeCompleteness', () => {
  it.each(reviewTemplates)('reports every section of %s as empty for an empty review', (template) => {
    const result = computeCompleteness({ ...empty, template });
    expect(result).toMatchObject({ template, filled: 0, total: templateSections[template].sections.length });
    expect(result.sections.every((s) => !s.filled && s.count === 0)).toBe(true);
  });

  it('counts what each section of the sources format holds', () => {
    const result = computeCompleteness({
      ...empty,
      text: { summary: 'One paragraph.', impact: 'x', learnings: '  ' },
      timelineCount: 12,
      factorKinds: ['contributor', 'contributor', 'mitigator', 'risk'],
      whysCount: 1,
      answered: ['went_well'],
    });
    expect(result.sections).toEqual([
      { key: 'summary', label: 'Incident summary', filled: true, count: 1 },
      { key: 'timeline', label: 'Timeline', filled: true, count: 12 },
      { key: 'contributors', label: 'Contributing factors', filled: true, count: 3 },
      { key: 'went_well', label: 'What went well', filled: true, count: 2 },
      { key: 'action_items', label: 'Action items', filled: false, count: 0 },
    ]);
    expect(result).toMatchObject({ filled: 4, total: 5 });
  });

  it('treats blank text as empty and fills gitlab learnings from text, learning factors or the question', () => {
    const learnings = (input: Partial<CompletenessInput>) =>
      computeCompleteness({ ...empty, template: 'gitlab', ...input }).sections.find((s) => s.key === 'learnings');
    expect(learnings({ text: { ...empty.text, learnings: '   ' } })).toMatchObject({ filled: false });
    expect(learnings({ factorKinds: ['learning'] })).toMatchObject({ filled: true, count: 1 });
    expect(learnings({ answered: ['learned_about_system'], text: { ...empty.text, learnings: 'x' } })).toMatchObject({ count: 2 });
  });
});
