/**
 * The rules about causes and hindsight: human error, counterfactuals and omissions. Data only;
 * see blameless-rules.ts for what each field means.
 */
import type { BlamelessRule } from './blameless-rules.js';
import {
  HUMAN_ACTION_PARTICIPLES,
  METRIC_WORDS,
  MIND_WORDS,
  NEGATED,
  NOTICING_PARTICIPLES,
  NOTICING_VERBS,
  PRESCRIBED_STEPS,
  words,
} from './blameless-vocabulary.js';

export const HINDSIGHT_RULES: BlamelessRule[] = [
  {
    id: 'human-error',
    kind: 'human_error',
    severity: 'warning',
    explanation:
      '"Human error" ends the inquiry where it should start: people act on what the system showed them. ' +
      'Naming it as a cause hides the conditions that made the slip possible and easy.',
    suggestion:
      'Describe the action and what made it easy to get wrong, e.g. "the command targeted production because ' +
      'the default kube context was production and nothing asked for confirmation".',
    triggers: [
      {
        actor: 'any',
        phrases: [
          'human error', 'human errors', 'operator error', 'user error', 'pilot error', 'human mistake',
          'engineer error', 'engineering error', 'developer error', 'admin error', 'human failure',
          'operator mistake', 'manual error', 'people error', 'pebkac', 'pebcak', 'layer 8', 'id10t',
          'fat-finger', 'fat-fingered', 'fat-fingering', 'finger trouble', 'human-error', 'human mistakes',
          'operator mistakes', 'operator errors', 'user mistake', 'engineer mistake', 'manual mistake', 'human factor error',
        ],
        // "the user error rate rose to 4%" is a metric, not a cause.
        unlessNext: METRIC_WORDS,
      },
      // "X made a mistake", including "we": a mistake given as the explanation.
      {
        actor: 'subject',
        phrases: [
          'made a mistake', 'made an error', 'made a typo', 'made the mistake', 'made mistakes', 'made errors',
          'made a wrong', 'made an incorrect', 'made a bad', 'made a careless', 'made a simple', 'made a silly',
        ],
      },
      { actor: 'any', phrases: ['mistake on our part', 'mistake on my part', 'error on our part', 'error on my part', 'oversight on our part', 'oversight on my part'] },
      { actor: 'object', phrases: ['mistake by', 'mistake made by', 'error by', 'error made by', 'mistake on the part of', 'error on the part of'] },
      // "Bob's mistake", "our mistake", "a typo of mine"; "our error budget" is a metric.
      {
        actor: 'possessor',
        phrases: ['mistake', 'mistakes', 'error', 'errors', 'blunder', 'slip', 'slip-up', 'screwup', 'screw-up', 'typo', 'goof', 'misstep', 'oversight', 'lapse'],
        unlessNext: METRIC_WORDS,
      },
    ],
    examples: {
      flagged: ['The root cause was human error.', 'Operator error during the failover caused data loss.', "It was Bob's mistake."],
      neutral: ['The runbook step is manual and easy to get wrong under time pressure.'],
    },
  },
  {
    id: 'counterfactual',
    kind: 'counterfactual',
    severity: 'warning',
    explanation:
      'Counterfactuals describe what did not happen and are only obvious in hindsight. They judge people ' +
      'against knowledge they did not have at the time instead of explaining why their actions made sense.',
    suggestion:
      'Describe what the person saw and why the action made sense then, and what would have made the risk ' +
      'visible, e.g. "the dashboard showed green because the check only covered the primary region".',
    triggers: [
      {
        actor: 'subject',
        verbNext: true,
        mindful: MIND_WORDS,
        phrases: [
          'should have', 'should not have', 'should never have', 'ought to have', 'ought not to have', 'ought not have',
          'could have just', 'could have simply', 'could have easily', 'could easily have',
        ],
      },
      // Passive hindsight about a human action: "this should have been caught in review".
      {
        actor: 'any',
        phrases: ['should have been', 'should not have been', 'should never have been', 'ought to have been', 'ought not to have been'],
        onlyNext: HUMAN_ACTION_PARTICIPLES,
      },
      // "This could have been caught in review": a check people could have made, in the passive.
      // "... could have been caught with an integration test" is a benefit of a tool or practice, not hindsight.
      {
        actor: 'any',
        phrases: ['could have been', 'might have been'],
        onlyNext: NOTICING_PARTICIPLES,
        unlessInSentence: words(`
          with by using via through if test tests testing linter lint ci pipeline monitoring alerting alert alerts tool tools
          tooling automation automated automatically check checks canary staging e2e integration unit suite
        `),
      },
      // "Had the engineer waited for the canary, ...": a past conditional, inverted.
      { actor: 'conditional', phrases: ['had'], atClauseStart: true },
      // "In hindsight, it was a mistake to deploy on a Friday": judging a choice after the fact.
      {
        actor: 'any',
        phrases: ['was a mistake to', 'was a mistake not to', 'was wrong to', 'were wrong to', 'was a bad idea to', 'was unwise to', 'was not wise to'],
        // An operator's step, not a design choice ("it was a mistake to rely on one zone").
        onlyNext: words('deploy run push merge restart roll skip ignore proceed continue wait apply delete drop release ship approve trust assume'),
      },
      // "The warning was ignored by the on-call engineer": an omission in the passive, with its person.
      {
        actor: 'object',
        phrases: [
          'ignored by', 'missed by', 'overlooked by', 'neglected by', 'forgotten by', 'disregarded by', 'unnoticed by',
          'not noticed by', 'not followed by', 'not reviewed by', 'not checked by', 'not tested by', 'not read by',
          'not verified by', 'not caught by', 'not spotted by', 'not acknowledged by', 'not escalated by',
        ],
        // "A post on Teams is easily missed by developers", "can be overlooked by": the channel, not the people.
        unlessPrevious: ['easily', 'easy', 'be', 'often', 'commonly', 'frequently', 'likely'],
      },
      // "We weren't monitoring the disk closely enough": the person or team behind the verb; "the autoscaler did not react fast enough" is a system.
      {
        actor: 'adverbial',
        phrases: ['closely enough', 'carefully enough', 'thoroughly enough', 'quickly enough', 'fast enough', 'early enough', 'soon enough'],
        contextWords: ['not', 'never'],
      },
      // "We waited too long before rolling back", "the team took too long to escalate".
      {
        actor: 'subject',
        phrases: ['waited too long', 'took too long to', 'reacted too slowly', 'responded too slowly', 'acted too late', 'escalated too late', 'too slow to react', 'too slow to respond', 'too slow to escalate'],
      },
      // "Had we checked", "if someone had looked": what a person did not do, as a condition.
      {
        actor: 'any',
        verbNext: true,
        phrases: [
          'had we', 'had i', 'had someone', 'had somebody', 'had anyone', 'had they', 'had the team', 'if we had',
          'if i had', 'if someone had', 'if somebody had', 'if anyone had', 'if they had', 'if the team had',
          'if we would have', 'if i would have', 'if we had only', 'if only we had',
        ],
      },
      { actor: 'conditional', phrases: ['if', 'if only', 'unless'], contextWords: ['had'] },
      // "It would have been better to wait": hindsight about what someone should have done.
      {
        actor: 'any',
        verbNext: true,
        phrases: ['would have been better to', 'would have been wiser to', 'would have been prudent to', 'would have been safer to', 'ideally would have', 'ideally we would have'],
        unlessNext: ['have', 'be'],
      },
      // "We could have caught it in staging": what the team could have done (not "could have been").
      { actor: 'subject', phrases: ['could have', 'could not have', 'might have'], onlyNext: [...HUMAN_ACTION_PARTICIPLES, ...words('prevented avoided detected mitigated limited acted responded reacted looked waited')] },
      // A hypothetical person as the agent: "anyone reading the diff would have spotted it".
      {
        actor: 'hypothetical',
        phrases: [
          'would have spotted', 'would have noticed', 'would have caught', 'would have seen', 'would have realised',
          'would have realized', 'would have known', 'would have checked', 'would have questioned', 'would have stopped',
          'could have spotted', 'could have noticed', 'could have caught', 'could have seen', 'could have prevented',
          'could have avoided', 'would have prevented', 'would have avoided',
        ],
      },
      {
        actor: 'subject',
        phrases: ['was supposed to', 'were supposed to', 'should know', 'would have known', 'had bothered'],
      },
      // "The engineer was expected to check the dashboard": a duty a person is held to, after the fact.
      {
        actor: 'subject',
        phrases: ['was expected to', 'were expected to'],
        onlyNext: words('check verify test review read follow monitor watch escalate notice confirm double-check ensure know'),
      },
      // "The release was approved without anyone checking the test results": no person made the check.
      {
        actor: 'any',
        phrases: ['without anyone', 'without anybody', 'without someone', 'without somebody'],
        onlyNext: words('checking reviewing noticing verifying looking reading testing confirming double-checking questioning asking'),
        // A person's act done unchecked; "the alert fired for weeks without anyone looking" is an agentless omission.
        onlyPrecededBy: words('approved merged deployed shipped released applied pushed ran executed changed'),
        unlessFollowedBy: words('as because since'),
      },
      // "Nobody on the team thought about the empty cache": what no person noticed; "no one could have predicted it" is not hindsight.
      {
        actor: 'any',
        phrases: ['nobody', 'no one', 'no-one'],
        onlyFollowedBy: NOTICING_VERBS,
        unlessFollowedBy: words('could would can will expected was were is are has have had'),
      },
      {
        actor: 'any',
        phrases: [
          'if only', 'in hindsight it was obvious', 'obviously should', 'been paying attention', 'had paid attention',
          'paid more attention', 'had been more careful', 'had been careful', 'nobody noticed', 'no one noticed',
          'nobody realised', 'nobody realized', 'no one realised', 'no one realized', 'nobody caught', 'no one caught',
          'nobody checked', 'no one checked', 'nobody was watching', 'no one was watching', 'nobody spotted',
          'no one spotted', 'nobody thought to', 'no one thought to', 'despite being aware', 'despite knowing',
          'despite having been warned', 'despite the warnings', 'despite being warned',
          'despite being told', 'chose to ignore', 'decided to ignore', 'chose not to act', 'decided not to act', 'should have known', 'should have realised',
          'should have realized', 'should have been obvious', 'should have been clear', 'ought to have been obvious',
          'no one double-checked', 'nobody double-checked', 'no one reviewed', 'nobody reviewed', 'no one tested', 'nobody tested',
          'no one verified', 'nobody verified', 'no one looked at', 'nobody looked at', 'no one escalated', 'nobody escalated',
          'no one followed up', 'nobody followed up', 'no one was monitoring', 'nobody was monitoring', 'no one responded',
          'nobody responded', 'no one acknowledged', 'nobody acknowledged', 'no one read', 'nobody read', 'no one questioned',
          'nobody questioned', 'no one asked', 'nobody asked', 'no one took ownership', 'nobody took ownership',
          'nobody was paying attention', 'no one was paying attention', 'nobody was looking', 'no one was looking',
          'nobody was checking', 'no one was checking',
        ],
      },
    ],
    examples: {
      flagged: ['Bob should have checked the plan output.', 'The on-call engineer could have just rolled back.'],
      neutral: ['The alert should have fired at 80% disk usage.', 'How could we have detected this sooner?'],
    },
  },
  {
    id: 'omission',
    kind: 'counterfactual',
    severity: 'warning',
    explanation:
      'Framing the incident as something a person failed, forgot or neglected to do implies they were at ' +
      'fault and hides why the step was easy to miss.',
    suggestion:
      'Name the step and the condition instead of the person, e.g. "the certificate was not renewed; renewal ' +
      'is a manual calendar reminder that nobody owns".',
    triggers: [
      {
        actor: 'subject',
        phrases: [
          'failed to', 'fails to', 'fail to', 'neglected to', 'neglected', 'forgot to', 'forgot', 'forgotten',
          'did not bother', 'never bothered', 'did not think to', 'ignored', 'overlooked', 'never checked',
          'never tested', ...NEGATED('follow check test verify validate review read escalate'), 'dropped the ball',
          ...NEGATED('catch spot detect notice realise realize anticipate consider double-check confirm'),
          'did not think about', 'did not pay attention', 'never noticed', 'never realised', 'never realized',
          'failed to notice', 'neglected', 'were not careful', 'was not careful', 'skipped',
          'disregarded', 'did not wait', 'never bothered to', 'did not take into account', 'did not account for',
        ],
        // "I forgot what the quota was" is memory, not an omission.
        // "I forgot what the quota was" is memory; "we did not detect any anomalies" is a finding.
        unlessNext: ['what', 'which', 'who', 'where', 'how', 'why', 'whether', 'about', 'any', 'anything', 'unusual', 'abnormal', 'suspicious', 'signs'],
        mindful: MIND_WORDS,
      },
      // "Validators did not perform the recommended checks", "the operator never ran the dry-run": a prescribed step left out.
      {
        actor: 'subject',
        phrases: [...NEGATED('perform run apply complete execute do use'), 'did not carry out', 'never ran', 'never performed', 'never did'],
        onlyFollowedBy: PRESCRIBED_STEPS,
        mindful: words('perform run apply complete execute do use carry ran performed did'),
      },
      // "We did not communicate the window to customers", "the on-call didn't pay enough attention to …".
      {
        actor: 'subject',
        phrases: NEGATED('communicate notify inform'),
        onlyFollowedBy: words('to customers users change changes window maintenance outage incident team teams stakeholders'),
        unlessFollowedBy: words('because since as'),
        mindful: words('communicate notify inform'),
      },
      { actor: 'subject', phrases: ['did not pay'], onlyFollowedBy: ['attention', 'heed'], mindful: ['pay'] },
      // "Priya did not check whether the index existed": unlike "I forgot whether", not checking is the omission.
      { actor: 'subject', phrases: NEGATED('check verify confirm test double-check'), onlyNext: ['whether', 'if'] },
      // "The engineer had not checked", "the operator had forgotten to": the same omissions in the past perfect.
      {
        actor: 'subject',
        phrases: [
          'had not checked', 'had not tested', 'had not noticed', 'had not verified', 'had not reviewed', 'had not read',
          'had not realised', 'had not realized', 'had forgotten', 'had neglected', 'had not followed', 'had not considered',
          'had not escalated', 'had not double-checked', 'had not confirmed', 'had ignored', 'had overlooked',
        ],
        unlessNext: ['what', 'which', 'who', 'where', 'how', 'why', 'about', 'any', 'anything'],
      },
      // "The deployer was unaware that the flag was on"; "we were not aware of the incident until ..." is how it was found.
      { actor: 'subject', notTeam: true, phrases: ['was not aware', 'were not aware', 'was unaware', 'were unaware'] },
      // "Tom missed the standup" is narration; "Priya missed the page" is not.
      { actor: 'subject', phrases: ['missed'], mindful: MIND_WORDS, unlessObject: ['standup', 'meeting', 'call', 'lunch', 'train', 'flight', 'day', 'week'] },
      { actor: 'any', phrases: ['nobody bothered', 'no one bothered', 'nobody cared', 'no one cared'] },
    ],
    examples: {
      flagged: ['Kenneth failed to acknowledge the page.', 'On-call forgot to re-enable the alerts.'],
      neutral: ['The job failed to start.', 'Pods failed to schedule on the new nodes.'],
    },
  },
];
