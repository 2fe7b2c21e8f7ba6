/**
 * F8 action-item quality rules as data. Phrases are lowercase and matched on whole words
 * in an item's title and description; every rule carries examples for docs and tests.
 */

export type ActionRuleId =
  | 'relies-on-vigilance'
  | 'no-outcome'
  | 'vague'
  | 'missing-owner'
  | 'missing-due-date'
  | 'invalid-due-date'
  | 'missing-factor'
  | 'uncovered-contributor';

export interface ActionRule {
  id: ActionRuleId;
  explanation: string;
  suggestion: string;
  /** Phrases that trigger the rule (only for the three wording rules). */
  phrases?: string[];
  examples?: { flagged: string[]; fine: string[] };
}

const rule = (r: ActionRule): ActionRule => r;

export const RELIES_ON_VIGILANCE = rule({
  id: 'relies-on-vigilance',
  explanation: 'The item asks people to be more careful. They already tried; the same conditions will produce the same slip.',
  suggestion: 'Change the system instead: add a guard rail, an automated check or a confirmation step that makes the slip hard to make or easy to catch.',
  phrases: [
    'be more careful', 'be careful', 'more careful', 'pay attention', 'pay more attention', 'pay closer attention',
    'try harder', 'be more vigilant', 'be vigilant', 'double check', 'double-check', 'remember to', 'do not forget',
    "don't forget", 'raise awareness', 'remind everyone', 'remind people', 'remind the team', 'be more diligent',
    'take more care', 'think twice', 'be more thorough', 'actively monitor', 'react to them', 'reacts to them',
    'regularly check', 'keep an eye on', 'keep a close eye', 'remain calm', 'stay calm', 'know all your', 'know your',
    'react faster', 'respond faster', 'respond quicker', 'react quicker', 'escalate faster', 'escalate sooner',
    'quickly address', 'act faster', 'raise an incident quicker', 'be more aware', 'more aware', 'be cautious',
  ],
  examples: {
    flagged: ['Be more careful when editing Terraform', 'Double-check the kube context before applying'],
    fine: ['Require approval for terraform apply on the production workspace'],
  },
});

export const NO_OUTCOME = rule({
  id: 'no-outcome',
  explanation: 'An investigation without an expected outcome has no clear end and tends to stay open forever.',
  suggestion: 'Say what ends it: a decision, a proposal, an ADR or a follow-up item, e.g. "Investigate consumer lag spikes and propose an alert threshold".',
  phrases: [
    'investigate', 'look into', 'looking into', 'explore', 'research', 'analyse', 'analyze', 'dig into', 'evaluate',
    'understand', 'figure out', 'find out', 'see if', 'consider', 'discuss', 'talk about', 'have a talk',
    'reflect', 'reflect on', 'reflect if', 'search for', 'exploring', 'investigating', 'look at', 'check why', 'check if',
    'assess', 'assess if', 'review if', 'review whether', 'think about', 'brainstorm', 'determine whether', 'determine if',
  ],
  examples: {
    flagged: ['Investigate the Kafka exporter restarts', 'Look into CoreDNS latency'],
    fine: ['Investigate the Kafka exporter restarts and write up a fix proposal'],
  },
});

/** Words that name what an investigation delivers. */
export const OUTCOME_CUES = [
  'decide', 'decision', 'propose', 'proposal', 'recommend', 'recommendation', 'write up', 'write-up', 'report',
  'document', 'rfc', 'adr', 'so that', 'in order to', 'outcome', 'deliver', 'produce', 'timebox', 'time-box',
  'and add', 'and implement', 'and fix', 'and create', 'and remove', 'and replace', 'and enable', 'and disable',
  'and configure', 'and automate', 'and update', 'then add', 'then fix', 'guideline', 'guidelines', 'mock up', 'draft',
  'runbook', 'write down', 'and agree', 'agree on',
];

export const VAGUE = rule({
  id: 'vague',
  explanation: 'The item does not say what will change or how anyone will know it is done.',
  suggestion: 'Name the concrete change and its target, e.g. "Alert when CoreDNS p99 latency exceeds 200 ms for 5 minutes" instead of "Improve monitoring".',
  phrases: [
    'improve monitoring', 'better monitoring', 'monitor better', 'more monitoring', 'add monitoring',
    'improve alerting', 'better alerting', 'more alerts', 'add more alerts', 'improve testing', 'better testing',
    'more testing', 'test more', 'more tests', 'add more tests', 'write more tests', 'test better',
    'improve test coverage', 'improve documentation', 'better documentation', 'more documentation',
    'improve communication', 'better communication', 'communicate better', 'improve the process',
    'improve processes', 'improve process', 'improve reliability', 'improve stability', 'improve performance',
    'improve observability', 'better observability', 'fix it', 'fix this', 'fix that', 'fix the issue',
    'fix the problem', 'fix the bug', 'fix issues', 'make it more robust', 'make it more resilient',
    'prevent this from happening again', 'make sure this does not happen again', 'ensure this does not happen again',
    'avoid this in the future', 'follow up', 'review the process', 'revisit',
  ],
  examples: {
    flagged: ['Improve monitoring', 'Test more', 'Fix it'],
    fine: ['Improve monitoring of Kafka consumer lag', 'Add a CI step that runs terraform plan on every pull request'],
  },
});

/** Nouns too general to count as a concrete target ("improve monitoring of the system"). */
export const GENERIC_NOUNS = new Set(
  `system systems thing things stuff everything it this that service services platform infrastructure process
   processes code issue issues problem problems general future time team teams people incident incidents area
   areas way ways overall board everyone everybody anyone someone things`.split(/\s+/),
);

export const MISSING_OWNER = rule({
  id: 'missing-owner',
  explanation: 'Without an owner nobody is accountable for moving the item forward.',
  suggestion: 'Assign one person (not a team alias) who will drive it, even if others do the work.',
});

export const MISSING_DUE_DATE = rule({
  id: 'missing-due-date',
  explanation: 'Without a due date the item cannot become overdue, so it is easy to forget.',
  suggestion: 'Set a due date that matches its priority; it can be moved later with a reason.',
});

export const INVALID_DUE_DATE = rule({
  id: 'invalid-due-date',
  explanation: 'The due date is not a date the tracker can understand.',
  suggestion: 'Use an ISO date such as 2025-03-31.',
});

export const MISSING_FACTOR = rule({
  id: 'missing-factor',
  explanation: 'The item is not linked to a contributing factor, so it is unclear which risk it reduces.',
  suggestion: 'Link it to the factor(s) it addresses, or drop it if it addresses none.',
});

export const UNCOVERED_CONTRIBUTOR = rule({
  id: 'uncovered-contributor',
  explanation: 'This contributor has no action item and has not been accepted as a risk, so it may recur unnoticed.',
  suggestion: 'Add an action item that removes or detects it, or mark it as an accepted risk with the reason.',
});

/** Owner values that mean "nobody yet". */
export const PLACEHOLDER_OWNERS = new Set(['', 'tbd', 'tba', 'unknown', 'n/a', 'na', 'none', '-', '?', 'someone', 'everyone', 'team']);
