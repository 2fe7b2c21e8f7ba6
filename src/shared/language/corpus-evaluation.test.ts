/**
 * Measures the blameless checker against the labelled corpus in
 * test/fixtures/language/corpus.json and fails below precision 0.9 / recall 0.85, or when
 * a neutral sentence that names a person performing an action gets any finding.
 * A sentence counts as predicted blaming when it gets at least one finding (any severity).
 *
 * Honest numbers: batch 1 was written together with the rules, so it flatters them.
 * Batch 2 (60 sentences) was written afterwards and measured unseen: precision 0.86,
 * recall 0.60. The rules were then generalised (idioms, plurals, inner adverbs) and
 * batch 3 (40 sentences) measured unseen: precision 0.89, recall 0.80. Expect roughly
 * that on new writing; every batch is now part of the regression set below.
 */
import { describe, expect, it } from 'vitest';
import corpusJson from '../../../test/fixtures/language/corpus.json' with { type: 'json' };
import { checkBlameless } from './blameless.js';

interface CorpusSentence {
  text: string;
  blaming: boolean;
  rules?: string[];
  personAction?: boolean;
  batch?: number;
}

interface Corpus {
  people: string[];
  sentences: CorpusSentence[];
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

// Imported rather than read from disk: src/shared stays free of Node APIs.
const corpus: Corpus = corpusJson;

function evaluate(people: string[]) {
  const overall: Tally = { tp: 0, fp: 0, fn: 0 };
  const perRule = new Map<string, Tally>();
  const perBatch = new Map<string, Tally>();
  const tally = (map: Map<string, Tally>, key: string) => map.get(key) ?? map.set(key, { tp: 0, fp: 0, fn: 0 }).get(key)!;
  const flaggedPersonActions: string[] = [];
  for (const sentence of corpus.sentences) {
    const found = new Set(checkBlameless(sentence.text, { people }).map((finding) => finding.rule));
    const expected = new Set(sentence.rules ?? []);
    for (const t of [overall, tally(perBatch, `batch ${sentence.batch ?? 1}`)]) {
      if (found.size > 0 && sentence.blaming) t.tp++;
      if (found.size > 0 && !sentence.blaming) t.fp++;
      if (found.size === 0 && sentence.blaming) t.fn++;
    }
    if (found.size > 0 && sentence.personAction) flaggedPersonActions.push(sentence.text);
    for (const rule of found) tally(perRule, rule)[expected.has(rule) ? 'tp' : 'fp']++;
    for (const rule of expected) if (!found.has(rule)) tally(perRule, rule).fn++;
  }
  return { overall, perRule, perBatch, flaggedPersonActions };
}

const precision = (t: Tally) => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
const recall = (t: Tally) => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));

function table(title: string, result: ReturnType<typeof evaluate>): string {
  const row = (name: string, t: Tally) =>
    `${name.padEnd(20)} ${precision(t).toFixed(3).padStart(9)} ${recall(t).toFixed(3).padStart(7)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}`;
  const sorted = (map: Map<string, Tally>) => [...map].sort(([a], [b]) => a.localeCompare(b));
  return [
    title,
    `${'rule'.padEnd(20)} precision  recall   tp   fp   fn`,
    ...sorted(result.perRule).map(([rule, t]) => row(rule, t)),
    ...sorted(result.perBatch).map(([batch, t]) => row(`${batch} (sentence)`, t)),
    row('overall (sentence)', result.overall),
  ].join('\n');
}

describe('blameless corpus evaluation', () => {
  it('has a balanced corpus of at least 300 sentences', () => {
    const blaming = corpus.sentences.filter((s) => s.blaming).length;
    expect(corpus.sentences.length).toBeGreaterThanOrEqual(300);
    expect(blaming / corpus.sentences.length).toBeGreaterThan(0.4);
    expect(blaming / corpus.sentences.length).toBeLessThan(0.6);
  });

  it('reaches precision >= 0.9 and recall >= 0.85 with the incident people known', () => {
    const result = evaluate(corpus.people);
    console.log(table(`corpus: ${corpus.sentences.length} sentences, people from options.people + compromise`, result));
    expect(precision(result.overall)).toBeGreaterThanOrEqual(0.9);
    expect(recall(result.overall)).toBeGreaterThanOrEqual(0.85);
  });

  it('never flags a neutral sentence that names a person performing an action', () => {
    expect(evaluate(corpus.people).flaggedPersonActions).toEqual([]);
  });

  it('reports how much compromise finds alone, without options.people (informational)', () => {
    const result = evaluate([]);
    console.log(table('without options.people (compromise person detection only)', result));
    expect(result.flaggedPersonActions).toEqual([]);
  });
});
