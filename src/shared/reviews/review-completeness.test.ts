import { describe, expect, it } from 'vitest';
import { entry, factor, partsOf, review } from '../../../test/support/documents.js';
import type { FactorKind } from './factor.schema.js';
import { computeCompleteness } from './review-completeness.js';
import type { ReviewTemplate } from './review-templates.js';
import { reviewTemplates, templateSections } from './review-templates.js';
import type { Whys } from './whys.schema.js';

const withTemplate = (template: ReviewTemplate, text: Partial<Record<'summary' | 'impact' | 'learnings', string>> = {}) => ({ ...review, template, ...text });
const factorsOf = (kinds: FactorKind[]) => kinds.map((kind, i) => factor(i + 1, kind, `Factor ${i + 1}`));
const timelineOf = (n: number) => Array.from({ length: n }, (_, i) => entry(i + 1, '2026-03-10T09:00:00Z', `Entry ${i + 1}`));
const chain = { id: 1, reviewId: 3, position: 1, title: 'Why', steps: [], systemicCause: null, factorIds: [], version: 1, createdAt: '', updatedAt: '' } satisfies Whys;

describe('computeCompleteness', () => {
  it.each(reviewTemplates)('reports every section of %s as empty for an empty review', (template) => {
    const result = computeCompleteness(partsOf({ review: withTemplate(template) }));
    expect(result).toMatchObject({ template, filled: 0, total: templateSections[template].sections.length });
    expect(result.sections.every((s) => !s.filled && s.count === 0)).toBe(true);
  });

  it('counts what each section of the sources format holds', () => {
    const result = computeCompleteness(
      partsOf({
        review: withTemplate('sources', { summary: 'One paragraph.', impact: 'x', learnings: '  ' }),
        timeline: timelineOf(12),
        factors: factorsOf(['contributor', 'contributor', 'mitigator', 'risk']),
        whys: [chain],
        answers: { went_well: 'The rollback was quick.' },
      }),
    );
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
    const learnings = (parts: Parameters<typeof partsOf>[0]) => computeCompleteness(partsOf(parts)).sections.find((s) => s.key === 'learnings');
    expect(learnings({ review: withTemplate('gitlab', { learnings: '   ' }) })).toMatchObject({ filled: false });
    expect(learnings({ review: withTemplate('gitlab'), factors: factorsOf(['learning']) })).toMatchObject({ filled: true, count: 1 });
    expect(learnings({ review: withTemplate('gitlab', { learnings: 'x' }), answers: { learned_about_system: 'It queues.' } })).toMatchObject({ count: 2 });
  });
});
