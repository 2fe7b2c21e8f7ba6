/**
 * Decides cheaply, without part-of-speech tagging, whether a sentence can produce a
 * finding. Tagging costs ~40 µs a word, so only sentences that contain every word of some
 * trigger phrase are tagged, and when all such phrases need a human actor ("failed to",
 * "due to") only if the sentence also mentions someone: a role, a personal pronoun, one of
 * the incident's people, or a capitalised word that compromise knows as a name.
 */
import type { BlamelessRule } from './blameless-rules.js';
import { HUMAN_WORDS } from './grammar.js';
import { isUnknownWord, lexicon } from './lexicon.js';
import { foldName, type PeopleIndex } from './tokens.js';

interface PhraseWords {
  words: string[];
  needsHuman: boolean;
  /** A phrase about a mind: "they" or an unknown capitalised word may be its person. */
  mindful: boolean;
  /** "Bob's error": only a sentence with a possessive can match, so "error rate" alone is not tagged. */
  needsPossessive: boolean;
}

const POSSESSIVE = /['’]s\b|\b(?:his|her|their|my|our|your)\b/i;

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);
const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bcan['’]t\b/g, 'can not'],
  [/\bwon['’]t\b/g, 'will not'],
  [/n['’]t\b/g, ' not'],
  [/['’]ve\b/g, ' have'],
];

/** Lowercase letter-only words with contractions expanded ("didn't" -> "did", "not"). */
export function cheapWords(text: string): string[] {
  let lower = text.toLowerCase();
  for (const [pattern, replacement] of CONTRACTIONS) lower = lower.replace(pattern, replacement);
  return lower.match(/[a-z]+/g) ?? [];
}

export class Prefilter {
  private readonly byKey = new Map<string, PhraseWords[]>();

  constructor(rules: readonly BlamelessRule[]) {
    for (const rule of rules) {
      for (const trigger of rule.triggers) {
        for (const phrase of trigger.phrases) {
          this.add(cheapWords(phrase), trigger.actor !== 'any', trigger.actor === 'possessor', trigger.mindful !== undefined);
        }
      }
    }
  }

  needsTagging(sentence: string, people: PeopleIndex): boolean {
    const words = new Set(cheapWords(sentence));
    let needsHuman = false;
    let mindful = false;
    for (const word of words) {
      for (const phrase of this.byKey.get(word) ?? []) {
        if (!phrase.words.every((w) => words.has(w))) continue;
        if (phrase.needsPossessive && !POSSESSIVE.test(sentence)) continue;
        if (!phrase.needsHuman) return true;
        needsHuman = true;
        mindful ||= phrase.mindful;
      }
    }
    if (!needsHuman) return false;
    return mentionsSomeone(sentence, words, people) || (mindful && mentionsUnknownName(sentence));
  }

  private add(words: string[], needsHuman: boolean, needsPossessive: boolean, mindful: boolean): void {
    const key = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    const list = this.byKey.get(key) ?? [];
    list.push({ words, needsHuman, needsPossessive, mindful });
    this.byKey.set(key, list);
  }
}

/** "Should have checked the lag first": a note that leaves out its writer. */
const IMPLICIT_WRITER = /^\W*(?:should|could|ought)\b/i;

function mentionsSomeone(sentence: string, words: ReadonlySet<string>, people: PeopleIndex): boolean {
  if (IMPLICIT_WRITER.test(sentence)) return true;
  for (const word of words) if (HUMAN_WORDS.has(word)) return true;
  const folded = foldName(sentence).match(/\p{L}+/gu) ?? [];
  if (folded.some((word) => people.has(word))) return true;
  const capitalised = sentence.match(/\p{Lu}\p{Ll}+/gu) ?? [];
  return capitalised.some((word) => NAME_TAGS.has(lexicon()[word.toLowerCase()] ?? ''));
}

/** A capitalised word compromise does not know, which may be a name ("Okafor", "Priya"). */
function mentionsUnknownName(sentence: string): boolean {
  const capitalised = sentence.match(/\p{Lu}\p{Ll}+/gu) ?? [];
  return capitalised.some(isUnknownWord);
}

