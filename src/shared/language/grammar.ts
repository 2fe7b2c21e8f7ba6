/**
 * Small grammar helpers over compromise tokens: who is the actor of a phrase?
 * The blameless rules only care whether that actor is a person (a name, a role such as
 * "the on-call engineer", or a personal pronoun) or a thing ("the job", "pods").
 */
import { isUnknownWord } from './lexicon.js';
import type { Token } from './tokens.js';

/** self: "I"; team: "we" (a team owning its work; hindsight about it counts, being "the cause" does not). */
export type ActorKind = 'person' | 'role' | 'self' | 'team' | 'other';

export interface Actor {
  kind: ActorKind;
  /** Index of the token that names the actor. */
  index: number;
}

const ROLE_NOUNS = new Set(
  `engineer developer dev operator admin administrator sre dba intern contractor responder
   reviewer on-call oncall on-caller someone somebody manager colleague person human staff
   author deployer committer maintainer employee technician teammate newcomer hire junior
   commander ic analyst architect owner team squad whoever lead everyone everybody`
    .split(/\s+/)
    .flatMap((noun) => [noun, `${noun}s`]),
);
const PERSON_PRONOUNS = new Set(['he', 'she', 'you', 'him', 'her']);
const SELF_PRONOUNS = new Set(['i', 'me']);
const TEAM_PRONOUNS = new Set(['we', 'us']);
const POSSESSIVE_PRONOUNS: Record<string, ActorKind> = { his: 'person', her: 'person', your: 'person', my: 'self', our: 'team' };
/** People nobody in particular: "anyone reading the diff would have spotted it". */
const HYPOTHETICAL_PEOPLE = new Set(['anyone', 'anybody', 'someone', 'somebody', 'whoever']);
const HYPOTHETICAL_DETERMINERS = new Set(['any', 'every', 'careful', 'experienced', 'reasonable', 'competent', 'attentive', 'seasoned']);
/** People only when the phrase is about a mind: "users failed to receive emails" is about email. */
const MINDFUL_ROLES = new Set(
  'user users customer customers strategist strategists member members contributor contributors volunteer volunteers approver approvers people folks validator validators'.split(' '),
);

/** What only people do, as the gerund that opens a clause: "while [troubleshooting], ...". */
const HUMAN_ACTIVITIES = new Set('troubleshooting debugging investigating cleaning fixing working testing migrating editing reviewing'.split(' '));
/** Words that may name a person when the phrase is about a mind ("they forgot", "users ignored"). */
export const MINDFUL_WORDS: ReadonlySet<string> = new Set([...MINDFUL_ROLES, 'they']);
/** Words that show a sentence may be about a person; used by the cheap prefilter. */
export const HUMAN_WORDS: ReadonlySet<string> = new Set([
  ...ROLE_NOUNS,
  ...PERSON_PRONOUNS,
  ...SELF_PRONOUNS,
  ...TEAM_PRONOUNS,
  ...HYPOTHETICAL_PEOPLE,
  ...HUMAN_ACTIVITIES,
  ...Object.keys(POSSESSIVE_PRONOUNS),
  'call', // "on call", "on-call" split by the cheap word splitter
]);
const COORDINATORS = new Set(['and', 'but', 'or', 'then']);
const SUBORDINATORS = new Set(
  'that which who whom whose because when while after before since although though until once if as so'.split(' '),
);
/** Also the auxiliaries the tagger reads as main verbs without its post-tagger: "someone must [have] forgotten". */
const FILLERS = new Set(['then', 'also', 'just', 'simply', 'again', 'still', 'never', 'not', 'really', 'even', 'have', 'has', 'had', 'been']);

/** Also software: "the Kafka operator", "the Prometheus operator". */
const SOFTWARE_ROLES = new Set(['operator', 'operators']);

export function isRole(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (!token) return false;
  if (token.norm === 'call') return tokens[i - 1]?.norm === 'on';
  // "a team member", "staff members"; "a cluster member" is a node.
  if (token.norm === 'member' || token.norm === 'members') return ['team', 'staff', 'crew', 'squad', 'on-call'].includes(tokens[i - 1]?.norm ?? '');
  if (!ROLE_NOUNS.has(token.norm)) return false;
  const modifier = tokens[i - 1];
  // "a post on Teams": a capitalised role word mid-sentence is a name (SRE, DBA are fine).
  const startsClause = !modifier || modifier.breakAfter;
  if (!startsClause && /^\p{Lu}\p{Ll}/u.test(token.text)) return false;
  return !(SOFTWARE_ROLES.has(token.norm) && modifier && !modifier.breakAfter && modifier.tags.has('Noun'));
}

export function classify(tokens: readonly Token[], i: number): ActorKind {
  const token = tokens[i];
  if (!token) return 'other';
  if (token.person || PERSON_PRONOUNS.has(token.norm)) return 'person';
  if (HYPOTHETICAL_PEOPLE.has(token.norm)) return 'role';
  if (SELF_PRONOUNS.has(token.norm)) return 'self';
  if (TEAM_PRONOUNS.has(token.norm)) return 'team';
  return isRole(tokens, i) ? 'role' : 'other';
}

export function isHuman(actor: Actor | null): actor is Actor {
  return actor !== null && actor.kind !== 'other';
}

function isNounLike(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (!token) return false;
  const { tags } = token;
  return token.person || isRole(tokens, i) || tags.has('Noun') || tags.has('Pronoun') || tags.has('Acronym');
}

function isMainVerb(token: Token | undefined): boolean {
  if (!token) return false;
  const { tags } = token;
  return tags.has('Verb') && !tags.has('Auxiliary') && !tags.has('Copula') && !tags.has('Modal');
}

/** Adverbs, auxiliaries and negations that sit between a subject and its verb. */
function isSkippable(token: Token): boolean {
  const { tags } = token;
  return (
    token.text === '' ||
    FILLERS.has(token.norm) ||
    tags.has('Adverb') ||
    tags.has('Auxiliary') ||
    tags.has('Modal') ||
    tags.has('Negative') ||
    tags.has('Copula')
  );
}

/**
 * The subject of the verb phrase starting at `index`: the nearest noun to its left,
 * skipping adverbs and auxiliaries ("Bob then quickly failed to"), and following
 * coordination back to a shared subject ("Bob restarted the pods and failed to ...").
 * Commas are crossed so that appositions work ("Priya, the SRE, failed to").
 */
export function subjectBefore(tokens: readonly Token[], index: number, depth = 0): Actor | null {
  let i = index - 1;
  while (i >= 0 && isSkippable(tokens[i]!) && !tokens[i]!.breakAfter) i--;
  const token = tokens[i];
  if (!token || token.breakAfter) return null;
  if (isNounLike(tokens, i)) {
    // "The load balancer deployed [by the platform team] crashed": the agent of a participle is not the subject.
    if (isAgentOfParticiple(tokens, i)) return { kind: 'other', index: i };
    return personBeforeQualifier(tokens, i) ?? { kind: classify(tokens, i), index: i };
  }
  if (COORDINATORS.has(token.norm) && depth < 2) {
    const verb = nearestVerbBefore(tokens, i);
    return verb === null ? null : subjectBefore(tokens, verb, depth + 1);
  }
  return null;
}

/** The noun phrase ending at `nounIndex` follows "by" after a participle: "deployed by the platform team". */
function isAgentOfParticiple(tokens: readonly Token[], nounIndex: number): boolean {
  let i = nounIndex - 1;
  while (i >= 0 && !tokens[i]!.breakAfter && !tokens[i]!.commaAfter && (isNounLike(tokens, i) || tokens[i]!.tags.has('Determiner') || tokens[i]!.tags.has('Adjective'))) i--;
  return tokens[i]?.norm === 'by' && (tokens[i - 1]?.tags.has('PastTense') ?? false);
}

const QUALIFYING_PREPOSITIONS = new Set(['on', 'in', 'at', 'from', 'of', 'with', 'for']);

/**
 * "The engineer [on duty] overlooked", "the person [in charge of the release] forgot": a person
 * qualified by a short prepositional phrase is the subject, not the noun that ends the phrase.
 */
function personBeforeQualifier(tokens: readonly Token[], nounIndex: number): Actor | null {
  if (classify(tokens, nounIndex) !== 'other') return null;
  for (let i = nounIndex - 1; i >= 0 && i >= nounIndex - 5; i--) {
    const token = tokens[i]!;
    if (token.breakAfter || token.commaAfter || isMainVerb(token)) return null;
    if (!QUALIFYING_PREPOSITIONS.has(token.norm)) continue;
    // "the developer [responsible] for the release": one adjective may stand between.
    const head = tokens[i - 1]?.tags.has('Adjective') && !tokens[i - 1]!.tags.has('Noun') ? i - 2 : i - 1;
    const kind = classify(tokens, head);
    return kind === 'other' || tokens[head]!.breakAfter ? null : { kind, index: head };
  }
  return null;
}

/** "servers [undergoing] maintenance" has no subject of its own; "we were not [monitoring]" is progressive. */
function isNonFinite(tokens: readonly Token[], i: number): boolean {
  if (!/^[a-z]{3,}ing$/.test(tokens[i]!.norm)) return false;
  let k = i - 1;
  while (k >= 0 && (tokens[k]!.tags.has('Negative') || tokens[k]!.tags.has('Adverb'))) k--;
  return !(tokens[k]?.tags.has('Copula') || tokens[k]?.tags.has('Auxiliary'));
}

/** The nearest main verb to the left within the same clause, or null. */
export function nearestVerbBefore(tokens: readonly Token[], index: number): number | null {
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.breakAfter || SUBORDINATORS.has(token.norm)) return null;
    // "used a tool [to reboot] servers [undergoing] maintenance but forgot": non-finite verbs have no subject of their own.
    if (isMainVerb(token) && tokens[i - 1]?.norm !== 'to' && !isNonFinite(tokens, i)) return i;
  }
  return null;
}

/**
 * Who did the action an adverbial describes ("accidentally", "by mistake")? It may stand
 * before the verb ("Bob accidentally deleted"), after the object ("Bob deleted the
 * namespace by mistake"), or in a passive with an agent ("was accidentally run by Bob").
 */
export function adverbialActor(tokens: readonly Token[], start: number, end: number): Actor | null {
  const before = subjectBefore(tokens, start);
  if (isHuman(before)) return before;
  // "while troubleshooting, accidentally pushed a change": the one troubleshooting is a person.
  const previous = tokens[start - 1];
  if (!before && previous && HUMAN_ACTIVITIES.has(previous.norm)) return { kind: 'person', index: start - 1 };
  const agent = passiveAgent(tokens, end);
  if (agent) return agent;
  if (before && isMainVerb(tokens[end + 1])) return before;
  // After the object: try the verbs of this clause from right to left ("ran terraform apply").
  for (let verb = nearestVerbBefore(tokens, start); verb !== null; verb = nearestVerbBefore(tokens, verb)) {
    const subject = subjectBefore(tokens, verb);
    if (isHuman(subject)) return subject;
  }
  return before;
}

function passiveAgent(tokens: readonly Token[], end: number): Actor | null {
  for (let i = end + 1; i <= end + 4 && i < tokens.length; i++) {
    if (tokens[i]!.norm === 'by') {
      const agent = nounPhraseAfter(tokens, i);
      return isHuman(agent) ? agent : null;
    }
    if (tokens[i]!.breakAfter) break;
  }
  return null;
}

const PARTITIVES = new Set(['one', 'two', 'some', 'several', 'many', 'most', 'each', 'any', 'either', 'none']);

/**
 * The noun phrase right after `index` ("caused by [the on-call engineer]", "due to
 * [Bob's typo]"). It is human when its head is human, or when a human owns a head that
 * is one of `causeNouns`.
 */
export function nounPhraseAfter(
  tokens: readonly Token[],
  index: number,
  causeNouns: ReadonlySet<string> = new Set(),
): Actor | null {
  if (tokens[index]?.breakAfter) return null;
  let owner: Actor | null = null;
  let head: Actor | null = null;
  for (let i = index + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    // "an engineer [running] a migration": a participle after the head opens a clause of its own.
    if (head && /^[a-z]{3,}ing$/.test(token.norm)) break;
    // "one of our engineers", "some of the developers": the people are after "of".
    if (!head && PARTITIVES.has(token.norm) && tokens[i + 1]?.norm === 'of' && !token.breakAfter) {
      i++;
      continue;
    }
    const nounLike = isNounLike(tokens, i);
    // "a [second] engineer", "[two] reviewers".
    const modifier = token.tags.has('Determiner') || token.tags.has('Adjective') || token.tags.has('Value') || token.text === '';
    if (!modifier && !nounLike) break;
    if (nounLike) {
      head = { kind: classify(tokens, i), index: i };
      if (token.possessive && head.kind !== 'other' && !owner) owner = head;
    }
    if (token.breakAfter || token.commaAfter) break;
  }
  if (head && head.kind !== 'other') return head;
  // "Bob's change" is a cause framed as a person; "Priya's quick rollback" is credit.
  if (owner && head && causeNouns.has(tokens[head.index]!.norm)) return owner;
  return head;
}

/** The owner in "Bob's mistake", "the engineer's careless error", "his fault". */
export function possessorBefore(tokens: readonly Token[], index: number): Actor | null {
  let i = index - 1;
  let adjectives = 0;
  while (i >= 0) {
    const token = tokens[i]!;
    if (token.text === '') i--;
    else if (token.tags.has('Adjective') && !token.possessive && adjectives < 2) {
      adjectives++;
      i--;
    } else break;
  }
  const token = tokens[i];
  if (!token || token.breakAfter) return null;
  const pronoun = POSSESSIVE_PRONOUNS[token.norm];
  if (pronoun) return { kind: pronoun, index: i };
  return token.possessive ? { kind: classify(tokens, i), index: i } : null;
}

/** A hypothetical person before `index` in the sentence: "anyone", "any engineer", "a careful reviewer". */
export function hypotheticalAgent(tokens: readonly Token[], index: number): Actor | null {
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.breakAfter && i < index - 1) return null;
    if (HYPOTHETICAL_PEOPLE.has(token.norm)) return { kind: 'role', index: i };
    if (isRole(tokens, i) && HYPOTHETICAL_DETERMINERS.has(tokens[i - 1]?.norm ?? '')) return { kind: 'role', index: i };
  }
  return null;
}

/**
 * Who did the action a trailing clause is about: "Bob [pushed] the config that took the site
 * down", "an engineer [ran] the script, causing ...". The verb must be one of `agentVerbs`, so
 * that "Priya reverted the change that caused the outage" stays narration.
 */
export function agentOfAction(tokens: readonly Token[], index: number, agentVerbs: ReadonlySet<string>): Actor | null {
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.breakAfter) return null;
    if (!isMainVerb(token)) continue;
    if (!agentVerbs.has(token.norm)) return null;
    return subjectBefore(tokens, i);
  }
  return null;
}

/**
 * The subject that opens the sentence, for a clause that leaves it out: "We tested on an
 * empty chain, should have tested against real state".
 */
export function leadingSubject(tokens: readonly Token[]): Actor | null {
  for (let i = 0; i < tokens.length && i < 4; i++) {
    const kind = classify(tokens, i);
    if (kind !== 'other') return { kind, index: i };
    if (isMainVerb(tokens[i])) return null;
  }
  return null;
}

/**
 * "Alex's deploy took down the site", "Tom's change to the rate limiter broke checkout": a
 * change owned by a person stands for the person, also across a prepositional phrase.
 */
export function ownerOfCause(tokens: readonly Token[], subject: Actor | null, causeNouns: ReadonlySet<string>): Actor | null {
  if (!subject || subject.kind !== 'other') return subject;
  for (let i = subject.index; i >= 0 && i >= subject.index - 6; i--) {
    const token = tokens[i]!;
    if (i < subject.index && (token.breakAfter || isMainVerb(token))) break;
    if (!causeNouns.has(token.norm)) continue;
    const owner = possessorBefore(tokens, i);
    if (isHuman(owner)) return owner;
  }
  return subject;
}

/**
 * "They" and a capitalised word compromise does not know ("Okafor", "Priya") are people only
 * when the phrase is about a mind: "they forgot", "Priya overlooked"; "they failed to start"
 * is about pods and "Kafka broke" about Kafka.
 */
export function mindfulSubject(tokens: readonly Token[], subject: Actor | null): Actor | null {
  if (!subject || subject.kind !== 'other') return subject;
  const token = tokens[subject.index]!;
  if (token.norm === 'they' || MINDFUL_ROLES.has(token.norm)) return { kind: 'person', index: subject.index };
  const unknownName = /^\p{Lu}\p{Ll}+$/u.test(token.text) && !token.tags.has('Plural') && isUnknownWord(token.norm);
  return unknownName ? { kind: 'person', index: subject.index } : subject;
}

/**
 * The acting subject of the clause a conjunction opens: "because [Priya] restarted the
 * primary". The verb must be one of `agentVerbs`.
 */
export function clauseAgent(
  tokens: readonly Token[],
  index: number,
  agentVerbs: ReadonlySet<string>,
  causeNouns: ReadonlySet<string>,
): Actor | null {
  // "after [John's deploy]": a change owned by a person needs no verb.
  const owner = nounPhraseAfter(tokens, index, causeNouns);
  if (isHuman(owner) && tokens[owner.index]!.possessive) return owner;
  const subject = nounPhraseAfter(tokens, index);
  if (!subject) return null;
  let i = subject.index + 1;
  while (tokens[i] && isSkippable(tokens[i]!) && !tokens[i - 1]!.breakAfter) i++;
  return tokens[i] && agentVerbs.has(tokens[i]!.norm) ? subject : null;
}

const OBJECT_PRONOUNS: Record<string, ActorKind> = { me: 'self', us: 'team', him: 'person', her: 'person', you: 'person', them: 'person' };

/** Whom a judgement is about: "a stupid engineer", "Bob was careless", "that was dumb of me". */
export function judgedPerson(tokens: readonly Token[], start: number, end: number): Actor | null {
  if (tokens[end + 1]?.norm === 'of') {
    const kind = OBJECT_PRONOUNS[tokens[end + 2]?.norm ?? ''];
    if (kind) return { kind, index: end + 2 };
  }
  // From after the judgement: the tagger sometimes reads it as a verb ("an [inexperienced] engineer").
  const after: Actor | null = nounPhraseAfter(tokens, end);
  if (after && after.kind !== 'other') return after;
  // "a stupid move by the person on call"
  const agent = after && ['by', 'of'].includes(tokens[after.index + 1]?.norm ?? '') ? nounPhraseAfter(tokens, after.index + 1) : null;
  if (isHuman(agent)) return agent;
  const before = subjectBefore(tokens, start);
  return isHuman(before) && tokens.slice(before.index + 1, start).some((t) => t.tags.has('Copula')) ? before : null;
}

/** "if [Bob] had checked", "if [the reviewer] had not approved": a person in a past conditional. */
export function conditionalAgent(tokens: readonly Token[], index: number, isParticiple: (token: Token | undefined) => boolean): Actor | null {
  const subject = nounPhraseAfter(tokens, index);
  if (!isHuman(subject)) return null;
  let i = subject.index + 1;
  // "Had [the engineer] waited": the inverted conditional has its auxiliary before the subject.
  if (tokens[index]?.norm !== 'had') {
    if (tokens[i]?.norm !== 'had') return null;
    i++;
  }
  while (tokens[i] && ['not', 'only', 'just', 'already', 'also', 'actually'].includes(tokens[i]!.norm)) i++;
  return isParticiple(tokens[i]) && tokens[i]!.norm !== 'been' ? subject : null;
}

/**
 * "The engineer [who] deployed the change caused the outage", "[Whoever] approved this should
 * have read the diff": the person a relative clause hangs on, when the subject found is a thing
 * inside that clause.
 */
export function relativeClauseHead(tokens: readonly Token[], subject: Actor): Actor {
  if (subject.kind !== 'other') return subject;
  for (let i = subject.index - 1; i >= 0 && i >= subject.index - 8; i--) {
    const token = tokens[i]!;
    if (token.breakAfter) break;
    if (token.norm === 'whoever') return { kind: 'role', index: i };
    // "The engineer who was on call noticed [that] the job had failed to ...": the subject is in another clause.
    if (SUBORDINATORS.has(token.norm) && token.norm !== 'who') break;
    if (token.norm !== 'who') continue;
    // One verb in the relative clause: "who [was] on call [noticed] the job failed" holds another clause.
    const verbs = tokens.slice(i + 1, subject.index).filter((t) => t.tags.has('Verb') && !t.tags.has('Auxiliary'));
    if (verbs.length > 1) return subject;
    const head: Actor | null = tokens[i - 1] && !tokens[i - 1]!.breakAfter ? { kind: classify(tokens, i - 1), index: i - 1 } : null;
    return isHuman(head) ? head : subject;
  }
  return subject;
}

const FAILED = new Set(['failed', 'fails', 'fail']);
const LEADING_FILLERS = new Set(['then', 'also', 'just', 'simply', 'again', 'later', 'unfortunately', 'obviously', 'clearly', 'initially', 'originally', 'but', 'and', 'so']);

/**
 * A note that leaves out its writer: "Forgot to update the TTL", "Attempted to restart the
 * service but failed to check the logs". The phrase opens the sentence (after an adverb or an
 * introductory phrase such as "In hindsight,"), or follows a clause that itself opens with a
 * past-tense verb and no subject.
 */
export function omitsItsWriter(tokens: readonly Token[], start: number, end: number): boolean {
  const i = clauseOpening(tokens, start);
  // "Failed to verify the certificate" opens log lines; "Missed heartbeats", "Missed migration for …" are headings.
  if (i === start) return !FAILED.has(tokens[start]!.norm) && !isBareNoun(tokens[end + 1]);
  return followsSubjectlessClause(tokens, i, start);
}

/** "Attempted to remove the changes but failed to …": whatever the verb, the subjectless clause before is the writer's. */
export function continuesSubjectlessClause(tokens: readonly Token[], start: number): boolean {
  return followsSubjectlessClause(tokens, clauseOpening(tokens, start), start);
}

/** The first word of the clause holding `start`, past leading adverbs ("Unfortunately, …"). */
function clauseOpening(tokens: readonly Token[], start: number): number {
  let i = 0;
  for (let k = 0; k < start; k++) if (tokens[k]!.commaAfter || tokens[k]!.breakAfter) i = k + 1;
  while (i < start && (LEADING_FILLERS.has(tokens[i]!.norm) || tokens[i]!.tags.has('Adverb'))) i++;
  return i;
}

/** A noun without a determiner: "[Missed] migration for existing state" names a thing, it narrates nobody. */
function isBareNoun(token: Token | undefined): boolean {
  return token !== undefined && token.tags.has('Noun') && !token.tags.has('Pronoun') && !token.possessive && !token.person;
}

/**
 * "Attempted to restart the service but failed to …": the phrase follows a clause that opens the
 * sentence with a past-tense verb and no subject, joined by a coordinator. The writer is the subject.
 */
function followsSubjectlessClause(tokens: readonly Token[], clauseStart: number, start: number): boolean {
  const i = clauseStart;
  if (i >= start || !tokens[i]!.tags.has('PastTense') || tokens[i]!.tags.has('Noun')) return false;
  for (let k = i; k < start; k++) if (tokens[k]!.breakAfter) return false;
  return tokens.slice(i + 1, start).some((t) => COORDINATORS.has(t.norm));
}
