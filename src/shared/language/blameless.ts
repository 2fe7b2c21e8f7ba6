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
 * actor the finding is 'info': self-reflection hurts less but is still hindsight. "We" is
 * never a person framed as the cause ("we removed the route"): a team owning its change.
 *
 * Every finding carries its rule, its kind, the rule's explanation and a suggestion built
 * from the sentence it was found in (suggestions.ts). Measured on real postmortems in
 * test/fixtures/language/real-sentences.jsonl (docs/language.md).
 */
import {
  AGENT_VERBS,
  BLAMELESS_RULES,
  CAUSE_NOUNS,
  type ActorRequirement,
  type BlamelessRule,
  type Trigger,
} from './blameless-rules.js';
import {
  adverbialActor,
  agentOfAction,
  clauseAgent,
  conditionalAgent,
  continuesSubjectlessClause,
  judgedPerson,
  mindfulSubject,
  hypotheticalAgent,
  isHuman,
  leadingSubject,
  nounPhraseAfter,
  omitsItsWriter,
  ownerOfCause,
  relativeClauseHead,
  possessorBefore,
  subjectBefore,
  type Actor,
} from './grammar.js';
import { Prefilter } from './prefilter.js';
import { splitSentences } from './sentences.js';
import { buildSuggestion } from './suggestions.js';
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
      if (end === null || isExcepted(tokens, start, end, phrase.trigger)) continue;
      const found = findActor(tokens, start, end, phrase.trigger.actor);
      const aboutAMind = isAboutAMind(tokens, start, end, phrase.trigger.mindful) || (found === null && phrase.trigger.mindful !== undefined && continuesSubjectlessClause(tokens, start));
      const actor = aboutAMind ? mindfulActor(tokens, start, end, found) : found;
      if (phrase.trigger.actor !== 'any' && !isHuman(actor)) continue;
      if (phrase.trigger.notTeam && actor?.kind === 'team') continue;
      if (phrase.trigger.genericPeople && !isGenericPeople(tokens, actor)) continue;
      if (phrase.trigger.unlessActor?.includes(tokens[actor?.index ?? -1]?.norm ?? '')) continue;
      findings.push(toFinding(text, tokens, start, end, actor, phrase));
    }
  });
  return findings;
}

/** About a mind, "they", an unknown name or the left-out writer ("Forgot to renew the certificate") is a person. */
function mindfulActor(tokens: readonly Token[], start: number, end: number, found: Actor | null): Actor | null {
  const actor = mindfulSubject(tokens, found);
  // Only when no subject was found at all: "The pods, however, ignored the taint" has one.
  if (found !== null || !omitsItsWriter(tokens, start, end) || isAChoice(tokens, start)) return actor;
  return { kind: 'team', index: start };
}

/** "Did not follow the rollback plan, as it would have caused worse issues": a choice with its reason. */
function isAChoice(tokens: readonly Token[], start: number): boolean {
  return tokens.slice(start).some((t, i, rest) => ['as', 'because', 'since'].includes(t.norm) && rest.slice(i + 1, i + 4).some((n) => n.norm === 'would'));
}

const GENERIC_PEOPLE = new Set(['everyone', 'everybody', 'people', 'folks', 'staff', 'you', 'anyone', 'anybody']);

/** "Engineers", "on-call engineers", "everyone": a rule for people in general, not one person's task. */
function isGenericPeople(tokens: readonly Token[], actor: Actor | null): boolean {
  const token = actor && tokens[actor.index];
  if (!token || actor.kind === 'team' || actor.kind === 'self') return false;
  // The tagger sometimes reads a sentence-initial "Engineers" as a verb: a role ending in -s is plural.
  return GENERIC_PEOPLE.has(token.norm) || (actor.kind === 'role' && (token.tags.has('Plural') || /[^s]s$/.test(token.norm)));
}

function isAboutAMind(tokens: readonly Token[], start: number, end: number, mindWords: readonly string[] | undefined): boolean {
  if (!mindWords) return false;
  for (let i = start; i <= end + 1 && i < tokens.length; i++) if (mindWords.includes(tokens[i]!.norm)) return true;
  return false;
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
function isExcepted(tokens: readonly Token[], start: number, end: number, trigger: Trigger): boolean {
  const next = tokens[end + 1];
  if (trigger.unlessNext?.includes(next?.norm ?? '')) return true;
  if (trigger.onlyNext && !trigger.onlyNext.includes(next?.norm ?? '')) return true;
  // "should have been caught by the linter" is a benefit of a tool, not hindsight about a person.
  if (trigger.onlyNext && tokens[end + 2]?.norm === 'by' && !isHuman(nounPhraseAfter(tokens, end + 2))) return true;
  // "should have been considered illiquid": a category the thing belongs to, not an action someone missed.
  if (trigger.onlyNext && CLASSIFYING.has(next?.norm ?? '') && isComplement(next!, tokens[end + 2])) return true;
  // "Users might have missed the difference": a guess at what happened, not hindsight about what should have.
  if (tokens[start - 1]?.norm === 'have' && SPECULATIVE_MODALS.has(tokens[start - 2]?.norm ?? '')) return true;
  if (trigger.unlessPrevious?.includes(tokens[start - 1]?.norm ?? '')) return true;
  if (trigger.onlyPrevious && !trigger.onlyPrevious.includes(tokens[start - 1]?.norm ?? '')) return true;
  if (trigger.unlessInSentence && tokens.some((t, i) => trigger.unlessInSentence!.includes(t.norm) && !isTransitive(tokens, i))) return true;
  if (trigger.contextWords && !tokens.some((t) => trigger.contextWords!.includes(t.norm))) return true;
  if (trigger.atClauseStart && start > 0 && !tokens[start - 1]!.breakAfter && !tokens[start - 1]!.commaAfter) return true;
  if (trigger.onlyFollowedBy && !followedBy(tokens, end, trigger.onlyFollowedBy, ONLY_FOLLOW_WINDOW)) return true;
  if (trigger.onlyPrecededBy && !tokens.slice(0, start).some((t) => trigger.onlyPrecededBy!.includes(t.norm))) return true;
  // "Always [vet] your dependencies": an imperative is a verb when a noun phrase follows, whatever the tagger says.
  if (trigger.verbNext && !isVerbLike(next) && !(trigger.atClauseStart && opensNounPhrase(next, tokens[end + 2]))) return true;
  // "Yuki should have been paged": a passive is about what the system did to the person.
  if (trigger.verbNext && next?.norm === 'been' && tokens[end + 2]?.tags.has('PastTense')) return true;
  if (trigger.unlessFollowedBy && followedBy(tokens, end, trigger.unlessFollowedBy)) return true;
  if (!trigger.unlessObject) return false;
  const object = nounPhraseAfter(tokens, end);
  return object !== null && trigger.unlessObject.includes(tokens[object.index]!.norm);
}

/**
 * "The DBA [dropped] the production table": a recovery word used as a transitive verb is an action,
 * not the errors dropping or stopping.
 */
function isTransitive(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return !tokens[i]!.breakAfter && next !== undefined && (next.tags.has('Determiner') || next.tags.has('Possessive'));
}

/** Participles the tagger reads as nouns without context: "should not have [run] this". */
const AMBIGUOUS_PARTICIPLES = new Set(['run', 'set', 'put', 'cut', 'read', 'hit', 'let', 'shut', 'spread', 'quit', 'done', 'gone', 'seen', 'known', 'told', 'sent', 'left', 'kept', 'paid', 'built']);

/**
 * Without compromise's post-tagger a participle is sometimes an adjective ("known"). A word in
 * -ing is a noun here: "we should have alerting on it" is forward-looking, not hindsight.
 */
function isVerbLike(token: Token | undefined): boolean {
  if (!token || (token.tags.has('Gerund') && token.norm !== 'been')) return false;
  if (AMBIGUOUS_PARTICIPLES.has(token.norm)) return true;
  return token.tags.has('Verb') || (token.tags.has('Adjective') && /(ed|en|wn|ne|ught)$/.test(token.norm));
}

const SPECULATIVE_MODALS = new Set(['might', 'may', 'must', 'could', 'would']);
const CLASSIFYING = new Set(['considered', 'deemed', 'classified', 'counted', 'categorised', 'categorized', 'regarded']);

/** "considered [illiquid]", "deemed [a loss]": what follows the participle says what the thing is. */
function isComplement(participle: Token, token: Token | undefined): boolean {
  if (!token || participle.breakAfter || participle.commaAfter || token.tags.has('Pronoun')) return false;
  return token.tags.has('Adjective') || token.tags.has('Noun') || token.tags.has('Determiner');
}

/** "Always [vet] your dependencies", "Never [skip] the checklist": the word after an imperative's adverb takes an object. */
function opensNounPhrase(verb: Token | undefined, token: Token | undefined): boolean {
  if (!verb || !token || verb.breakAfter || verb.commaAfter || verb.tags.has('Preposition') || verb.tags.has('Adjective')) return false;
  return token.tags.has('Determiner') || token.tags.has('Possessive');
}

const FOLLOW_WINDOW = 5;
/** "which caused [all traffic to fail over to Atlanta and the site to go down]". */
const ONLY_FOLLOW_WINDOW = 10;

function followedBy(tokens: readonly Token[], end: number, words: readonly string[], window = FOLLOW_WINDOW): boolean {
  for (let i = end + 1; i <= end + window && i < tokens.length; i++) {
    if (words.includes(tokens[i]!.norm)) return true;
    if (tokens[i]!.breakAfter) break;
  }
  return false;
}

function findActor(tokens: readonly Token[], start: number, end: number, requirement: ActorRequirement): Actor | null {
  switch (requirement) {
    case 'subject': {
      // "Should have checked the lag first.": a note that leaves out its writer, the team.
      if (start === 0 && tokens[0]?.tags.has('Modal')) return { kind: 'team', index: 0 };
      // "..., should have tested against real state": the clause's subject is the sentence's.
      if (tokens[start - 1]?.commaAfter) {
        const lead = leadingSubject(tokens);
        if (isHuman(lead)) return lead;
      }
      // "Whoever approved this should have read the diff": no noun before the phrase, a relative clause.
      const subject = ownerOfCause(tokens, subjectBefore(tokens, start), CAUSE_NOUNS) ?? { kind: 'other', index: start };
      const head = relativeClauseHead(tokens, subject);
      return head.index === start && !isHuman(head) ? null : head;
    }
    case 'hypothetical':
      return hypotheticalAgent(tokens, start) ?? humanOrNull(subjectBefore(tokens, start));
    case 'agent':
      // "Jane's deploy introduced the leak that crashed …": the owner of the change acted.
      return ownerOfCause(tokens, agentOfAction(tokens, start, AGENT_VERBS), CAUSE_NOUNS);
    case 'clause':
      return clauseAgent(tokens, end, AGENT_VERBS, CAUSE_NOUNS);
    case 'judged':
      return judgedPerson(tokens, start, end);
    case 'conditional':
      return conditionalAgent(tokens, end, isVerbLike);
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

/** A hypothetical agent may also be a real person or role ("the reviewer would have spotted it"), never "we". */
function humanOrNull(actor: Actor | null): Actor | null {
  return isHuman(actor) && actor.kind !== 'team' && actor.kind !== 'self' ? actor : null;
}

function toFinding(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  actor: Actor | null,
  { rule, trigger }: CompiledPhrase,
): LanguageFinding {
  // "Sam Okafor": the whole name, not only the surname the grammar found.
  let actorStart = isHuman(actor) ? actor.index : -1;
  while (actorStart > 0 && tokens[actorStart - 1]!.person && tokens[actorStart]!.person && !tokens[actorStart - 1]!.commaAfter) actorStart--;
  const human = isHuman(actor) ? { start: tokens[actorStart]!.start, end: tokens[actor.index]!.end } : undefined;
  // The excerpt takes in the actor only within a few words ("Bob failed to", "caused by Bob"), not across a clause.
  const near = human && Math.max(tokens[first]!.start - human.end, human.start - tokens[last]!.end) < 40 ? human : undefined;
  const start = Math.min(tokens[first]!.start, near?.start ?? Infinity);
  const end = Math.max(tokens[last]!.end, near?.end ?? -Infinity);
  return {
    rule: rule.id,
    kind: rule.kind,
    start,
    end,
    excerpt: text.slice(start, end),
    explanation: rule.explanation,
    suggestion: buildSuggestion({ rule, trigger, tokens, first, last, actor, text }),
    severity: actor?.kind === 'self' || actor?.kind === 'team' ? 'info' : rule.severity,
  };
}

/** One finding per kind and stretch of text: "be more careful" also contains "more careful". */
function withoutOverlaps(findings: LanguageFinding[]): LanguageFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: LanguageFinding[] = [];
  for (const finding of sorted) {
    const overlaps = kept.some((k) => k.kind === finding.kind && k.start < finding.end && finding.start < k.end);
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
