import { describe, expect, it } from 'vitest';
import corpusJson from '../../../test/fixtures/language/corpus.json' with { type: 'json' };
import { checkBlameless } from './blameless.js';

const PEOPLE = ['Sam Okafor', 'Priya Raman', 'Alex Moreau', 'Bob Hansen'];
const suggestionFor = (text: string) => checkBlameless(text, { people: PEOPLE })[0]?.suggestion;

describe('suggestions built from the flagged sentence', () => {
  it.each([
    ['Sam forgot to renew the certificate.', 'What made renewing the certificate depend on someone remembering it'],
    ['Bob should have checked the plan output.', 'Describe what the person saw at the time, and what would have made checking the plan output the obvious step'],
    ['We should have tested the restore.', 'Describe what the team saw at the time, and what would have made testing the restore the obvious step'],
    ['Obviously the DBA should not have run this at peak time.', 'What made running this at peak time look reasonable'],
    ['The on-call engineer pushed the config that took the site down.', 'What made pushing the config possible without a check'],
    ["The outage was caused by Alex's deploy.", 'What let the deploy reach production unchecked'],
    ['Engineers need to be more careful when editing Terraform.', 'would make editing Terraform safe without relying on extra care'],
    ['Remind everyone to follow the runbook.', 'What would make the runbook easy to follow, or enforced by the tooling, instead of relying on people remembering'],
    ['A careless change to the ALB listener took down checkout.', '"A change to the ALB listener took down checkout"'],
    ['This should have been caught in review.', 'for this to be caught in review'],
    // The kinds issue 14 added, in the shapes the checker now finds (docs/language.md).
    ['Forgot to update the DNS TTL before the migration.', 'What made updating the DNS TTL before the migration depend on someone remembering it'],
    ['The warning was ignored by the on-call engineer.', 'What made the warning easy to ignore at the time'],
    ['The operators did not follow the documented failover procedure.', 'What made following the documented failover procedure easy to skip'],
    ['Nobody noticed that the cron job had been disabled.', 'visible sooner that the cron job had been disabled'],
    ['The operator didn\'t realise the command targeted production.', 'visible sooner that the command targeted production'],
    ['Engineers should read the runbook before responding to an incident.', 'What would make reading the runbook before responding to an incident part of the process'],
    ['Extra caution should be exercised when rotating keys.', 'would make rotating keys safe'],
    ['The DBA dropped the production table, causing a four hour outage.', 'before it caused a four hour outage'],
    ['The site went down after an engineer restarted the primary without draining it.', 'What made restarting the primary without draining it possible'],
    ['The outage was the result of an engineer disabling the rate limiter.', 'What made disabling the rate limiter possible'],
    ['The engineer was careless with the production credentials.', 'Instead of "careless", describe what the engineer did'],
    ['Human error during the manual failover caused the data loss.', 'Describe the action during the manual failover and what made it easy to get wrong'],
    ['Sam Okafor ignored the alert.', 'What made the alert easy to ignore at the time'],
    ['We did not notice the replication lag.', 'What would have made the replication lag visible sooner'],
  ])('%s', (text, expected) => {
    expect(suggestionFor(text)).toContain(expected);
  });

  it('never names the person, on any finding of the corpus', () => {
    const names = corpusJson.people.flatMap((name) => name.split(' '));
    for (const { text } of corpusJson.sentences) {
      for (const finding of checkBlameless(text, { people: corpusJson.people })) {
        for (const name of names) expect(finding.suggestion, text).not.toMatch(new RegExp(`\\b${name}\\b`));
      }
    }
  });

  it('differs between sentences of the same rule: it is built from the sentence, not canned', () => {
    const a = suggestionFor('Sam forgot to renew the certificate.');
    const b = suggestionFor('Priya forgot to rotate the API keys.');
    expect(a).not.toEqual(b);
    expect(b).toContain('rotating the API keys');
  });
});
