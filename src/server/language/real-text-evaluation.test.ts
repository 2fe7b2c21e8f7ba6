/**
 * The blameless checker and the action-item wording rules on real postmortems
 * (test/fixtures/language/, docs/language.md). Prints the figures of each part and fails when
 * they fall below the floors: issue 14's targets where they are met, the measured figures
 * (rounded down) where they are not yet, so that a change can only move them up.
 *
 * The sentences from ../shared/data are always there; those from fetched repositories only when
 * their files have been materialised (scripts/language-sources.mjs), and are then scored too.
 */
import { describe, expect, it } from 'vitest';
import {
  evaluateActionItems,
  evaluateRealSentences,
  formatActionEvaluation,
  formatEvaluation,
  type Evaluation,
} from '../../../test/fixtures/language/real-evaluation.js';
import { readRecords } from '../../../test/fixtures/language/real-sentences.js';

/** Issue 14's acceptance targets. */
const TARGET = { precision: 0.9, recall: 0.85, kindRecall: 0.7, kindMinimum: 10, hardNegativeRate: 0.03 };
/**
 * Floors on the test part, just under the measured figures (docs/language.md): precision 0.968
 * and recall 0.909 with every source, 0.944 and 1.000 on the ../shared/data sentences alone (what
 * CI reads). Both are above issue 14's targets; the part is small (33 blaming sentences), so one
 * sentence moves recall by 0.03 and precision by about 0.03.
 */
const TEST_FLOOR = { precision: 0.94, recall: 0.9 };

function report(evaluation: Evaluation): void {
  const marks = [
    `precision ${evaluation.precision >= TARGET.precision ? 'meets' : 'is below'} the target ${TARGET.precision}`,
    `recall ${evaluation.recall >= TARGET.recall ? 'meets' : 'is below'} the target ${TARGET.recall}`,
  ];
  console.log(`${formatEvaluation(evaluation)}\n(${marks.join('; ')})`);
}

function expectKindsAndHardNegatives(evaluation: Evaluation): void {
  for (const [kind, figures] of Object.entries(evaluation.perKind)) {
    if (figures.sentences >= TARGET.kindMinimum) expect(figures.recall, kind).toBeGreaterThanOrEqual(TARGET.kindRecall);
  }
  expect(evaluation.hardNegatives.rate).toBeLessThanOrEqual(TARGET.hardNegativeRate);
}

describe('blameless language on real postmortems', () => {
  it('has a development set of at least 1,500 labelled sentences, split by document', () => {
    const records = readRecords();
    expect(records.length).toBeGreaterThanOrEqual(1500);
    const partsOfDocument = new Map<string, Set<string>>();
    for (const record of records) partsOfDocument.set(record.doc, (partsOfDocument.get(record.doc) ?? new Set()).add(record.split));
    expect([...partsOfDocument.values()].filter((parts) => parts.size > 1)).toEqual([]);
    const neutral = records.filter((r) => r.kind === 'neutral');
    expect(neutral.filter((r) => r.hardNegative.length > 0).length / neutral.length).toBeGreaterThan(0.75);
  });

  it('reads every sentence it can from its file, unchanged', () => {
    const evaluation = evaluateRealSentences('all');
    expect(evaluation.drifted).toBe(0);
    expect(evaluation.sentences).toBeGreaterThanOrEqual(1500);
  });

  it('holds its figures on the test part', () => {
    const test = evaluateRealSentences('test');
    report(test);
    expect(test.precision).toBeGreaterThanOrEqual(TEST_FLOOR.precision);
    expect(test.recall).toBeGreaterThanOrEqual(TEST_FLOOR.recall);
    expectKindsAndHardNegatives(test);
  });

  it('meets the targets on the tune part and on the hand-written tuning variants', () => {
    for (const part of ['tune', 'synthetic'] as const) {
      const evaluation = evaluateRealSentences(part);
      report(evaluation);
      expect(evaluation.precision).toBeGreaterThanOrEqual(TARGET.precision);
      expect(evaluation.recall).toBeGreaterThanOrEqual(TARGET.recall);
      expectKindsAndHardNegatives(evaluation);
    }
  });
});

describe('action-item wording on real postmortems', () => {
  it('has at least 200 labelled real action items', () => {
    expect(evaluateActionItems('all').items + evaluateActionItems('all').unavailable).toBeGreaterThanOrEqual(200);
  });

  it('holds its figures on both parts', () => {
    const tune = evaluateActionItems('tune');
    const test = evaluateActionItems('test');
    console.log(`${formatActionEvaluation(tune)}\n${formatActionEvaluation(test)}`);
    expect(tune.flagged.precision).toBeGreaterThanOrEqual(0.9);
    expect(tune.flagged.recall).toBeGreaterThanOrEqual(0.8);
    expect(test.flagged.precision).toBeGreaterThanOrEqual(0.9);
    expect(test.flagged.recall).toBeGreaterThanOrEqual(0.6);
  });
});
