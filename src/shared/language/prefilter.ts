/**
 * Decides cheaply, without part-of-speech tagging, whether a sentence can produce a
 * finding. Tagging costs ~40 µs a word, so only sentences that contain every word of some
 * trigger phrase are tagged, and when all such phrases need a human actor ("failed to",
 * "due to") only if the sentence also mentions someone: a role, a personal pronoun, one of
 * the incident's people, or a capitalised word that compromise knows as a name.
 */
import { MIND_WORDS, type BlamelessRule } from './blameless-rules.js';
import { HUMAN_WORDS, MINDFUL_WORDS } from './grammar.js';
import { isUnknownWord, lexicon } from './lexicon.js';
import { foldName, type PeopleIndex } from './tokens.js';

const MIND = new Set(MIND_WORDS);

interface PhraseWords {
  words: string[];
  /** The checker needs a person right after the phrase ("because [Priya] restarted"). */
  personNext: boolean;
  /** Each group needs one of its words in the sentence: the trigger's required context. */
  context: ReadonlyArray<ReadonlySet<string>>;
  needsHuman: boolean;
  /** A phrase about a mind: "they" or an unknown capitalised word may be its person when one of these words is there. */
  mindful: ReadonlySet<string> | null;
  /** "Bob's error": only a sentence with a possessive can match, so "error rate" alone is not tagged. */
  needsPossessive: boolean;
  /** "Always deploy …", "Never skip …": the phrase must open the sentence or a clause (after punctuation). */
  clauseStart: RegExp | null;
}

const POSSESSIVE = /['’]s\b|\b(?:his|her|their|my|our|your)\b/i;

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);
const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bcan['’]t\b/g, 'can not'],
  [/\bwon['’]t\b/g, 'will not'],
  [/n['’]t\b/g, ' not'],
  [/['’]ve\b/g, ' have'],
  [/['’]re\b/g, ' are'],
  [/['’]ll\b/g, ' will'],
  [/\bi['’]m\b/g, 'i am'],
];

/** Lowercase with contractions expanded ("didn't" -> "did not"). */
function expand(text: string): string {
  let lower = text.toLowerCase();
  for (const [pattern, replacement] of CONTRACTIONS) lower = lower.replace(pattern, replacement);
  return lower;
}

/** Lowercase letter-only words with contractions expanded ("didn't" -> "did", "not"). */
export function cheapWords(text: string): string[] {
  return expand(text).match(/[a-z]+/g) ?? [];
}

export class Prefilter {
  private readonly byKey = new Map<string, PhraseWords[]>();

  constructor(rules: readonly BlamelessRule[]) {
    for (const rule of rules) {
      for (const trigger of rule.triggers) {
        const context = [trigger.onlyNext, trigger.onlyFollowedBy, trigger.onlyPrecededBy, trigger.contextWords]
          .filter((group): group is readonly string[] => group !== undefined)
          .map((group) => new Set(group.flatMap(cheapWords)));
        for (const phrase of trigger.phrases) {
          this.add({
            words: cheapWords(phrase),
            context,
            personNext: trigger.actor === 'clause' || trigger.actor === 'conditional',
            needsHuman: trigger.actor !== 'any',
            needsPossessive: trigger.actor === 'possessor',
            mindful: trigger.mindful ? new Set(trigger.mindful.flatMap(cheapWords)) : null,
            clauseStart: trigger.atClauseStart ? new RegExp(`(?:^|[^\\sa-z'’]\\s*)${cheapWords(phrase).join('\\W+')}\\b`) : null,
          });
        }
      }
    }
  }

  needsTagging(sentence: string, people: PeopleIndex): boolean {
    const expanded = expand(sentence);
    const sequence = expanded.match(/[a-z]+/g) ?? [];
    const words = new Set(sequence);
    let needsHuman = false;
    const mindWords: Array<ReadonlySet<string>> = [];
    for (const word of words) {
      for (const phrase of this.byKey.get(word) ?? []) {
        if (!phrase.words.every((w) => words.has(w))) continue;
        const end = phraseEnd(sequence, phrase.words);
        if (end < 0 || (phrase.personNext && !personFollows(sequence, end, people))) continue;
        if (!phrase.context.every((group) => [...group].some((w) => words.has(w)))) continue;
        if (phrase.needsPossessive && !POSSESSIVE.test(sentence)) continue;
        if (phrase.clauseStart && !phrase.clauseStart.test(expanded)) continue;
        if (!phrase.needsHuman) return true;
        needsHuman = true;
        if (phrase.mindful) mindWords.push(phrase.mindful);
      }
    }
    if (!needsHuman) return false;
    if (mentionsSomeone(sentence, words, people)) return true;
    // "They forgot", "Okafor overlooked": only for a phrase about a mind, and with a word of the mind in the sentence.
    const aboutAMind = [...words].some((w) => MIND.has(w) || mindWords.some((list) => list.has(w)));
    return mindWords.length > 0 && aboutAMind && ([...words].some((w) => MINDFUL_WORDS.has(w)) || mentionsUnknownName(sentence));
  }

  private add(phrase: PhraseWords): void {
    const key = phrase.words.reduce((a, b) => (b.length > a.length ? b : a), '');
    const list = this.byKey.get(key) ?? [];
    list.push(phrase);
    this.byKey.set(key, list);
  }
}

/** Up to this many adverbs between two words of a phrase ("should really have", "didn't even bother"), as the checker allows. */
const MAX_GAP = 2;
const ADVERB_LIKE = /ly$|^(?:just|even|then|also|still|never|always|ever|only|quite|too|very|much|again|already|now|really)$/;

/** Where `phrase` occurs in `sequence`, allowing a few adverbs inside it: the index after it, or -1. */
function phraseEnd(sequence: readonly string[], phrase: readonly string[]): number {
  for (let start = sequence.indexOf(phrase[0]!); start >= 0; start = sequence.indexOf(phrase[0]!, start + 1)) {
    let at = start;
    let k = 1;
    for (; k < phrase.length; k++) {
      let next = at + 1;
      while (sequence[next] !== phrase[k] && next - at - 1 < MAX_GAP && ADVERB_LIKE.test(sequence[next] ?? '')) next++;
      if (sequence[next] !== phrase[k]) break;
      at = next;
    }
    if (k === phrase.length) return at + 1;
  }
  return -1;
}

const NAME_TAGS_LOWER = NAME_TAGS;

/** A person within the next three words: "because [the engineer] ran", "if [Bob] had". */
function personFollows(sequence: readonly string[], from: number, people: PeopleIndex): boolean {
  for (let i = from; i < from + 3 && i < sequence.length; i++) {
    const word = sequence[i]!;
    if (HUMAN_WORDS.has(word) || people.has(word) || NAME_TAGS_LOWER.has(lexicon()[word] ?? '')) return true;
  }
  return false;
}

/** "Should have checked the lag first", "Forgot to renew it": a note that leaves out its writer. */
const IMPLICIT_WRITER =
  /^[\W_]*(?:(?:in hindsight|in retrospect|unfortunately|obviously|clearly|then|also|again),?\s+)?(?:should|could|ought|forgot|failed|neglected|overlooked|missed|ignored|did\s?n[o']t|never)\b/i;
/** "Attempted to restart the service but failed to check the logs": a subjectless past-tense clause, then the omission. */
const IMPLICIT_WRITER_CLAUSE = /^[\W_]*[a-z]+ed(?![a-z])[^.;:]*\b(?:but|and|then)\s+(?:failed|forgot|neglected|overlooked|missed|ignored|did\s?n[o']t|never)\b/i;

function mentionsSomeone(sentence: string, words: ReadonlySet<string>, people: PeopleIndex): boolean {
  if (IMPLICIT_WRITER.test(sentence) || IMPLICIT_WRITER_CLAUSE.test(sentence)) return true;
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

