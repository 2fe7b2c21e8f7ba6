/**
 * F9 review quality score: completeness, blamelessness and action coverage as one number
 * with its reasons. Advice, never a block: nothing should refuse to publish on a low score.
 *
 * Weighting (sums to 100):
 *   completeness    40  most reviews fall short by leaving sections empty, and an empty
 *                       timeline or factor list undermines everything else;
 *   blamelessness   30  100 minus 10 per warning and 4 per info finding, floor 0;
 *   actionCoverage  30  60% share of contributors with a live action item or an accepted
 *                       risk, 40% share of live action items without a quality finding.
 */
import { checkActionItems } from './action-quality.js';
import { checkBlameless } from './blameless.js';
import type { ActionFinding, ActionItemInput, ContributorInput, LanguageFinding } from './types.js';

export const QUALITY_WEIGHTS = { completeness: 40, blamelessness: 30, actionCoverage: 30 } as const;
const PENALTY = { warning: 10, info: 4 } as const;
const COVERAGE_SHARE = 0.6;
const MAX_LISTED = 5;

export interface ReviewQualityInput {
  sections: Array<{ key: string; label: string; filled: boolean }>;
  /** Every free-text field of the review, e.g. { field: 'summary', text }. */
  texts: Array<{ field: string; text: string; /** The field in words, for reasons ("the title of action item “…”"); the path otherwise. */ label?: string }>;
  /** The incident's commander and responders, so their names are recognised. */
  people?: string[];
  actionItems: ActionItemInput[];
  contributors: ContributorInput[];
}

export type FieldLanguageFinding = LanguageFinding & { field: string; label?: string };

export interface QualityScore {
  /** 0-100 integer. */
  score: number;
  parts: { completeness: number; blamelessness: number; actionCoverage: number };
  reasons: string[];
  languageFindings: FieldLanguageFinding[];
  actionFindings: ActionFinding[];
}

const ACTION_PROBLEM_LABELS: Record<string, string> = {
  'relies-on-vigilance': 'rely on vigilance',
  'no-outcome': 'investigation without an outcome',
  vague: 'vague',
  'missing-owner': 'without owner',
  'missing-due-date': 'without due date',
  'invalid-due-date': 'with an invalid due date',
  'missing-factor': 'not linked to a factor',
};

export function scoreReview(input: ReviewQualityInput): QualityScore {
  const languageFindings = input.texts.flatMap(({ field, text, label }) =>
    checkBlameless(text, { people: input.people }).map((finding) => ({ ...finding, field, ...(label ? { label } : {}) })),
  );
  const actionFindings = checkActionItems(input);
  const completeness = scoreCompleteness(input.sections);
  const blamelessness = scoreBlamelessness(languageFindings);
  const coverage = scoreActionCoverage(input, actionFindings);
  const parts = { completeness: completeness.value, blamelessness: blamelessness.value, actionCoverage: coverage.value };
  const score = Math.round(
    (parts.completeness * QUALITY_WEIGHTS.completeness +
      parts.blamelessness * QUALITY_WEIGHTS.blamelessness +
      parts.actionCoverage * QUALITY_WEIGHTS.actionCoverage) /
      100,
  );
  return {
    score,
    parts,
    reasons: [...completeness.reasons, ...blamelessness.reasons, ...coverage.reasons],
    languageFindings,
    actionFindings,
  };
}

interface Part {
  value: number;
  reasons: string[];
}

function scoreCompleteness(sections: ReviewQualityInput['sections']): Part {
  if (sections.length === 0) return { value: 100, reasons: ['No sections to fill in.'] };
  const empty = sections.filter((section) => !section.filled);
  const value = Math.round((100 * (sections.length - empty.length)) / sections.length);
  if (empty.length === 0) return { value, reasons: [`All ${sections.length} sections are filled in.`] };
  const labels = empty.map((section) => section.label).join(', ');
  return { value, reasons: [`${empty.length} of ${sections.length} sections are empty: ${labels}.`] };
}

function scoreBlamelessness(findings: FieldLanguageFinding[]): Part {
  if (findings.length === 0) return { value: 100, reasons: ['No blaming or counterfactual language found.'] };
  const penalty = findings.reduce((sum, finding) => sum + PENALTY[finding.severity], 0);
  const listed = findings.slice(0, MAX_LISTED).map((finding) => `"${finding.excerpt}" (in ${finding.label ?? finding.field})`);
  const more = findings.length > MAX_LISTED ? ` and ${findings.length - MAX_LISTED} more` : '';
  const noun = findings.length === 1 ? 'phrase reads' : 'phrases read';
  return {
    value: Math.max(0, 100 - penalty),
    reasons: [`${findings.length} ${noun} as blame or hindsight: ${listed.join(', ')}${more}.`],
  };
}

function scoreActionCoverage(input: ReviewQualityInput, findings: ActionFinding[]): Part {
  const live = input.actionItems.filter((item) => (item.status ?? '').trim().toLowerCase() !== 'declined');
  const uncovered = findings.filter((finding) => finding.target.kind === 'factor');
  const total = input.contributors.length;
  const coverage = total === 0 ? 0 : (total - uncovered.length) / total;
  const flagged = new Set(findings.filter((f) => f.target.kind === 'action').map((f) => String(f.target.id)));
  const quality = live.length === 0 ? coverage : live.filter((item) => !flagged.has(String(item.id))).length / live.length;
  const value = Math.round(100 * (COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * quality));
  return { value, reasons: [coverageReason(input, uncovered), actionReason(live.length, findings)] };
}

function coverageReason(input: ReviewQualityInput, uncovered: ActionFinding[]): string {
  const total = input.contributors.length;
  if (total === 0) return 'No contributing factors recorded yet, so there is nothing for action items to cover.';
  if (uncovered.length === 0) return `All ${total} contributors have an action item or an accepted risk.`;
  const ids = new Set(uncovered.map((finding) => String(finding.target.id)));
  const titles = input.contributors.filter((c) => ids.has(String(c.id))).map((c) => `"${c.title}"`);
  return `${uncovered.length} of ${total} contributors have no action item or accepted risk: ${titles.join(', ')}.`;
}

function actionReason(liveCount: number, findings: ActionFinding[]): string {
  if (liveCount === 0) return 'No action items yet.';
  const actionFindings = findings.filter((finding) => finding.target.kind === 'action');
  if (actionFindings.length === 0) return `All ${liveCount} action items are specific, owned, dated and linked to a factor.`;
  const items = new Set(actionFindings.map((finding) => String(finding.target.id))).size;
  const counts = new Map<string, number>();
  for (const finding of actionFindings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  const details = [...counts].map(([rule, count]) => `${count} ${ACTION_PROBLEM_LABELS[rule] ?? rule}`);
  return `${items} of ${liveCount} action items need attention: ${details.join(', ')}.`;
}
