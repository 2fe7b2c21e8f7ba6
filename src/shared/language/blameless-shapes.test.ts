/**
 * Grammatical shapes added in the third round of issue 14, each with the hard negatives it must
 * leave alone (people in neutral narration, failure words about systems, modal "should" about
 * systems). The sentences are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { checkBlameless } from './blameless.js';

const PEOPLE = ['Priya Raman', 'Bob Hansen', 'Sam Okafor'];
const kindsOf = (text: string) => [...new Set(checkBlameless(text, { people: PEOPLE }).map((f) => f.kind))];

describe('blame shapes (issue 14, third round)', () => {
  it.each([
    // The subject of a coordinated verb, across an infinitive: "used a tool to reboot … but forgot".
    ['An operator used a tool to reboot a few servers but forgot to pass the dry-run flag.', 'counterfactual'],
    // Markdown emphasis around the words of a note that leaves out its writer.
    ['_Tried_ the rollback but failed to restore the old keys.', 'counterfactual'],
    ['**Forgot** to renew the certificate.', 'counterfactual'],
    // A person qualified by a prepositional phrase.
    ['The engineer on duty overlooked the warning in the deploy log.', 'counterfactual'],
    // A prescribed step left out.
    ['Validators did not follow the documented upgrade procedure.', 'counterfactual'],
    ['The operators did not perform the recommended health checks before the upgrade.', 'counterfactual'],
    // No person noticed, with words in between.
    ['Nobody on the team thought about what would happen if the cache was empty.', 'counterfactual'],
    ['The release was approved without anyone checking the test results.', 'counterfactual'],
    ['We did not communicate the maintenance window to customers.', 'counterfactual'],
    ["We didn't pay enough attention to the warning signs.", 'counterfactual'],
    // Passive hindsight whose agent has a number word: "by a second engineer".
    ['The change should have been reviewed by a second engineer.', 'counterfactual'],
    ['The reviewer approved the change without reading the diff.', 'person_as_cause'],
    ['The root cause was an engineer running a migration on the wrong database.', 'person_as_cause'],
    ['The incident was triggered when the developer pushed an untested hotfix.', 'person_as_cause'],
    ['The change was made by an inexperienced engineer who rushed it out.', 'character'],
    ['Greedy sales managers overruled the engineers.', 'character'],
    ['The team cut corners on the review.', 'character'],
    ['Always vet your container base images.', 'exhortation'],
    ['Understand your build pipeline and where it pulls code from.', 'exhortation'],
    ['Do not take shortcuts when deploying to production.', 'exhortation'],
    ['It is up to you, the operator, to verify every image you run.', 'exhortation'],
    ['However small the risk looks, we must always act on it.', 'exhortation'],
    ["It's important that everyone follows the on-call process.", 'exhortation'],
    // Auxiliaries the tagger reads as verbs, between the subject and the phrase.
    ['The team has neglected to test the restore for months.', 'counterfactual'],
    ['An engineer used the CLI to drain nodes undergoing upgrades but forgot to set the zone filter.', 'counterfactual'],
    ['The validators did not perform the documented upgrade checks.', 'counterfactual'],
    ['The engineer was warned about the flag but chose to ignore it.', 'counterfactual'],
    // People inside partitives and compounds: "one of our engineers", "a team member".
    ['The incident was caused by one of our engineers running a script with the wrong parameters.', 'person_as_cause'],
    ['A mistake by a team member caused the configuration to be lost.', 'human_error'],
    ['The developer responsible for the release shipped a broken build.', 'person_as_cause'],
    ["Kevin's script overloaded the database and took the site offline.", 'person_as_cause'],
    ['Engineers should be aware of the change freeze before deploying.', 'exhortation'],
    ['Test thoroughly before deploying to production.', 'exhortation'],
    ['Engineers have been instructed to follow the release checklist.', 'exhortation'],
    ['We stressed the importance of following the runbook.', 'exhortation'],
    ['Extra care is needed when running migrations.', 'exhortation'],
    ['The engineer was expected to check the dashboard after the deploy.', 'counterfactual'],
    ['The developer did not do their due diligence before merging.', 'counterfactual'],
    ["We weren't monitoring the disk space closely enough.", 'counterfactual'],
    ['Nobody was paying attention to the error rate.', 'counterfactual'],
    ['We need to make sure we always check the backups.', 'exhortation'],
    ['We must remember that production is not a test environment.', 'exhortation'],
    ['Engineers need to slow down when making production changes.', 'exhortation'],
    // The onset of the damage put first, and "took … down" split around its object.
    ["After John's deploy, the site went down.", 'person_as_cause'],
    ['After Priya restarted the primary, the site went down.', 'person_as_cause'],
    ["Bob's script brought the database down.", 'person_as_cause'],
    ['The engineer took the whole cluster offline by running the wrong playbook.', 'person_as_cause'],
  ])('flags %s as %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });

  it.each([
    'The engineer on call restarted the pods and the errors stopped.',
    'The person in charge of the release paged the database team.',
    'The engineer on duty received the page at 02:10.',
    'Someone from the platform team joined the call.',
    'Nobody could have predicted the provider outage.',
    'No one was paged because the alert was routed to an old channel.',
    'Nobody expected the cache to be empty after the deploy.',
    'Missed heartbeats from the node triggered the failover.',
    'Missed index for new tenants.',
    'Attempted to reconnect three times and then gave up.',
    'The validators did not produce blocks for two hours.',
    'The validator did not run the upgrade handler because the binary was old.',
    'It is up to the user to decide which region to use.',
    'It is up to you whether to enable the feature.',
    'However small the change, the pipeline runs every test.',
    'However unlikely it seemed, the failover worked as designed.',
    'Always on, the monitor kept paging.',
    'Never before had the cluster seen this load.',
    'Understanding your traffic patterns is part of capacity planning.',
    'The inexperienced eye may read the graph as healthy.',
    'Greedy allocation in the scheduler starved small jobs.',
    'The team cut the release branch at noon.',
    'The stale balance should have been considered unrecoverable.',
    'The deploy went out without waiting for the canary, because the pipeline skipped that stage.',
    'The incident was triggered when the certificate expired.',
    'The change should have been caught by a second CI stage.',
    'The batch job had forgotten its checkpoint after the restart.',
    'One of the nodes crashed and the scheduler moved the pods.',
    'One of our engineers joined the bridge at 10:02.',
    'A team member opened an incident in the tracker.',
    'A cluster member failed to join the quorum.',
    'Despite the warning, the autoscaler kept adding nodes.',
    'It is essential that the team has enough context to make decisions.',
    'Priya deployed a hotfix that restored the checkout page.',
    'Bob merged the fix that disabled the broken feature flag.',
    'The engineer ran the script that isolated the faulty node, as planned.',
    'The load balancer deployed by the platform team crashed under load.',
    'The alert had been firing for weeks without anyone looking at it.',
    'The release was approved without anyone noticing a problem, as all checks were green.',
    'We did not notify customers because no customer data was affected.',
    'We did not pay to upgrade the support plan.',
    'The autoscaler did not react quickly enough to the spike.',
    'We need to make sure the backups are checked automatically.',
    'The lesson here is that retries need jitter.',
    'During the incident, responders were instructed to check the status page every ten minutes.',
    'The service did not communicate with the database for ten minutes.',
    'No one on the call had seen this failure mode before.',
    'Users should be aware that their sessions were reset.',
    'The job was expected to finish in ten minutes.',
    'The on-call was told to restart the service by the incident commander.',
    'The incident highlights the importance of being able to debug the cluster locally.',
    'The reminder to renew the certificate went to an old mailbox.',
    'More care went into the second rollout, which used a canary.',
    'After Bob joined the call, the errors were traced to the cache.',
    // A guess at what people did is not hindsight about what they should have done.
    'Readers might have missed the changed sender address.',
    'Someone must have forgotten to renew the domain.',
    "After Priya's rollback, the errors stopped.",
    'After the deploy, the site went down.',
    'After Priya restarted the primary, the replicas failed over cleanly and no data was lost.',
    'Priya took the replica offline and promoted the standby.',
    'Bob took the node down for maintenance.',
    'The engineer took the old cluster offline once traffic had moved.',
  ])('leaves alone %s', (text) => {
    expect(checkBlameless(text, { people: PEOPLE })).toEqual([]);
  });
});
