/**
 * F8 action-item quality: vague wording, missing owner / due date / factor, and
 * contributors that no action item addresses. Advice only; pure, no I/O.
 *
 * Declined items are skipped and do not cover a contributor. Done items are not asked
 * for a due date any more.
 */
import nlp from 'compromise';
import { checkBlameless } from './blameless.js';
import {
  GENERIC_NOUNS,
  INVALID_DUE_DATE,
  MISSING_DUE_DATE,
  MISSING_FACTOR,
  MISSING_OWNER,
  NO_OUTCOME,
  OUTCOME_CUES,
  PLACEHOLDER_OWNERS,
  RELIES_ON_VIGILANCE,
  UNCOVERED_CONTRIBUTOR,
  VAGUE,
  type ActionRule,
} from './action-rules.js';
import type { ActionFinding, ActionItemInput, ActionQualityInput, ItemId } from './types.js';

const VIGILANCE_PATTERN = phrasePattern(RELIES_ON_VIGILANCE.phrases ?? []);
const INVESTIGATION_PATTERN = phrasePattern(NO_OUTCOME.phrases ?? []);
const OUTCOME_PATTERN = phrasePattern(OUTCOME_CUES);
const VAGUE_PATTERN = phrasePattern(VAGUE.phrases ?? []);
/** An investigation verb counts only near the start of the title ("Investigate X"). */
const INVESTIGATION_WINDOW_WORDS = 3;
/** A vague phrase counts when it is what the item is about: near the start of the title. */
const VAGUE_WINDOW_WORDS = 4;

export function checkActionItems(input: ActionQualityInput): ActionFinding[] {
  return [...input.actionItems.flatMap(checkItem), ...uncoveredContributors(input)];
}

function checkItem(item: ActionItemInput): ActionFinding[] {
  const status = (item.status ?? '').trim().toLowerCase();
  if (status === 'declined') return [];
  const rules = [wordingProblem(item), ...missingFields(item, status)];
  return rules
    .filter((rule): rule is ActionRule => rule !== null)
    .map((rule) => toFinding(rule, 'action', item.id));
}

/** At most one wording finding per item: the most specific one wins. */
export function wordingProblem(item: Pick<ActionItemInput, 'title' | 'description'>): ActionRule | null {
  const title = normalise(item.title);
  const description = normalise(item.description ?? '');
  const both = `${title}\n${description}`;
  if (VIGILANCE_PATTERN.test(both) || asksPeopleToTryHarder(item)) return RELIES_ON_VIGILANCE;
  const investigation = INVESTIGATION_PATTERN.exec(title);
  if (investigation && wordIndex(title, investigation.index) < INVESTIGATION_WINDOW_WORDS) {
    return OUTCOME_PATTERN.test(both) ? null : NO_OUTCOME;
  }
  const lead = VAGUE_LEAD.exec(title);
  if (lead && !namesSpecificTarget(`${item.title.slice(lead[0].length)}\n${item.description ?? ''}`)) return VAGUE;
  const vague = VAGUE_PATTERN.exec(title);
  // "Ask datacenters to apply monitoring and follow up": a vague tail after a concrete task is fine.
  if (!vague || wordIndex(title, vague.index) >= VAGUE_WINDOW_WORDS) return null;
  const rest = `${item.title.slice(vague.index + vague[0].length)}\n${item.description ?? ''}`;
  return namesConcreteTarget(rest) ? null : VAGUE;
}

/**
 * "Be more careful", "we need to be better at following the process": the blameless checker's
 * exhortations are exactly the items that rely on vigilance. Checked on the item's own words.
 */
function asksPeopleToTryHarder(item: Pick<ActionItemInput, 'title' | 'description'>): boolean {
  return [item.title, item.description ?? ''].some((text) => checkBlameless(text).some((finding) => finding.kind === 'exhortation'));
}

/**
 * "More testing", "Better review process", "We need to streamline our pipelines": a comparative
 * that leads the title promises more of something without saying what.
 */
const VAGUE_LEAD =
  /^\s*(?:(?:we|they|the team|teams?)\s+(?:need|needs|should|must|will|want)\s+(?:to\s+)?|ensure\s+|make sure\s+|try to\s+)?(?:more|better|less|fewer|improved?|enhanced?|increased?|reduced?|bring down|streamline|strengthen|automate more|(?:a\s+)?better|set\s?up more|add more)\b/i;

/** Stricter than namesConcreteTarget: a number, code, acronym, name, or "of/for/on/around <something>". */
function namesSpecificTarget(rest: string): boolean {
  return /\d|`/.test(rest) || /\b[A-Z]{2,}\b/.test(rest) || /\b[A-Z][a-z]+[A-Z]?\w*/.test(rest) || /\b(of|for|on|around|in)\s+(?!the\s+(system|process|team|future)\b)\w{3,}/i.test(rest);
}

/**
 * Does the text name something specific: a number, code, an acronym or product name
 * (ALB, Kafka), or a noun that is not generic ("payment service", not "the system")?
 */
export function namesConcreteTarget(text: string): boolean {
  // A capitalised word after a lowercase one is a name ("of Kafka"), not a sentence start.
  if (/\d|`/.test(text) || /\b[A-Z]{2,}\b/.test(text) || /[a-z,][ \t]+[A-Z][a-zA-Z]+/.test(text)) return true;
  const nouns = nlp(text.toLowerCase()).match('#Noun').not('#Pronoun').out('array') as string[];
  return nouns.some((noun) => !GENERIC_NOUNS.has(noun.replace(/[^a-z-]/g, '')));
}

function missingFields(item: ActionItemInput, status: string): Array<ActionRule | null> {
  const owner = (item.owner ?? '').trim().toLowerCase();
  const due = (item.dueDate ?? '').trim();
  let dueRule: ActionRule | null = null;
  if (status !== 'done') dueRule = due === '' ? MISSING_DUE_DATE : Number.isNaN(Date.parse(due)) ? INVALID_DUE_DATE : null;
  return [
    PLACEHOLDER_OWNERS.has(owner) ? MISSING_OWNER : null,
    dueRule,
    item.factorIds.length === 0 ? MISSING_FACTOR : null,
  ];
}

function uncoveredContributors(input: ActionQualityInput): ActionFinding[] {
  const covered = new Set(
    input.actionItems
      .filter((item) => (item.status ?? '').trim().toLowerCase() !== 'declined')
      .flatMap((item) => item.factorIds.map(String)),
  );
  return input.contributors
    .filter((contributor) => !contributor.acceptedRisk && !covered.has(String(contributor.id)))
    .map((contributor) => toFinding(UNCOVERED_CONTRIBUTOR, 'factor', contributor.id));
}

function toFinding(rule: ActionRule, kind: 'action' | 'factor', id: ItemId): ActionFinding {
  return { rule: rule.id, target: { kind, id }, explanation: rule.explanation, suggestion: rule.suggestion };
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'");
}

function wordIndex(text: string, charIndex: number): number {
  return (text.slice(0, charIndex).match(/\S+/g) ?? []).length;
}

/** One case-insensitive, whole-word pattern for a list of phrases, longest first. */
function phrasePattern(phrases: readonly string[]): RegExp {
  const escaped = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\w-])(?:${escaped.join('|')})(?![\\w-])`);
}
