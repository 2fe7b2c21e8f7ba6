/**
 * Suggestions built from the flagged sentence itself: "Sam forgot to renew the certificate"
 * becomes "What made renewing the certificate depend on someone remembering it?". The
 * person's name never appears in a suggestion; roles ("the reviewer") may.
 *
 * Pure and deterministic; compromise only conjugates the one verb a suggestion is built on.
 */
import nlp from 'compromise';
import { AGENT_VERBS, type BlamelessRule, type Trigger } from './blameless-rules.js';
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
const CLAUSE_ENDERS = new Set(['because', 'since', 'when', 'while', 'whilst', 'as', 'so', 'but', 'although', 'though', 'which', 'and', 'or', 'until', 'despite']);
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
  if (/^(should|ought|could|might|should not|should never|ought not to) have been$/.test(phrase) && rest) {
    const subject = subjectPiece(c) || 'this';
    return `What would have made it likely, at the time, for ${lower(subject)} to be ${rest}? Describe what people saw and what they were busy with.`;
  }
  // "The warning was ignored by the on-call engineer": the thing, not the person, is the subject.
  if (c.trigger.actor === 'object') {
    const subject = subjectPiece(c) || 'it';
    const participle = c.tokens[c.first]!.norm === 'not' ? c.tokens[c.first + 1]! : c.tokens[c.first]!;
    const easy = BASE_FORMS[participle.norm] ?? (participle.norm === 'unnoticed' ? 'notice' : null);
    if (easy) return `What made ${lower(subject)} easy to ${easy} at the time, and what would have made it stand out?`;
    return `What made ${gerund(participle.norm)} ${lower(subject)} look unnecessary at the time, and what would have made it the obvious step?`;
  }
  if (c.trigger.actor === 'conditional') {
    const participle = c.tokens.findIndex((t, i) => i > c.last && c.tokens[i - 1]!.norm === 'had' && isVerb(t));
    if (participle > 0) return `Describe what ${whoSaw(c)} saw at the time, and what would have made ${gerundPhrase(c, participle)} the obvious step then.`;
  }
  if (/mistake|wrong|bad idea|unwise/.test(phrase) && firstRest && isVerb(firstRest)) {
    return `What made ${gerundPhrase(c, c.last + 1)} look reasonable at the time, and what would have shown the risk?`;
  }
  if (/too long|too slow|too late/.test(phrase)) {
    return 'What made waiting look reasonable at the time, and what signal would have made acting sooner the obvious step?';
  }
  if (/^(no one|nobody) /.test(phrase) && isVerb(c.tokens[c.last]) && !/notic|realis|realiz|caught|spotted/.test(phrase)) {
    return `What would have made ${gerund(c.tokens[c.last]!.norm)}${rest ? ` ${rest}` : ''} part of the process, rather than something someone had to think of?`;
  }
  // "Nobody noticed that the job had been disabled", "Missed that the change also affected staging".
  // "did not realise [the command targeted production]": a clause without its "that".
  const bareClause = c.tokens.slice(c.last + 2, c.last + 6).some((t) => t.tags.has('PastTense')) && /notic|realis|realiz/.test(phrase);
  const clause = /^that /i.test(rest) ? pieceAfter(c, c.last + 2) : bareClause ? rest : '';
  if (/forg[eo]t|remember/.test(phrase) && rest) {
    return `What made ${gerundPhrase(c, c.last + 1)} depend on someone remembering it, and what could do it or remind of it automatically?`;
  }
  const easyTo = /^(ignored|skipped|disregarded|missed|overlooked)$/.exec(phrase);
  if (easyTo && rest) {
    const base = BASE_FORMS[easyTo[1]!];
    if (clause) return `What made it easy to ${base} that ${clause} at the time, and what would have made it stand out?`;
    return `What made ${rest} easy to ${base} at the time, and what would have made it stand out?`;
  }
  if (/notice|spot|catch|caught|detect|realis|realiz|see|seen|missed|overlooked|watching/.test(phrase)) {
    if (clause) return `What would have made it visible sooner that ${clause}, without relying on someone watching for it?`;
    // "we did not detect in our testing environments": where, not what.
    if (/^(in|on|at|during|until|before|after|for|when|while)\b/i.test(rest)) {
      return `What would have made the problem visible sooner ${rest.replace(/[,.;:]$/, '')}, without relying on someone watching for it?`;
    }
    const what = rest && !/^(it|this|that)$/i.test(rest) ? rest : 'the problem';
    return `What would have made ${what} visible sooner, without relying on someone watching for it?`;
  }
  if (firstRest && isVerb(firstRest) && /\b(not|never)\b/.test(phrase)) {
    return `What made ${gerundPhrase(c, c.last + 1)} look reasonable at the time, and what would have shown the risk?`;
  }
  // "The operators did not follow the documented procedure": the step that was skipped.
  if (/\b(not|never)\b/.test(phrase) && isVerb(c.tokens[c.last]) && c.tokens[c.last]!.norm !== 'have') {
    return `What made ${gerund(c.tokens[c.last]!.norm)}${rest ? ` ${rest}` : ''} easy to skip at the time, and what would have made it the obvious step?`;
  }
  if (firstRest && isVerb(firstRest)) {
    return `Describe what ${whoSaw(c)} saw at the time, and what would have made ${gerundPhrase(c, c.last + 1)} the obvious step then.`;
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
  const followed = c.tokens.findIndex((t, i) => i >= c.first && i <= c.last + 3 && /^(follow|follows|adhere|adheres|stick)$/.test(t.norm));
  if (followed >= 0) {
    const rule = pieceAfter(c, c.tokens[followed + 1]?.norm === 'to' ? followed + 2 : followed + 1);
    if (rule) return `What would make ${rule} easy to follow, or enforced by the tooling, instead of relying on ${quality}?`;
  }
  // "Engineers should read the runbook before ...", "Raise an incident quicker": the step asked for, done by default.
  const asked = c.tokens[c.last]!;
  if (isVerb(asked) && !asked.tags.has('Modal') && !asked.tags.has('Copula') && !/^(be|to|take|taken|pay|think|remember|reminded|rush)$/.test(asked.norm)) {
    return `What would make ${gerundPhrase(c, c.last)} part of the process, or unnecessary, instead of relying on ${quality}: a guard rail, an automated check or a clearer signal?`;
  }
  let next = c.tokens[c.last + 1];
  let at = c.last + 1;
  // "Extra caution should be exercised when rotating keys": past the verb, to the work it is about.
  while (next && !next.breakAfter && (next.tags.has('Modal') || next.tags.has('Auxiliary') || next.tags.has('Copula') || ['be', 'been', 'exercised', 'taken'].includes(next.norm))) next = c.tokens[++at];
  // "Raise awareness among developers about the risks of force pushing".
  if (next?.norm === 'among' || c.tokens[c.last]!.norm === 'among') {
    const about = c.tokens.findIndex((t, i) => i > at && ['about', 'of', 'on'].includes(t.norm));
    if (about > 0) next = c.tokens[(at = about)];
  }
  if (next && ['about', 'of', 'on'].includes(next.norm) && c.tokens[at + 1]) next = c.tokens[++at];
  let what = 'this';
  if (next && (next.norm === 'to' || isVerb(next))) what = gerundPhrase(c, next.norm === 'to' ? at + 1 : at) || 'this';
  else if (next && ['when', 'while'].includes(next.norm) && c.tokens[at + 1]?.tags.has('Gerund')) what = pieceAfter(c, at + 1);
  else if (next && ['when', 'while', 'before', 'with', 'about', 'in', 'during'].includes(next.norm)) what = `the work ${pieceAfter(c, at)}`;
  else if (next && at > c.last && !c.tokens[at - 1]!.breakAfter) what = pieceAfter(c, at) || 'this';
  // "We need to do better next time": the time is not the work.
  if (/^(next time|in future|in the future|again|going forward)\b/i.test(what)) what = 'this';
  return `What change to the tooling or the process would make ${what} safe without relying on ${quality}: a guard rail, an automated check or a clearer signal?`;
}

/** "causing an outage" -> "it caused an outage": the damage a trailing clause names, as a past tense. */
const DAMAGE_PAST: Record<string, string> = { causing: 'caused', leading: 'led', resulting: 'resulted', taking: 'took', bringing: 'brought', breaking: 'broke' };

function causeQuestion(c: SuggestionContext): string {
  if (c.trigger.actor === 'agent') {
    const verb = actionVerb(c);
    if (verb !== null && verb < c.first) {
      const action = `${gerund(c.tokens[verb]!.norm)} ${pieceBetween(c, verb + 1, c.first)}`.trim().replace(/,$/, '');
      const opening = c.tokens[c.first]!.norm;
      const damage = DAMAGE_PAST[opening] ? `${DAMAGE_PAST[opening]} ${pieceAfter(c, c.first + 1)}`.trim() : pieceAfter(c, c.first + 1);
      return `What made ${action} possible without a check, and what would have caught it before it ${damage || 'had an impact'}? Make the change, not the person, the subject.`;
    }
  }
  // "The site went down after [an engineer] restarted the primary": the action follows the person.
  const actorIndex = c.actor?.index ?? -1;
  const acted = c.trigger.actor === 'clause' && actorIndex > c.last ? actorIndex + 1 : -1;
  if (acted > 0 && isVerb(c.tokens[acted])) {
    return `What made ${gerundPhrase(c, acted)} possible without a check, and what would have caught it before it had an impact? Make the change, not the person, the subject.`;
  }
  if (c.trigger.actor === 'object' && actorIndex > c.last && !c.tokens[actorIndex]!.possessive) {
    // "caused by an engineer running the migration", "triggered by a developer who pushed to main".
    const after = c.tokens[actorIndex + 1]?.norm === 'who' ? actorIndex + 2 : actorIndex + 1;
    if (isVerb(c.tokens[after])) {
      return `What made ${gerundPhrase(c, after)} possible without a check, and what would have caught it before it had an impact? Describe the action, not who took it.`;
    }
    if (c.tokens[actorIndex]!.person || c.actor?.kind !== 'other') {
      return 'What let the change reach production unchecked, and what would have caught it earlier? Describe the change, not who made it.';
    }
  }
  if (c.trigger.actor === 'object' || c.trigger.actor === 'possessor') {
    const object = c.trigger.actor === 'object' ? pieceAfter(c, c.last + 1) : pieceBetween(c, c.first, c.last + 1);
    if (object) return `What let ${withArticle(object)} reach production unchecked, and what would have caught it earlier? Describe it as a change, not as someone's.`;
  }
  if (c.trigger.actor === 'any') {
    return 'Describe what happened as a chain of conditions rather than one person\'s fault: what let the change reach production unchecked, and what would have caught it?';
  }
  // "tired admin [deleted] the wrong directory": the phrase's own verb is the action.
  const verb = c.trigger.actor === 'subject' && AGENT_VERBS.has(c.tokens[c.first]!.norm) ? c.first : actionVerb(c);
  if (verb !== null) {
    return `What made ${gerundPhrase(c, verb)} possible without a check, and what would have caught it before it had an impact? Make the change, not the person, the subject.`;
  }
  const object = pieceAfter(c, c.last + 1);
  if (object) return `Describe ${object} as a change and ask what let it reach production unchecked, rather than who made it.`;
  return 'Make the change, not the person, the grammatical subject, and ask what let it reach production unchecked.';
}

/**
 * Taking the judgement out of a sentence leaves it broken ("The engineer was with the credentials"),
 * so the reframing names the judgement and asks about the action and its conditions instead.
 */
function characterReframing(c: SuggestionContext): string {
  // "A careless change to the ALB listener took down checkout": an adjective on a thing can simply go.
  const next = c.tokens[c.last + 1];
  if (next?.tags.has('Noun') && !next.person && !isHumanActor(c) && !/^(engineer|developer|operator|reviewer|admin|team|person)s?$/.test(next.norm)) {
    const start = clauseStart(c.tokens, c.first);
    const rewritten = `${pieceBetween(c, start, c.first)} ${pieceAfter(c, c.last + 1)}`.replace(/\s+/g, ' ').trim();
    if (rewritten.split(' ').length >= 3) {
      return `Say what happened without the judgement: "${rewritten.charAt(0).toUpperCase()}${rewritten.slice(1)}". Then ask what conditions (time pressure, a missing review, confusing tooling) made it likely.`;
    }
  }
  const judgement = c.tokens.slice(c.first, c.last + 1).map((t) => t.norm).join(' ');
  const who = isHumanActor(c) ? whoSaw(c) : subjectRole(c);
  return `Instead of "${judgement}", describe what ${who} did and what they saw at the time, and ask what conditions (time pressure, a missing review, confusing tooling) made the action likely.`;
}

function isHumanActor(c: SuggestionContext): boolean {
  return c.actor !== null && c.actor.kind !== 'other';
}

/** The role the sentence is about ("the reviewer"), or "the people involved"; never a name. */
function subjectRole(c: SuggestionContext): string {
  for (let i = clauseStart(c.tokens, c.first); i < c.tokens.length; i++) {
    const token = c.tokens[i]!;
    if (token.person) return 'the person';
    if (/^(engineer|developer|operator|reviewer|admin|administrator|dba|sre|team|on-call|responder|contractor|maintainer)s?$/.test(token.norm)) {
      return whoSaw({ ...c, actor: { kind: 'role', index: i } });
    }
  }
  return 'the people involved';
}

function humanErrorQuestion(c: SuggestionContext): string {
  // "in the firewall rule caused the outage": only the circumstance, up to the next verb.
  const verb = c.tokens.findIndex((t, i) => i > c.last + 1 && t.tags.has('Verb') && !/^(in|while|when|during|by|with|of|before|after)$/.test(c.tokens[i - 1]!.norm));
  const rest = verb > 0 ? pieceBetween(c, c.last + 1, Math.min(verb, c.last + 1 + MAX_PIECE)) : pieceAfter(c, c.last + 1);
  const about = rest && /^(in|during|when|while|with)\b/i.test(rest) ? ` ${rest.replace(/[,.;:]$/, '')}` : '';
  return `Describe the action${about} and what made it easy to get wrong: what did the tools show, what did nothing ask to confirm, and what would have caught it?`;
}

const NOBODY_IN_PARTICULAR = new Set(['someone', 'somebody', 'anyone', 'anybody', 'whoever', 'everyone', 'everybody']);

/** "the team", "you", a role as written ("the on-call engineer", never a name), else "the person". */
function whoSaw(c: SuggestionContext): string {
  const { actor } = c;
  if (actor?.kind === 'team') return 'the team';
  if (actor?.kind === 'self') return 'you';
  const token = actor && c.tokens[actor.index];
  if (actor?.kind === 'role' && token && !NOBODY_IN_PARTICULAR.has(token.norm)) {
    const modifier = c.tokens[actor.index - 1];
    const compound = modifier && !modifier.breakAfter && !modifier.commaAfter && (modifier.tags.has('Adjective') || modifier.norm === 'on-call') ? `${modifier.norm} ` : '';
    return `the ${compound}${token.norm}`;
  }
  return 'the person';
}

/** The clause's subject before the phrase, without an opening "In hindsight," or a trailing auxiliary. */
function subjectPiece(c: SuggestionContext): string {
  let from = clauseStart(c.tokens, c.first);
  for (let i = from; i < c.first; i++) {
    if (c.tokens[i]!.commaAfter) from = i + 1;
    else if (/^(if|when|because|since|although|though|while|after|before)$/.test(c.tokens[i]!.norm)) from = i + 1;
  }
  let to = c.first;
  while (to > from && /^(was|were|is|are|been|had|has|have|not)$/.test(c.tokens[to - 1]!.norm)) to--;
  // "an issue which should have been addressed": the noun the relative clause hangs on.
  if (to > from && /^(which|that|who)$/.test(c.tokens[to - 1]!.norm)) {
    to--;
    from = to - 1;
    while (from > 0 && /^(Determiner|Adjective|Noun)$/.test(['Determiner', 'Adjective', 'Noun'].find((tag) => c.tokens[from - 1]!.tags.has(tag)) ?? '') && !c.tokens[from - 1]!.breakAfter) from--;
  }
  return pieceBetween(c, from, to);
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

/** Participles compromise conjugates wrongly on their own ("knowning"). */
const IRREGULAR_GERUNDS: Record<string, string> = {
  known: 'knowing', seen: 'seeing', done: 'doing', gone: 'going', taken: 'taking', given: 'giving', written: 'writing',
  told: 'telling', caught: 'catching', begun: 'beginning', broken: 'breaking', chosen: 'choosing', forgotten: 'forgetting',
};

function gerund(word: string): string {
  let cached = gerunds.get(word);
  if (cached === undefined) {
    const infinitive = (nlp(word).verbs().toInfinitive().text() as string) || word;
    cached =
      IRREGULAR_GERUNDS[word] ??
      ((nlp(infinitive).verbs().toGerund().text() as string).replace(/^(is|are|am|be)\s+/, '') ||
        // Alone, "verified" and "removed" read as adjectives; in a clause they are verbs.
        (nlp(`they ${word} it`).verbs().toGerund().text() as string).replace(/^(is|are|am|be)\s+/, '').replace(/\s+it$/, '') ||
        word);
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
