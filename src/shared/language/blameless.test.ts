import { describe, expect, it } from 'vitest';
import { checkBlameless } from './blameless.js';
import { BLAMELESS_RULES } from './blameless-rules.js';

const PEOPLE = ['Priya Raman', 'Søren Kjær', 'Bob Hansen', 'Mads Jensen', 'Tom Becker'];
const rulesOf = (text: string, people = PEOPLE) => [...new Set(checkBlameless(text, { people }).map((f) => f.rule))];

describe('rule examples (documentation in blameless-rules.ts)', () => {
  const flagged = BLAMELESS_RULES.flatMap((rule) => rule.examples.flagged.map((text) => [rule.id, text] as const));
  const neutral = BLAMELESS_RULES.flatMap((rule) => rule.examples.neutral.map((text) => [rule.id, text] as const));

  it.each(flagged)('%s flags: %s', (rule, text) => {
    expect(rulesOf(text)).toContain(rule);
  });

  it.each(neutral)('%s leaves alone: %s', (_rule, text) => {
    expect(checkBlameless(text, { people: PEOPLE })).toEqual([]);
  });
});

describe('checkBlameless', () => {
  it.each([
    ['Sara broke the deploy.', ['person-as-cause']],
    ['caused by Bob', ['person-as-cause']],
    ["It was Bob's mistake.", ['human-error']],
    ['The outage was due to Alice.', ['person-as-cause']],
    ['Priya failed to acknowledge the page.', ['omission']],
    ['The on-call engineer failed to check the config.', ['omission']],
    ['On-call ignored the first page.', ['omission']],
    ['Søren forgot to renew the certificate.', ['omission']],
    ['Mads ran terraform apply without checking the plan.', ['person-as-cause']],
    ['Bob restarted the pods and accidentally deleted the PVC.', ['person-as-cause']],
    ["The developer didn't bother to run the tests.", ['omission']],
    ['Bob should’ve waited for the rebalance.', ['counterfactual']],
    ['We need to be more careful with Terraform.', ['exhortation']],
    ['Always double-check the kube context.', ['exhortation']],
    ['A sloppy, careless change took down checkout.', ['character-judgement']],
    ['The root cause was operator error.', ['human-error']],
  ])('flags %s', (text, expected) => {
    expect(rulesOf(text)).toEqual(expected);
  });

  it.each([
    'At 14:02 UTC Priya paused the rollout.',
    'At 09:05 Bob rolled back the release.',
    'Sara restarted the pods.',
    'The job failed to start.',
    'Pods failed to schedule on the new nodes.',
    'The Kafka operator failed to reconcile the topic.',
    'The alert should have fired at 80% disk usage.',
    'We should have a talk with the platform team about ownership.',
    'Yuki should have been paged, but the escalation policy skipped her.',
    'How could we have detected the incident sooner?',
    'The pipeline was accidentally triggered by the pull request.',
    'Jonas accidentally discovered the misconfiguration in the logs.',
    'Mads broke the Terraform state lock after confirming no apply was running.',
    "Because of Priya's quick rollback, impact was limited.",
    'The outage was caused by a race condition.',
    'Lazy loading of the config delayed the first request.',
    'The user error rate rose to 4%.',
    'At 10:14 Priya double-checked the target group health.',
    'Initial post on Teams easily missed by developers.',
  ])('leaves neutral narration alone: %s', (text) => {
    expect(checkBlameless(text, { people: PEOPLE })).toEqual([]);
  });

  // Issue 14's kinds in the shapes the first checker missed: implicit and hypothetical subjects,
  // passive hindsight, advice as a standing instruction, a person's action as the onset of the damage.
  it.each([
    ['Obviously the DBA should not have run this at peak time.', 'counterfactual'],
    ['Sam Okafor ignored the alert.', 'counterfactual'],
    ['Forgot to update the DNS TTL before the migration.', 'counterfactual'],
    ['Attempted to restart the service but failed to check the logs first.', 'counterfactual'],
    ['This could have been caught earlier in review.', 'counterfactual'],
    ['The warning was ignored by the on-call engineer.', 'counterfactual'],
    ['Whoever approved this should have read the diff.', 'counterfactual'],
    ['Had the engineer waited for the canary, the bad build would never have reached production.', 'counterfactual'],
    ['No one double-checked the migration before it ran.', 'counterfactual'],
    ['We waited too long before rolling back.', 'counterfactual'],
    ['Raise an incident quicker.', 'exhortation'],
    ['Next time, check the dashboard before deploying.', 'exhortation'],
    ['Engineers should read the runbook before responding to an incident.', 'exhortation'],
    ['Care must be taken when editing DNS records.', 'exhortation'],
    ['Ensure that engineers follow the checklist.', 'exhortation'],
    ['The DBA dropped the production table, causing a four hour outage.', 'person_as_cause'],
    ['The site went down after an engineer restarted the primary without draining it.', 'person_as_cause'],
    ['The outage was the result of an engineer disabling the rate limiter.', 'person_as_cause'],
    ['The engineer who deployed the change caused the outage.', 'person_as_cause'],
    ['An engineer deployed a change that broke authentication for all users.', 'person_as_cause'],
    ['The developer showed a lack of diligence.', 'character'],
    ['The engineer hadn\'t checked whether the backup had completed.', 'counterfactual'],
    ['The deployer was unaware that the flag was still enabled.', 'counterfactual'],
    ['Never skip the pre-deploy checklist.', 'exhortation'],
    ['Always deploy to staging first.', 'exhortation'],
    ['No one took ownership of the failing job.', 'counterfactual'],
    ['It is the responsibility of every engineer to check the dashboards after a deploy.', 'exhortation'],
  ])('flags the kind of %s', (text, kind) => {
    expect(checkBlameless(text).map((f) => f.kind)).toContain(kind);
  });

  it.each([
    'Failed to verify the certificate chain, so the client rejected the connection.',
    'Missed heartbeats caused the node to be marked unhealthy.',
    'The pods, however, ignored the taint.',
    'Terraform did not check whether the bucket already existed.',
    'It was a mistake to rely on a single availability zone.',
    'The warning might have been caught by a linter.',
    'This could have been caught with an integration test.',
    'Did not follow the rollback plan, as it would have caused worse issues.',
    'The engineer who was on call noticed the job failed to start.',
    'The team should review the alert thresholds next quarter.',
    'Users should check their accounts for unexpected tokens.',
    'Next steps: check the other regions and update the status page.',
    'The failure was detected when an engineer ran the smoke tests.',
    'The incident was declared after Bob deployed the hotfix to staging.',
    'The errors dropped after Bob restarted the pods.',
    'We were not aware of the incident until a customer reported it.',
    'We had not seen this failure mode before.',
    'Never before had the cluster seen that much traffic.',
    'The model retraining job failed overnight.',
    'Customers might have seen stale prices for ten minutes.',
    'The change had not been tested in staging because the staging cluster was down.',
  ])('leaves alone the neutral neighbour %s', (text) => {
    expect(checkBlameless(text)).toEqual([]);
  });

  it('recognises names from options.people that compromise does not know', () => {
    expect(rulesOf('Priya broke the deploy.', [])).toEqual([]);
    expect(rulesOf('Priya broke the deploy.')).toEqual(['person-as-cause']);
  });

  it('marks self-reflection ("we", "I") as info and blame of others as warning', () => {
    const [self] = checkBlameless('We should have caught this in staging.');
    const [other] = checkBlameless('Bob should have caught this in staging.');
    expect(self?.severity).toBe('info');
    expect(other?.severity).toBe('warning');
  });

  it('returns UTF-16 offsets into the whole text, across lines, tables and emoji', () => {
    const text =
      '## Summary 🔥\r\nCheckout was down for 40 minutes. The root cause was human error.\n\n' +
      '| 09:05 | Bob failed to acknowledge the page |\n- Engineers need to be more careful.';
    const findings = checkBlameless(text, { people: PEOPLE });
    expect(findings.map((f) => f.excerpt)).toEqual(['human error', 'Bob failed to', 'be more careful']);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it('gives an explanation and a systemic suggestion with every finding', () => {
    for (const finding of checkBlameless('Bob broke prod through human error and should try harder.')) {
      expect(finding.explanation.length).toBeGreaterThan(40);
      expect(finding.suggestion.length).toBeGreaterThan(40);
    }
  });

  it('reports one finding per rule and stretch of text', () => {
    expect(checkBlameless('Be more careful.').map((f) => f.excerpt)).toEqual(['Be more careful']);
  });

  it('returns nothing for empty or whitespace text', () => {
    expect(checkBlameless('')).toEqual([]);
    expect(checkBlameless(' \n\t ')).toEqual([]);
  });
});

describe('shapes of real postmortems (issue 14)', () => {
  const kindsOf = (text: string, people = PEOPLE) => [...new Set(checkBlameless(text, { people }).map((f) => f.kind))];

  it.each([
    ['This should have been caught in review.', 'counterfactual'],
    ['The owners should have been told before the change.', 'counterfactual'],
    ['Had we checked the changelog, the break would have been obvious.', 'counterfactual'],
    ['If someone had checked the expiry date, the certificate would not have lapsed.', 'counterfactual'],
    ['Anyone reading the diff would have spotted the inverted condition.', 'counterfactual'],
    ['We did not catch the breaking change in our migration.', 'counterfactual'],
    ['We could have caught this in staging.', 'counterfactual'],
    ['Should have checked the replication lag first.', 'counterfactual'],
    ['Nobody noticed that the backups had been failing for weeks.', 'counterfactual'],
    ['They failed to notice that the flag defaulted to on.', 'counterfactual'],
    ['Sam Okafor ignored the alert.', 'counterfactual'],
    ['We made a mistake when we copied the credentials.', 'human_error'],
    ['It was our mistake: the migration ran against the primary.', 'human_error'],
    ['The operator was overconfident and skipped the staging step.', 'character'],
    ['That was a stupid move by the person on call.', 'character'],
    ['Everyone needs to follow the deployment runbook from now on.', 'exhortation'],
    ['We need to be better at following our incident process.', 'exhortation'],
    ['Review every change before applying it, no matter how small it looks.', 'exhortation'],
    ['The on-call engineer pushed the config that took the site down.', 'person_as_cause'],
    ["Tom's change to the rate limiter broke checkout for all mobile users.", 'person_as_cause'],
    ['The database went down because Priya restarted the primary during peak traffic.', 'person_as_cause'],
    ['The incident was triggered by a developer who deployed from his laptop.', 'person_as_cause'],
    ['This outage is on me.', 'person_as_cause'],
    ['Obviously the DBA should not have run this at peak time.', 'counterfactual'],
  ])('flags %s as %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });

  it.each([
    'We unintentionally removed the route during the migration.',
    'The monitor should have fired when disk usage passed 80%.',
    'An integration test would have caught this before release.',
    'We should add an alert on replication lag.',
    'We should have alerting on config load failures.',
    'A step was skipped in the rollout because the script exited early.',
    'The errors went unnoticed for half an hour.',
    'A naive retry loop amplified the load on the database.',
    'The dumb default timeout kept connections open far too long.',
    'Train a second person on billing so the knowledge is not in one head.',
    'Priya reverted the change that caused the outage.',
    'The errors stopped because Priya restarted the pods.',
    'The outage ended when Bob restarted the service.',
    'We did not detect any anomalies in the access logs.',
    'We need to follow up with the vendor about the firmware bug.',
    'If the cache had been warm, the failover would have been invisible.',
    'Users failed to receive password reset emails for an hour.',
    'The pods failed to become ready, and they failed to start again.',
    'Appointing an incident commander earlier could have helped coordination.',
    'I forgot what the original quota request was for.',
  ])('leaves alone %s', (text) => {
    expect(checkBlameless(text, { people: PEOPLE })).toEqual([]);
  });

  it('reports the kind of every finding', () => {
    expect(checkBlameless('Bob forgot to renew the certificate.', { people: PEOPLE })[0]).toMatchObject({ rule: 'omission', kind: 'counterfactual' });
  });
});

describe('rule data', () => {
  const phrases = BLAMELESS_RULES.flatMap((rule) => rule.triggers.flatMap((trigger) => trigger.phrases));

  it('writes phrases the way the tokenizer sees them: lowercase, no contractions', () => {
    for (const phrase of phrases) expect(phrase).toMatch(/^[a-z0-9 -]+$/);
  });

  it('has unique rule ids', () => {
    const ids = BLAMELESS_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
