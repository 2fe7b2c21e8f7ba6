import { describe, expect, it } from 'vitest';
import { QUALITY_WEIGHTS, scoreReview, type ReviewQualityInput } from './quality-score.js';

const SECTIONS = ['Summary', 'Impact', 'Timeline', 'Factors', 'Five whys', 'Questions', 'Action items', 'Learnings'];

const review = (over: Partial<ReviewQualityInput> = {}): ReviewQualityInput => ({
  sections: SECTIONS.map((label) => ({ key: label.toLowerCase(), label, filled: true })),
  texts: [{ field: 'summary', text: 'At 09:05 Bob rolled back the release and checkout recovered.' }],
  people: ['Bob Hansen'],
  actionItems: [
    { id: 1, title: 'Run terraform plan in CI on every pull request', owner: 'Bob', dueDate: '2025-03-31', factorIds: [1] },
  ],
  contributors: [{ id: 1, title: 'Pipeline applies on pull requests' }],
  ...over,
});

describe('scoreReview', () => {
  it('weights the three parts 40/30/30', () => {
    expect(QUALITY_WEIGHTS.completeness + QUALITY_WEIGHTS.blamelessness + QUALITY_WEIGHTS.actionCoverage).toBe(100);
  });

  it('gives a complete, blameless, covered review 100 with positive reasons', () => {
    const result = scoreReview(review());
    expect(result.score).toBe(100);
    expect(result.parts).toEqual({ completeness: 100, blamelessness: 100, actionCoverage: 100 });
    expect(result.reasons).toEqual([
      'All 8 sections are filled in.',
      'No blaming or counterfactual language found.',
      'All 1 contributors have an action item or an accepted risk.',
      'All 1 action items are specific, owned, dated and linked to a factor.',
    ]);
  });

  it('scores an empty review low and says why', () => {
    const result = scoreReview({
      sections: SECTIONS.map((label) => ({ key: label, label, filled: false })),
      texts: [],
      actionItems: [],
      contributors: [],
    });
    expect(result.parts).toEqual({ completeness: 0, blamelessness: 100, actionCoverage: 0 });
    expect(result.score).toBe(30);
    expect(result.reasons[0]).toBe(`8 of 8 sections are empty: ${SECTIONS.join(', ')}.`);
  });

  it.each([
    [[true, true, false, false], 50],
    [[true, false, false, false], 25],
    [[], 100],
  ])('completeness of %j is %i', (filled, expected) => {
    const sections = filled.map((f, i) => ({ key: `s${i}`, label: `S${i}`, filled: f }));
    expect(scoreReview(review({ sections })).parts.completeness).toBe(expected);
  });

  it('takes 10 points per warning and 4 per info finding, with the field and excerpt in the reason', () => {
    const result = scoreReview(
      review({
        texts: [
          { field: 'summary', text: 'The root cause was human error.' },
          { field: 'learnings', text: 'We should have caught this in staging.' },
        ],
      }),
    );
    expect(result.parts.blamelessness).toBe(86);
    expect(result.languageFindings.map((f) => [f.field, f.rule])).toEqual([
      ['summary', 'human-error'],
      ['learnings', 'counterfactual'],
    ]);
    expect(result.reasons[1]).toBe('2 phrases read as blame or hindsight: "human error" (in summary), "We should have" (in learnings).');
  });

  it('names a field in words when the text carries a label, never its internal path', () => {
    const result = scoreReview(review({ texts: [{ field: 'actionItems.4.title', label: 'the title of action item “Be more careful”', text: 'Engineers should be more careful.' }] }));
    expect(result.reasons[1]).toContain('(in the title of action item “Be more careful”)');
    expect(result.reasons[1]).not.toContain('actionItems.4');
  });

  it('mixes contributor coverage (60%) with action item quality (40%)', () => {
    const result = scoreReview(
      review({
        actionItems: [{ id: 7, title: 'Test more', owner: null, dueDate: '2025-01-01', factorIds: [1] }],
        contributors: [
          { id: 1, title: 'Pipeline applies on pull requests' },
          { id: 2, title: 'No alert on certificate expiry' },
        ],
      }),
    );
    expect(result.parts.actionCoverage).toBe(30);
    expect(result.reasons[2]).toBe('1 of 2 contributors have no action item or accepted risk: "No alert on certificate expiry".');
    expect(result.reasons[3]).toBe('1 of 1 action items need attention: 1 vague, 1 without owner.');
    expect(result.actionFindings.map((f) => f.rule)).toEqual(['vague', 'missing-owner', 'uncovered-contributor']);
  });

  it('counts accepted risks as covered', () => {
    const result = scoreReview(review({ actionItems: [], contributors: [{ id: 1, title: 'Single AZ', acceptedRisk: true }] }));
    expect(result.parts.actionCoverage).toBe(100);
  });

  it('always returns integers between 0 and 100', () => {
    const text = Array.from({ length: 20 }, () => 'Bob broke prod through human error.').join(' ');
    const result = scoreReview(review({ texts: [{ field: 'summary', text }] }));
    expect(result.parts.blamelessness).toBe(0);
    for (const value of [result.score, ...Object.values(result.parts)]) {
      expect(Number.isInteger(value) && value >= 0 && value <= 100).toBe(true);
    }
  });
});
