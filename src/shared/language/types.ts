/** Shared result types of the language checks (F7, F8, F9). Pure data, no behaviour. */

export type Severity = 'warning' | 'info';

/** The kinds of blame the checker finds (issue 14's definitions; see docs/language.md). */
export type BlameKind = 'human_error' | 'counterfactual' | 'character' | 'exhortation' | 'person_as_cause';

/** One blaming or counterfactual phrase found in a free-text field. */
export interface LanguageFinding {
  /** Stable rule id, e.g. 'human-error'; see BLAMELESS_RULES. */
  rule: string;
  /** The kind of blame: several rules share one ('omission' and 'counterfactual' are both hindsight). */
  kind: BlameKind;
  /** UTF-16 offsets into the checked text: text.slice(start, end) === excerpt. */
  start: number;
  end: number;
  excerpt: string;
  /** Why this phrasing gets in the way of learning. */
  explanation: string;
  /** A systemic question or reframing built from the flagged sentence, with names removed. */
  suggestion: string;
  severity: Severity;
}

export interface BlamelessOptions {
  /** Names of the incident's commander and responders, e.g. ['Priya Raman', 'Bob']. */
  people?: string[];
}

export type ItemId = string | number;

export interface ActionItemInput {
  id: ItemId;
  title: string;
  description?: string | null;
  owner?: string | null;
  dueDate?: string | null;
  factorIds: ItemId[];
  status?: string;
}

export interface ContributorInput {
  id: ItemId;
  title: string;
  /** The team decided explicitly not to act on this contributor. */
  acceptedRisk?: boolean;
}

export interface ActionQualityInput {
  actionItems: ActionItemInput[];
  contributors: ContributorInput[];
}

/** One problem with an action item or an uncovered contributor. */
export interface ActionFinding {
  rule: string;
  target: { kind: 'action' | 'factor'; id: ItemId };
  explanation: string;
  suggestion: string;
}
