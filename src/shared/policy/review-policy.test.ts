import { describe, it, expect } from 'vitest';
import { decideReview, defaultReviewPolicyRules, type PolicyDecision, type PolicyIncident, type ReviewPolicyRules } from './review-policy.js';

const incident = (over: Partial<PolicyIncident> = {}): PolicyIncident => ({
  severity: 'sev3',
  userFacing: false,
  labels: [],
  services: [],
  ...over,
});

const rules = (over: Partial<ReviewPolicyRules> = {}): ReviewPolicyRules => ({ ...defaultReviewPolicyRules, ...over });

describe('decideReview with the default rules (GitLab handbook)', () => {
  const cases: Array<[string, PolicyIncident, PolicyDecision]> = [
    ['user-facing sev1', incident({ severity: 'sev1', userFacing: true }),
      { required: true, matchedRules: ['severity'], reason: 'User-facing sev1 incident (policy: user-facing sev1/sev2)' }],
    ['user-facing sev2', incident({ severity: 'sev2', userFacing: true }),
      { required: true, matchedRules: ['severity'], reason: 'User-facing sev2 incident (policy: user-facing sev1/sev2)' }],
    ['user-facing sev3', incident({ severity: 'sev3', userFacing: true }),
      { required: false, matchedRules: [], reason: 'sev3 is below the review threshold (sev1, sev2) and no review label is set' }],
    ['internal sev4', incident({ severity: 'sev4' }),
      { required: false, matchedRules: [], reason: 'sev4 is below the review threshold (sev1, sev2) and no review label is set' }],
    ['internal sev2', incident({ severity: 'sev2' }),
      { required: false, matchedRules: [], reason: 'Internal (not user-facing) sev2 incident and no review label is set' }],
    ['internal sev1', incident({ severity: 'sev1' }),
      { required: false, matchedRules: [], reason: 'Internal (not user-facing) sev1 incident and no review label is set' }],
    ['labelled sev4', incident({ severity: 'sev4', labels: ['review-requested'] }),
      { required: true, matchedRules: ['label'], reason: 'Labelled review-requested' }],
    ['label in another case and with spaces', incident({ labels: ['backend', ' Review-Requested '] }),
      { required: true, matchedRules: ['label'], reason: 'Labelled Review-Requested' }],
    ['an unrelated label', incident({ labels: ['review-done'] }),
      { required: false, matchedRules: [], reason: 'sev3 is below the review threshold (sev1, sev2) and no review label is set' }],
    ['user-facing sev1 and labelled', incident({ severity: 'sev1', userFacing: true, labels: ['review-requested'] }),
      { required: true, matchedRules: ['severity', 'label'], reason: 'User-facing sev1 incident (policy: user-facing sev1/sev2); labelled review-requested' }],
    ['services never match when none are configured', incident({ services: ['payments'] }),
      { required: false, matchedRules: [], reason: 'sev3 is below the review threshold (sev1, sev2) and no review label is set' }],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(decideReview(input)).toEqual(expected);
  });
});

describe('decideReview with custom rules', () => {
  const cases: Array<[string, PolicyIncident, ReviewPolicyRules, PolicyDecision]> = [
    ['always-reviewed service', incident({ services: ['payments'] }), rules({ services: ['payments'] }),
      { required: true, matchedRules: ['service'], reason: 'Affects payments, which always needs a review' }],
    ['two always-reviewed services, matched case-insensitively', incident({ services: ['Billing', 'search', 'payments'] }),
      rules({ services: ['payments', 'billing'] }),
      { required: true, matchedRules: ['service'], reason: 'Affects Billing and payments, which always need a review' }],
    ['service configured but not affected', incident({ services: ['search'] }), rules({ services: ['payments'] }),
      { required: false, matchedRules: [],
        reason: 'sev3 is below the review threshold (sev1, sev2), no review label is set and no always-reviewed service (payments) is affected' }],
    ['every rule at once', incident({ severity: 'sev2', userFacing: true, labels: ['review-requested'], services: ['payments'] }),
      rules({ services: ['payments'] }),
      { required: true, matchedRules: ['severity', 'label', 'service'],
        reason: 'User-facing sev2 incident (policy: user-facing sev1/sev2); labelled review-requested; affects payments, which always needs a review' }],
    ['label and service', incident({ labels: ['review-requested'], services: ['payments'] }), rules({ services: ['payments'] }),
      { required: true, matchedRules: ['label', 'service'], reason: 'Labelled review-requested; affects payments, which always needs a review' }],
    ['user-facing not required: internal sev2', incident({ severity: 'sev2' }), rules({ requireUserFacing: false }),
      { required: true, matchedRules: ['severity'], reason: 'sev2 incident (policy: every sev1/sev2 incident)' }],
    ['wider severity set: user-facing sev3', incident({ severity: 'sev3', userFacing: true }), rules({ severities: ['sev1', 'sev2', 'sev3'] }),
      { required: true, matchedRules: ['severity'], reason: 'User-facing sev3 incident (policy: user-facing sev1/sev2/sev3)' }],
    ['narrower severity set: user-facing sev2', incident({ severity: 'sev2', userFacing: true }), rules({ severities: ['sev1'] }),
      { required: false, matchedRules: [], reason: 'sev2 is below the review threshold (sev1) and no review label is set' }],
    ['gap in the severity set', incident({ severity: 'sev2', userFacing: true }), rules({ severities: ['sev1', 'sev3'] }),
      { required: false, matchedRules: [], reason: 'sev2 is not one of the review severities (sev1, sev3) and no review label is set' }],
    ['no severities configured', incident({ severity: 'sev1', userFacing: true }), rules({ severities: [] }),
      { required: false, matchedRules: [], reason: 'No severity requires a review by policy and no review label is set' }],
    ['several custom labels, two present', incident({ labels: ['postmortem', 'customer-escalation'] }),
      rules({ labels: ['review-requested', 'customer-escalation', 'postmortem'] }),
      { required: true, matchedRules: ['label'], reason: 'Labelled postmortem and customer-escalation' }],
    ['no labels configured', incident({ labels: ['review-requested'] }), rules({ labels: [] }),
      { required: false, matchedRules: [], reason: 'sev3 is below the review threshold (sev1, sev2) and no review label is set' }],
    ['the same label twice is named once', incident({ labels: ['review-requested', 'REVIEW-REQUESTED'] }), rules(),
      { required: true, matchedRules: ['label'], reason: 'Labelled review-requested' }],
  ];
  it.each(cases)('%s', (_name, input, custom, expected) => {
    expect(decideReview(input, custom)).toEqual(expected);
  });
});
