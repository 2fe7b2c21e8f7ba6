/**
 * F2 review policy: does an incident need a post-incident review?
 *
 * From the GitLab handbook: a review is required for a user-facing high-severity incident
 * (sev1/sev2), or when the `review-requested` label is set. We add a third, configurable rule:
 * some services always need a review whatever the severity (e.g. payments).
 *
 * A review is required when ANY rule matches:
 * - severity: the severity is in `rules.severities` and the incident is user-facing
 *   (the user-facing condition is dropped when `rules.requireUserFacing` is false);
 * - label: the incident carries one of `rules.labels` (case-insensitive, surrounding spaces ignored);
 * - service: the incident touches one of `rules.services` (case-insensitive, like labels).
 *
 * The reason is always a sentence a person can read on the review, so "why do I have to write
 * this?" (or "why wasn't one created?") is answered without reading configuration.
 */

export type Severity = 'sev1' | 'sev2' | 'sev3' | 'sev4';

export interface ReviewPolicyRules {
  severities: Severity[];
  requireUserFacing: boolean;
  labels: string[];
  services: string[];
}

export const defaultReviewPolicyRules: ReviewPolicyRules = {
  severities: ['sev1', 'sev2'],
  requireUserFacing: true,
  labels: ['review-requested'],
  services: [],
};

export interface PolicyIncident {
  severity: Severity;
  userFacing: boolean;
  labels: string[];
  services: string[];
}

export type PolicyRule = 'severity' | 'label' | 'service';

export interface PolicyDecision {
  required: boolean;
  reason: string;
  matchedRules: Array<PolicyRule>;
}

// Most severe first; used only to word "below the threshold" correctly.
const severityRank: Record<Severity, number> = { sev1: 1, sev2: 2, sev3: 3, sev4: 4 };

export function decideReview(
  incident: PolicyIncident,
  rules: ReviewPolicyRules = defaultReviewPolicyRules,
): PolicyDecision {
  const severityInSet = rules.severities.includes(incident.severity);
  const severityMatches = severityInSet && (incident.userFacing || !rules.requireUserFacing);
  const labels = matching(incident.labels, rules.labels);
  const services = matching(incident.services, rules.services);

  const matchedRules: PolicyRule[] = [];
  const clauses: string[] = [];
  if (severityMatches) {
    matchedRules.push('severity');
    clauses.push(severityClause(incident, rules));
  }
  if (labels.length > 0) {
    matchedRules.push('label');
    clauses.push(`Labelled ${joinWords(labels)}`);
  }
  if (services.length > 0) {
    matchedRules.push('service');
    const verb = services.length === 1 ? 'needs' : 'need';
    clauses.push(`Affects ${joinWords(services)}, which always ${verb} a review`);
  }

  if (matchedRules.length > 0) {
    return { required: true, reason: joinClauses(clauses), matchedRules };
  }
  return { required: false, reason: notRequiredReason(incident, rules, severityInSet), matchedRules };
}

function severityClause(incident: PolicyIncident, rules: ReviewPolicyRules): string {
  const set = rules.severities.join('/');
  return rules.requireUserFacing
    ? `User-facing ${incident.severity} incident (policy: user-facing ${set})`
    : `${incident.severity} incident (policy: every ${set} incident)`;
}

function notRequiredReason(
  incident: PolicyIncident,
  rules: ReviewPolicyRules,
  severityInSet: boolean,
): string {
  const noLabel = 'no review label is set';
  const services = rules.services.length > 0 ? `no always-reviewed service (${rules.services.join(', ')}) is affected` : null;
  const tail = services ? `, ${noLabel} and ${services}` : ` and ${noLabel}`;

  // Only reachable when the severity is in the set but the incident is internal.
  if (severityInSet) return `Internal (not user-facing) ${incident.severity} incident${tail}`;
  if (rules.severities.length === 0) return `No severity requires a review by policy${tail}`;

  const list = rules.severities.join(', ');
  const below = rules.severities.every((s) => severityRank[s] < severityRank[incident.severity]);
  return below
    ? `${incident.severity} is below the review threshold (${list})${tail}`
    : `${incident.severity} is not one of the review severities (${list})${tail}`;
}

/** The incident's values (as the incident spells them) that appear in the rule list. */
function matching(values: string[], ruleValues: string[]): string[] {
  const wanted = new Set(ruleValues.map(normalise).filter((v) => v !== ''));
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = normalise(value);
    if (!wanted.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  }).map((v) => v.trim());
}

function normalise(value: string): string {
  return value.trim().toLowerCase();
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

// "A; b; c": one sentence, later clauses start lower-case ("User-facing ...; labelled ...").
function joinClauses(clauses: string[]): string {
  return clauses.map((c, i) => (i === 0 ? c : c.charAt(0).toLowerCase() + c.slice(1))).join('; ');
}
