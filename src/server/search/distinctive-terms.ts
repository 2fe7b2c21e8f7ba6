import { stopWords, wordsOf } from '../../shared/search/search-terms.js';

/** How much a word counts by where it is written: what a review is about is in its title, summary and factors. */
const fieldWeights = { title: 3, summary: 2, factors: 2, whys: 1.5, impact: 1, learnings: 1, timeline: 0.5 } as const;
export type DistinctiveSource = Record<keyof typeof fieldWeights, string>;

const MIN_LENGTH = 4;

/**
 * The words that best say what a review is about ("more like this"): frequent in its weightiest
 * fields, long rather than short, never stop words or bare numbers. Ties keep their first appearance.
 */
export function distinctiveTerms(source: DistinctiveSource, count = 8): string[] {
  const scores = new Map<string, number>();
  for (const [field, weight] of Object.entries(fieldWeights) as Array<[keyof DistinctiveSource, number]>) {
    for (const word of wordsOf(source[field])) {
      if (word.length < MIN_LENGTH || stopWords.has(word) || /^\p{N}+$/u.test(word)) continue;
      scores.set(word, (scores.get(word) ?? 0) + weight);
    }
  }
  return [...scores.entries()]
    .map(([word, score], order) => ({ word, score: score * Math.log(word.length), order }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, count)
    .map(({ word }) => word);
}
