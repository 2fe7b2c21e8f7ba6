import { describe, expect, it } from 'vitest';
import { checkActionItems, namesConcreteTarget, wordingProblem } from './action-quality.js';
import { NO_OUTCOME, RELIES_ON_VIGILANCE, VAGUE } from './action-rules.js';
import type { ActionItemInput } from './types.js';

const wellFormed = (over: Partial<ActionItemInput> = {}): ActionItemInput => ({
  id: 1,
  title: 'Alert when Kafka consumer lag exceeds 10,000 messages for 5 minutes',
  owner: 'Priya Raman',
  dueDate: '2025-03-31',
  factorIds: ['f1'],
  status: 'accepted',
  ...over,
});

const rulesFor = (item: ActionItemInput) =>
  checkActionItems({ actionItems: [item], contributors: [] }).map((finding) => finding.rule);

describe('wording', () => {
  it.each([
    ['Test more', null, 'vague'],
    ['Improve monitoring', null, 'vague'],
    ['Improve monitoring in general', null, 'vague'],
    ['Monitor better', '', 'vague'],
    ['Fix it', null, 'vague'],
    ['Better communication', 'Make sure everyone knows.', 'vague'],
    ['Be more careful', null, 'relies-on-vigilance'],
    ['Double-check the kube context before applying', null, 'relies-on-vigilance'],
    ['Add alert on disk usage', 'Engineers should pay attention to it.', 'relies-on-vigilance'],
    ['Investigate the Kafka exporter restarts', null, 'no-outcome'],
    ['Look into CoreDNS latency', '', 'no-outcome'],
    ['We should have a talk with Rune about ownership', null, 'no-outcome'],
    // Shapes found in real postmortems (test/fixtures/language/real-action-items.jsonl).
    ['We need to be better at following the incident process', null, 'relies-on-vigilance'],
    ['Actively monitor the nightly pipeline runs', null, 'relies-on-vigilance'],
    ['Respond faster to pages during business hours', null, 'relies-on-vigilance'],
    ['Reflect on how announcements can become more visible', null, 'no-outcome'],
    ['Assess if the worker nodes are sized correctly', null, 'no-outcome'],
    ['Bring down alert noise even more', null, 'vague'],
    ['We need to streamline our pipelines', null, 'vague'],
    ['Ensure a better review process', null, 'vague'],
  ])('%s / %s -> %s', (title, description, expected) => {
    expect(wordingProblem({ title, description })?.id).toBe(expected);
  });

  it.each([
    ['Improve monitoring of Kafka consumer lag', null],
    ['Improve monitoring', 'Alert when CoreDNS p99 latency exceeds 200 ms for 5 minutes.'],
    ['Improve alerting on the payment service', null],
    ['Test more', 'Add an integration test for the `retry` policy.'],
    ['Investigate consumer lag spikes and propose an alert threshold', null],
    ['Investigate the restarts', 'Write up the findings in an ADR.'],
    ['Add a CI step that runs terraform plan on every pull request', null],
    ['Automate certificate renewal with cert-manager', null],
    ['Document the procedure for breaking Terraform state locks', null],
    ['Better monitoring of OOM kills in pods', null],
    ['Ask the datacenter to apply monitoring and follow up', null],
    ['We should have a talk with the platform team and mock up guidelines for ingress ownership', null],
  ])('accepts %s / %s', (title, description) => {
    expect(wordingProblem({ title, description })).toBeNull();
  });

  it('explains each wording rule and suggests a better shape', () => {
    for (const rule of [VAGUE, NO_OUTCOME, RELIES_ON_VIGILANCE]) {
      expect(rule.explanation).not.toBe('');
      expect(rule.suggestion).not.toBe('');
    }
  });

  it.each([
    [' of the system', false],
    [' before deploying', false],
    [' of Kafka', true],
    [' for the payment service', true],
    ['\nWe will do it.', false],
  ])('namesConcreteTarget(%j) is %s', (text, expected) => {
    expect(namesConcreteTarget(text)).toBe(expected);
  });
});

describe('required fields', () => {
  it.each([
    [{}, []],
    [{ owner: null }, ['missing-owner']],
    [{ owner: '  ' }, ['missing-owner']],
    [{ owner: 'TBD' }, ['missing-owner']],
    [{ dueDate: null }, ['missing-due-date']],
    [{ dueDate: 'next sprint' }, ['invalid-due-date']],
    [{ dueDate: null, status: 'done' }, []],
    [{ factorIds: [] }, ['missing-factor']],
    [{ title: 'Test more', owner: null, dueDate: '', factorIds: [] }, ['vague', 'missing-owner', 'missing-due-date', 'missing-factor']],
    [{ title: 'Test more', owner: null, status: 'declined' }, []],
  ] as Array<[Partial<ActionItemInput>, string[]]>)('%j -> %j', (over, expected) => {
    expect(rulesFor(wellFormed(over))).toEqual(expected);
  });
});

describe('contributor coverage', () => {
  const contributors = [
    { id: 'f1', title: 'Pipeline runs on every pull request' },
    { id: 2, title: 'No alert on certificate expiry' },
    { id: 'f3', title: 'Single region', acceptedRisk: true },
  ];

  it('flags contributors with neither a live action item nor an accepted risk', () => {
    const findings = checkActionItems({
      actionItems: [wellFormed({ factorIds: ['f1'] }), wellFormed({ id: 2, factorIds: ['2'], status: 'declined' })],
      contributors,
    });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'uncovered-contributor', target: { kind: 'factor', id: 2 } }),
    ]);
  });

  it('matches ids across numbers and strings', () => {
    const findings = checkActionItems({ actionItems: [wellFormed({ factorIds: ['f1', 2] })], contributors });
    expect(findings).toEqual([]);
  });
});
