/**
 * Suggestions built from the flagged sentence itself: "Sam forgot to renew the certificate"
 * becomes "What made renewing the certificate depend on someone remembering it?". The
 * person's name never appears in a suggestion; roles ("the reviewer") may.
 *
 * Pure and deterministic; compromise only conjugates the one verb a suggestion is built on.
 */
import nlp from 'compromise';
import type { BlamelessRule, Trigger } from './blameless-rules.js';
import type { Actor } from './grammar.js';
import type { Token } from './tokens.js';

export interface SuggestionContext {
  rule: BlamelessRule;
  trigger: Trigger;
  /** The sentence's tokens and the first and last token of the matched phrase. */
  tokens: readonly Token[];
  first: number;
  last: number;
  actor: Actor | null;
  /** The checked text, so pieces of the sentence keep their own spelling. */
  text: string;
}

const BASE_FORMS: Record<string, string> = { ignored: 'ignore', skipped: 'skip', disregarded: 'disregard', missed: 'miss', overlooked: 'overlook' };
/** Participles the tagger reads as nouns without context ("should not have [run] this"). */
const VERB_LOOKALIKES = new Set(['run', 'set', 'put', 'cut', 'read', 'hit', 'let', 'shut', 'done', 'seen', 'known', 'told', 'sent', 'left', 'kept', 'paid', 'built']);
const CLAUSE_ENDERS = new Set(['because', 'since', 'when', 'while', 'as', 'so', 'but', 'although', 'though', 'which', 'and', 'or', 'until', 'despite']);
const MAX_PIECE = 9;

export function buildSuggestion(context: SuggestionContext): string {
  switch (context.rule.kind) {
    case 'counterfactual':
      return hindsightQuestion(context);
    case 'exhortation':
      return exhortationQuestion(context);
    case 'person_as_cause':
      return causeQuestion(context);
    case 'character':
      return characterReframing(context);
    case 'human_error':
      return humanErrorQuestion(context);
  }
}

function hindsightQuestion(c: SuggestionContext): string {
  const phrase = c.tokens.slice(c.first, c.last + 1).map((t) => t.norm).join(' ');
  const rest = pieceAfter(c, c.last + 1);
  const firstRest = c.tokens[c.last + 1];
  if (/^(should|ought|should not|should never|ought not to) have been$/.test(phrase) && rest) {
    const subject = pieceBetween(c, clauseStart(c.tokens, c.first), c.first) || 'this';
    return `What would have made it likely, at the time, that ${lower(subject)} was ${rest}? Describe what people saw and what they were busy with.`;
  }
  if (/forg[eo]t|remember/.test(phrase) && rest) {
    return `What made ${gerundPhrase(c, c.last + 1)} depend on someone remembering it, and what could do it or remind of it automatically?`;
  }
  const easyTo = /^(ignored|skipped|disregarded|missed|overlooked)$/.exec(phrase);
  if (easyTo && rest) {
    return `What made ${rest} easy to ${BASE_FORMS[easyTo[1]!]} at the time, and what would have made it stand out?`;
  }
  if (/notice|spot|catch|caught|detect|realis|realiz|see|seen|missed|overlooked|watching/.test(phrase)) {
    const what = rest && !/^(it|this|that)$/i.test(rest) ? rest : 'the problem';
    return `What would have made ${what} visible sooner, without relying on someone watching for it?`;
  }
  if (firstRest && isVerb(firstRest) && /\b(not|never)\b/.test(phrase)) {
    return `What made ${gerundPhrase(c, c.last + 1)} look reasonable at the time, and what would have shown the risk?`;
  }
  if (firstRest && isVerb(firstRest)) {
    return `Describe what ${whoSaw(c.actor)} saw at the time, and what would have made ${gerundPhrase(c, c.last + 1)} the obvious step then.`;
  }
  return 'Describe what the people involved knew and saw at the time, and what would have made the risk visible then, rather than what they should have done.';
}

function exhortationQuestion(c: SuggestionContext): string {
  const phrase = c.tokens.slice(c.first, c.last + 1).map((t) => t.norm).join(' ');
  const quality = /remember|forget|remind/.test(phrase)
    ? 'people remembering'
    : /aware|vigilan|attention|alert|watch|eye/.test(phrase)
      ? 'people staying alert'
      : /double-check|check/.test(phrase)
        ? 'a manual double-check'
        : /rush/.test(phrase)
          ? 'people slowing down'
          : /better|harder|diligen|disciplin|proactive/.test(phrase)
            ? 'extra effort'
            : 'extra care';
  const next = c.tokens[c.last + 1];
  let what = 'this';
  if (next && (next.norm === 'to' || isVerb(next))) what = gerundPhrase(c, next.norm === 'to' ? c.last + 2 : c.last + 1) || 'this';
  else if (next && ['when', 'while'].includes(next.norm) && c.tokens[c.last + 2]?.tags.has('Gerund')) what = pieceAfter(c, c.last + 2);
  else if (next && ['when', 'while', 'before', 'with', 'about', 'in', 'during'].includes(next.norm)) what = `the work ${pieceAfter(c, c.last + 1)}`;
  else if (next && !next.breakAfter) what = pieceAfter(c, c.last + 1) || 'this';
  return `What change to the tooling or the process would make ${what} safe without relying on ${quality}: a guard rail, an automated check or a clearer signal?`;
}

function causeQuestion(c: SuggestionContext): string {
  if (c.trigger.actor === 'agent') {
    const verb = actionVerb(c);
    if (verb !== null && verb < c.first) {
      const action = `${gerund(c.tokens[verb]!.norm)} ${pieceBetween(c, verb + 1, c.first)}`.trim();
      return `What made ${action} possible without a check, and what would have caught it before it ${pieceAfter(c, c.first + 1) || 'had an impact'}? Make the change, not the person, the subject.`;
    }
  }
  if (c.trigger.actor === 'object' || c.trigger.actor === 'possessor') {
    const object = c.trigger.actor === 'object' ? pieceAfter(c, c.last + 1) : pieceBetween(c, c.first, c.last + 1);
    if (object) return `What let ${withArticle(object)} reach production unchecked, and what would have caught it earlier? Describe it as a change, not as someone's.`;
  }
  if (c.trigger.actor === 'any') {
    return 'Describe what happened as a chain of conditions rather than one person\'s fault: what let the change reach production unchecked, and what would have caught it?';
  }
  const verb = actionVerb(c);
  if (verb !== null) {
    return `What made ${gerundPhrase(c, verb)} possible without a check, and what would have caught it before it had an impact? Make the change, not the person, the subject.`;
  }
  const object = pieceAfter(c, c.last + 1);
  if (object) return `Describe ${object} as a change and ask what let it reach production unchecked, rather than who made it.`;
  return 'Make the change, not the person, the grammatical subject, and ask what let it reach production unchecked.';
}

function characterReframing(c: SuggestionContext): string {
  const start = clauseStart(c.tokens, c.first);
  const before = pieceBetween(c, start, c.first);
  const after = pieceAfter(c, c.last + 1);
  const rewritten = `${before} ${after}`.replace(/\s+/g, ' ').replace(/\b(a|an)\s+(?=[,.]|$)/i, '').trim();
  const lead = rewritten.split(' ').length >= 3 ? `Say what happened without the judgement: "${capitalise(rewritten)}". Then ask` : 'Describe the action instead of the person, and ask';
  return `${lead} what conditions (time pressure, a missing review, confusing tooling) made it likely.`;
}

function humanErrorQuestion(c: SuggestionContext): string {
  const rest = pieceAfter(c, c.last + 1);
  const about = rest && /^(in|during|when|while|with|on|by)\b/i.test(rest) ? ` ${rest}` : '';
  return `Describe the action${about} and what made it easy to get wrong: what did the tools show, what did nothing ask to confirm, and what would have caught it?`;
}

function whoSaw(actor: Actor | null): string {
  if (actor?.kind === 'team') return 'the team';
  if (actor?.kind === 'self') return 'you';
  return 'the person';
}

/** The main verb of the action a person-as-cause finding is about, as a token index. */
function actionVerb(c: SuggestionContext): number | null {
  if (c.rule.triggers.some((t) => t.actor === 'adverbial') && isVerb(c.tokens[c.last + 1])) return c.last + 1;
  for (let i = c.first - 1; i >= 0 && i >= c.first - 8; i--) {
    const token = c.tokens[i]!;
    if (token.breakAfter) break;
    if (isVerb(token) && !token.tags.has('Auxiliary') && !token.tags.has('Modal')) return i;
  }
  if (isVerb(c.tokens[c.first]) && c.tokens[c.first + 1]) return c.first;
  return null;
}

/** "renew the certificate" from the verb at `index`: "renewing the certificate", names removed. */
function gerundPhrase(c: SuggestionContext, index: number): string {
  const verb = c.tokens[index];
  if (!verb) return '';
  const rest = pieceAfter(c, index + 1);
  return `${gerund(verb.norm)}${rest ? ` ${rest}` : ''}`;
}

const gerunds = new Map<string, string>();

function gerund(word: string): string {
  let cached = gerunds.get(word);
  if (cached === undefined) {
    const infinitive = (nlp(word).verbs().toInfinitive().text() as string) || word;
    cached = (nlp(infinitive).verbs().toGerund().text() as string).replace(/^(is|are|am|be)\s+/, '') || word;
    gerunds.set(word, cached);
  }
  return cached;
}

/** Up to MAX_PIECE words of the clause from `index`, without names. */
function pieceAfter(c: SuggestionContext, index: number): string {
  let end = index;
  while (end < c.tokens.length && end - index < MAX_PIECE) {
    const token = c.tokens[end]!;
    if (end > index && CLAUSE_ENDERS.has(token.norm)) break;
    end++;
    if (token.breakAfter || token.commaAfter) break;
  }
  return pieceBetween(c, index, end);
}

/** Tokens [from, to) in their original spelling, with people's names taken out. */
function pieceBetween(c: SuggestionContext, from: number, to: number): string {
  const words: string[] = [];
  for (let i = from; i < to; i++) {
    const token = c.tokens[i]!;
    if (token.text === '') {
      words.push(token.norm);
      continue;
    }
    if (token.person) {
      if (c.tokens[i + 1]?.person) continue;
      words.push(token.possessive ? 'the' : 'someone');
      continue;
    }
    words.push(token.text.replace(/[`*_]/g, ''));
  }
  return words.join(' ').replace(/\s+/g, ' ').trim();
}

function clauseStart(tokens: readonly Token[], index: number): number {
  for (let i = index - 1; i >= 0; i--) if (tokens[i]!.breakAfter) return i + 1;
  return 0;
}

function isVerb(token: Token | undefined): boolean {
  return !!token && (token.tags.has('Verb') || VERB_LOOKALIKES.has(token.norm));
}

/** "the deploy" stays, "deploy" becomes "the deploy", a name already became "the". */
const withArticle = (s: string) => (/^(the|a|an|this|that|these|those|someone|our|their)\b/i.test(s) ? s : `the ${s}`);
const lower = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
