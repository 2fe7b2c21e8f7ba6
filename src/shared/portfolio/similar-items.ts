import type { Severity } from '../incidents/incident.schema.js';

/**
 * The improvement portfolio's grouping (B8): action items from different incidents that ask for the
 * same improvement, found by the words of their titles and descriptions and by the contributor
 * categories they address. Deterministic and offline.
 */

const STOPWORDS = new Set(
  'the a an and or of to in on for with by from at as is are be was were this that these those it its into our we us all any add make ensure new more better when after before during about than then per via use using should must can will not no'.split(' '),
);

/** A word's plain form: lower case, and the commonest English endings taken off, so "alerts" meets "alerting". */
function stem(word: string): string {
  for (const ending of ['ing', 'ed', 'es', 's']) {
    if (word.length - ending.length >= 4 && word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word;
}

/** The words that say what an item is about. */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => word.length >= 3 && !STOPWORDS.has(word)).map(stem));
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Alike by words alone, or by fewer words when they address the same contributor category. */
export const SIMILAR_WORDS = 0.5;
export const SIMILAR_WORDS_SAME_CATEGORY = 0.3;

export interface PortfolioItem {
  id: number;
  text: string;
  incidentId: number;
  severity: Severity;
  userFacing: boolean;
  categories: string[];
}

/** A word shared by more items than this says little about any of them (e.g. "alert" in an SRE team): it finds no pairs. */
const COMMON_WORD_ITEMS = 200;

/** Groups of alike items (each at least two), by transitive likeness; items alone are left out. */
export function groupSimilar<T extends PortfolioItem>(items: T[]): T[][] {
  const words = items.map((item) => contentWords(item.text));
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const postings = new Map<string, number[]>();
  words.forEach((set, i) => set.forEach((word) => postings.set(word, [...(postings.get(word) ?? []), i])));
  const compared = new Set<string>();
  for (const list of postings.values()) {
    if (list.length > COMMON_WORD_ITEMS) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [i, j] = [list[x]!, list[y]!];
        const pair = `${i}:${j}`;
        if (compared.has(pair)) continue;
        compared.add(pair);
        const similarity = jaccard(words[i]!, words[j]!);
        const sameCategory = items[i]!.categories.some((c) => items[j]!.categories.includes(c));
        if (similarity >= SIMILAR_WORDS || (sameCategory && similarity >= SIMILAR_WORDS_SAME_CATEGORY)) parent[root(i)] = root(j);
      }
    }
  }
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), item]));
  return [...groups.values()].filter((group) => group.length > 1);
}

const severityWeight: Record<Severity, number> = { sev1: 8, sev2: 4, sev3: 2, sev4: 1 };

export interface GroupRank {
  incidents: number;
  categories: string[];
  /** Each incident once: its severity's weight (SEV1 8 … SEV4 1), doubled when customer-facing. */
  impact: number;
}

export function rankOf(group: PortfolioItem[]): GroupRank {
  const incidents = new Map(group.map((item) => [item.incidentId, item]));
  const impact = [...incidents.values()].reduce((sum, item) => sum + severityWeight[item.severity] * (item.userFacing ? 2 : 1), 0);
  return { incidents: incidents.size, categories: [...new Set(group.flatMap((item) => item.categories))].sort(), impact };
}

/** More incidents first, then more contributor categories, then more impact. */
export const byRank = (a: GroupRank, b: GroupRank): number => b.incidents - a.incidents || b.categories.length - a.categories.length || b.impact - a.impact;
