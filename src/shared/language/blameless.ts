/**
 * F7 blameless language aid: finds blaming and counterfactual phrasing in free text and
 * suggests a systemic reframing. Advice only; nothing here blocks saving.
 *
 * Pipeline, chosen for speed (a 5,000-word review must check in well under 50 ms):
 *   1. split the text into sentences with one regular expression;
 *   2. skip sentences that cannot match (see prefilter.ts): most of them;
 *   3. tag the remaining sentences with compromise and match trigger phrases on tokens;
 *   4. for phrases that are only blaming when a person acts ("failed to", "broke",
 *      "caused by"), find the actor with compromise's parts of speech.
 *
 * Decision: a system as subject is never flagged. "The alert should have fired at 80%"
 * states expected behaviour and "the job failed to start" is technical narration; only
 * people, roles ("the on-call engineer") and personal pronouns are. With "we"/"I" as the
 * actor the finding is 'info': self-reflection hurts less but is still hindsight.
 */
import {
  BLAMELESS_RULES,
  CAUSE_NOUNS,
  type ActorRequirement,
  type BlamelessRule,
  type Trigger,
} from './blameless-rules.js';
import { adverbialActor, isHuman, nounPhraseAfter, possessorBefore, subjectBefore, type Actor } from './grammar.js';
import { Prefilter } from './prefilter.js';
import { splitSentences } from './sentences.js';
import { buildPeopleIndex, tokenizeSpans, type Token } from './tokens.js';
import type { BlamelessOptions, LanguageFinding } from './types.js';

interface CompiledPhrase {
  words: string[];
  rule: BlamelessRule;
  trigger: Trigger;
}

const PHRASES_BY_FIRST_WORD = indexPhrases(BLAMELESS_RULES);
const PREFILTER = new Prefilter(BLAMELESS_RULES);

export function checkBlameless(text: string, options: BlamelessOptions = {}): LanguageFinding[] {
  const people = buildPeopleIndex(options.people);
  const candidates = splitSentences(text).filter((sentence) => PREFILTER.needsTagging(sentence.text, people));
  if (candidates.length === 0) return [];
  const findings = tokenizeSpans(candidates, people).flatMap((tokens) => checkSentence(text, tokens));
  return withoutOverlaps(findings);
}

function checkSentence(text: string, tokens: readonly Token[]): LanguageFinding[] {
  const findings: LanguageFinding[] = [];
  tokens.forEach((token, start) => {
    for (const phrase of PHRASES_BY_FIRST_WORD.get(token.norm) ?? []) {
      const end = matchEnd(tokens, start, phrase);
      if (end === null || isExcepted(tokens, end, phrase.trigger)) continue;
      const actor = findActor(tokens, start, end, phrase.trigger.actor);
      if (phrase.trigger.actor !== 'any' && !isHuman(actor)) continue;
      findings.push(toFinding(text, tokens, start, end, actor, phrase.rule));
    }
  });
  return findings;
}

/** Adverbs the author may put inside a phrase: "should really have", "failed completely to". */
const MAX_INNER_ADVERBS = 2;

/** Index of the last token of `phrase` when it starts at `start`, else null. */
function matchEnd(tokens: readonly Token[], start: number, phrase: CompiledPhrase): number | null {
  let i = start;
  let skipped = 0;
  for (let k = 1; k < phrase.words.length; k++) {
    i++;
    while (tokens[i]?.tags.has('Adverb') && tokens[i]?.norm !== phrase.words[k] && skipped < MAX_INNER_ADVERBS) {
      i++;
      skipped++;
    }
    if (tokens[i]?.norm !== phrase.words[k]) return null;
  }
  return i;
}

/** The trigger's own exceptions: what follows the phrase makes it neutral. */
function isExcepted(tokens: readonly Token[], end: number, trigger: Trigger): boolean {
  const next = tokens[end + 1];
  if (trigger.unlessNext?.includes(next?.norm ?? '')) return true;
  if (trigger.verbNext && !isVerbLike(next)) return true;
  // "Yuki should have been paged": a passive is about what the system did to the person.
  if (trigger.verbNext && next?.norm === 'been' && tokens[end + 2]?.tags.has('PastTense')) return true;
  if (trigger.unlessFollowedBy && followedBy(tokens, end, trigger.unlessFollowedBy)) return true;
  if (!trigger.unlessObject) return false;
  const object = nounPhraseAfter(tokens, end);
  return object !== null && trigger.unlessObject.includes(tokens[object.index]!.norm);
}

/** Without compromise's post-tagger a participle is sometimes an adjective ("known"). */
function isVerbLike(token: Token | undefined): boolean {
  if (!token) return false;
  return token.tags.has('Verb') || (token.tags.has('Adjective') && /(ed|en|wn|ne|ught)$/.test(token.norm));
}

const FOLLOW_WINDOW = 5;

function followedBy(tokens: readonly Token[], end: number, words: readonly string[]): boolean {
  for (let i = end + 1; i <= end + FOLLOW_WINDOW && i < tokens.length; i++) {
    if (words.includes(tokens[i]!.norm)) return true;
    if (tokens[i]!.breakAfter) break;
  }
  return false;
}

function findActor(tokens: readonly Token[], start: number, end: number, requirement: ActorRequirement): Actor | null {
  switch (requirement) {
    case 'subject':
      return subjectBefore(tokens, start);
    case 'adverbial':
      return adverbialActor(tokens, start, end);
    case 'object':
      return nounPhraseAfter(tokens, end, CAUSE_NOUNS);
    case 'possessor':
      return possessorBefore(tokens, start);
    case 'any':
      return null;
  }
}

function toFinding(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  actor: Actor | null,
  rule: BlamelessRule,
): LanguageFinding {
  const human = isHuman(actor) ? tokens[actor.index] : undefined;
  const start = Math.min(tokens[first]!.start, human?.start ?? Infinity);
  const end = Math.max(tokens[last]!.end, human?.end ?? -Infinity);
  return {
    rule: rule.id,
    start,
    end,
    excerpt: text.slice(start, end),
    explanation: rule.explanation,
    suggestion: rule.suggestion,
    severity: actor?.kind === 'self' ? 'info' : rule.severity,
  };
}

/** One finding per rule and stretch of text: "be more careful" also contains "more careful". */
function withoutOverlaps(findings: LanguageFinding[]): LanguageFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: LanguageFinding[] = [];
  for (const finding of sorted) {
    const overlaps = kept.some((k) => k.rule === finding.rule && k.start < finding.end && finding.start < k.end);
    if (!overlaps) kept.push(finding);
  }
  return kept;
}

function indexPhrases(rules: readonly BlamelessRule[]): Map<string, CompiledPhrase[]> {
  const index = new Map<string, CompiledPhrase[]>();
  for (const rule of rules) {
    for (const trigger of rule.triggers) {
      for (const phrase of trigger.phrases) {
        const words = phrase.split(' ');
        const list = index.get(words[0]!) ?? [];
        list.push({ words, rule, trigger });
        index.set(words[0]!, list);
      }
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}
