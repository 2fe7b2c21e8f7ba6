/**
 * The blameless-language rules as data. Each trigger phrase is written in the tokens the
 * checker sees: lowercase, contractions expanded ("did not", never "didn't"), hyphenated
 * words kept whole ("double-check"). `actor` says whose action the phrase must describe
 * before it is flagged, so that "the job failed to start" stays neutral while "the
 * engineer failed to check" is flagged.
 */
import type { Severity } from './types.js';

export type RuleId =
  | 'human-error'
  | 'counterfactual'
  | 'omission'
  | 'character-judgement'
  | 'exhortation'
  | 'person-as-cause';

/**
 * any:       always flagged.
 * subject:   the subject before the phrase is a person, a role or a personal pronoun.
 * adverbial: the phrase modifies an action done by a person ("Bob deleted it by mistake").
 * object:    the noun phrase after it is (or is owned by) a person ("caused by Bob").
 * possessor: a person owns the noun ("Bob's mistake", "his fault").
 */
export type ActorRequirement = 'any' | 'subject' | 'adverbial' | 'object' | 'possessor';

export interface Trigger {
  phrases: string[];
  actor: ActorRequirement;
  /** Not flagged when the next word is one of these ("lazy loading"). */
  unlessNext?: string[];
  /** Only flagged when a verb follows: "we should have checked", not "we should have a talk". */
  verbNext?: boolean;
  /** Not flagged when the object is one of these: breaking a state lock is a deliberate act. */
  unlessObject?: string[];
  /** Not flagged when one of these words follows within the clause ("broke it down into", "deliberately"). */
  unlessFollowedBy?: string[];
}

export interface BlamelessRule {
  id: RuleId;
  severity: Severity;
  explanation: string;
  suggestion: string;
  triggers: Trigger[];
  /** Documentation and table-driven tests: what is flagged and what is deliberately not. */
  examples: { flagged: string[]; neutral: string[] };
}

/**
 * What a person's possession must be to count as a cause in "caused by Bob's change":
 * "because of Priya's quick rollback" is credit, not blame.
 */
export const CAUSE_NOUNS = new Set(
  `change changes commit commits deploy deployment push pr merge edit command script config configuration
   mistake mistakes error errors typo fault oversight action decision update patch migration query
   misconfiguration misstep`.split(/\s+/),
);

const NEGATED = (verbs: string) => verbs.split(' ').map((verb) => `did not ${verb}`);

export const BLAMELESS_RULES: BlamelessRule[] = [
  {
    id: 'human-error',
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
          'fat-finger', 'fat-fingered', 'fat-fingering', 'finger trouble',
        ],
        // "the user error rate rose to 4%" is a metric, not a cause.
        unlessNext: ['rate', 'rates', 'count', 'counts', 'ratio', 'budget', 'metric', 'metrics', 'page', 'pages'],
      },
    ],
    examples: {
      flagged: ['The root cause was human error.', 'Operator error during the failover caused data loss.'],
      neutral: ['The runbook step is manual and easy to get wrong under time pressure.'],
    },
  },
  {
    id: 'counterfactual',
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
        phrases: [
          'should have', 'should not have', 'ought to have', 'could have just', 'could have simply',
          'could have easily', 'could easily have',
        ],
      },
      {
        actor: 'subject',
        phrases: ['was supposed to', 'were supposed to', 'should know', 'would have known', 'had bothered'],
      },
      {
        actor: 'any',
        phrases: [
          'if only', 'in hindsight it was obvious', 'obviously should', 'been paying attention', 'had paid attention',
          'paid more attention', 'had been more careful', 'had been careful',
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
        ],
      },
      // "Tom missed the standup" is narration; "Priya missed the page" is not.
      { actor: 'subject', phrases: ['missed'], unlessObject: ['standup', 'meeting', 'call', 'lunch', 'train', 'flight', 'day', 'week'] },
      { actor: 'any', phrases: ['nobody bothered', 'no one bothered', 'nobody cared', 'no one cared'] },
    ],
    examples: {
      flagged: ['Kenneth failed to acknowledge the page.', 'On-call forgot to re-enable the alerts.'],
      neutral: ['The job failed to start.', 'Pods failed to schedule on the new nodes.'],
    },
  },
  {
    id: 'character-judgement',
    severity: 'warning',
    explanation:
      'Judging character ("careless", "sloppy", "lazy") shames people, makes them hide mistakes next time, ' +
      'and says nothing about what in the system allowed the outcome.',
    suggestion:
      'Describe the conditions of the work instead: time pressure, missing safeguards, confusing tooling or ' +
      'competing priorities, e.g. "the change was applied at 02:00 during a page storm without a second reviewer".',
    triggers: [
      {
        actor: 'any',
        phrases: [
          'careless', 'carelessly', 'carelessness', 'sloppy', 'sloppily', 'sloppiness', 'incompetent',
          'incompetence', 'stupid', 'dumb', 'idiot', 'idiotic', 'negligent', 'negligence', 'reckless',
          'recklessly', 'clumsy', 'inattentive', 'irresponsible', 'thoughtless', 'unprofessional', 'laziness',
          'lazily', 'unprofessionally', 'complacent', 'complacency', 'rookie mistake', 'rookie mistakes', 'silly mistake',
          'silly mistakes', 'amateur mistake', 'amateur mistakes', 'poor judgement', 'poor judgment', 'bad judgement',
          'bad judgment', 'lapse in judgement', 'lapse in judgment',
          'amateurish', 'cowboy', 'half-assed', 'know better', 'known better', 'knew better',
          'not paying attention', 'asleep at the wheel', 'lack of care', 'lack of attention', 'did not care',
        ],
      },
      { actor: 'any', phrases: ['lazy'], unlessNext: ['loading', 'load', 'loaded', 'initialization', 'init', 'evaluation'] },
    ],
    examples: {
      flagged: ['A careless change to the ALB listener took down checkout.', 'Sloppy review let the bug through.'],
      neutral: ['Careful analysis of the CoreDNS logs showed the cache was cold.', 'Lazy loading delayed the first request.'],
    },
  },
  {
    id: 'exhortation',
    severity: 'warning',
    explanation:
      'Asking people to try harder or be more careful changes nothing: they already tried. The same ' +
      'conditions will produce the same outcome with someone else.',
    suggestion:
      'Change the system so the slip is hard to make or easy to catch: a guard rail, an automated check, a ' +
      'confirmation step or a clearer signal, e.g. "terraform plan runs in CI and apply requires approval".',
    triggers: [
      {
        actor: 'any',
        phrases: [
          'try harder', 'be more careful', 'be careful', 'more careful', 'not careful enough', 'extra careful',
          'pay more attention', 'pay closer attention', 'pay attention', 'be more vigilant', 'more vigilant',
          'stay vigilant', 'be more diligent', 'more diligent', 'be more attentive', 'more attentive',
          'take more care', 'take extra care', 'be more thorough', 'be more cautious', 'be more mindful',
          'more disciplined', 'stay alert', 'stay focused', 'think twice', 'remember to', 'do not forget to',
          'double-check next time', 'double check next time', 'always double-check', 'always double check',
          'must double-check', 'should double-check', 'need to double-check', 'needs to double-check',
          'make sure to double-check',
        ],
      },
    ],
    examples: {
      flagged: ['Engineers need to be more careful when editing Terraform.', 'We will try harder next time.'],
      neutral: ['At 10:14 Priya double-checked the target group health.'],
    },
  },
  {
    id: 'person-as-cause',
    severity: 'warning',
    explanation:
      'Naming a person as the cause turns the review into finger pointing. The person is the last link in a ' +
      'chain; the conditions that let one action cause an outage are what the review can change.',
    suggestion:
      'Make the change, not the person, the grammatical subject and ask what let it reach production, e.g. ' +
      '"the listener change broke the deploy; the pipeline has no canary stage".',
    triggers: [
      {
        actor: 'subject',
        phrases: ['broke', 'breaks'],
        // "Rasmus broke the state lock", "Bob broke the problem down into hypotheses".
        unlessObject: ['lock', 'locks', 'glass', 'news', 'silence', 'tie', 'problem', 'work', 'task'],
        unlessFollowedBy: ['down', 'into', 'apart', 'deliberately', 'intentionally', 'purpose'],
      },
      {
        actor: 'subject',
        phrases: [
          'caused', 'causes', 'misconfigured', 'mis-configured', 'messed up', 'screwed up',
          'botched', 'took down', 'brought down', 'knocked over', 'crashed', 'wiped', 'corrupted', 'mistyped',
          'made a mistake', 'made an error', 'made a typo', 'made the mistake', 'pushed a bad', 'shipped a bad',
          'deployed a bad', 'merged a bad', 'introduced a bug', 'introduced the bug', 'introduced a regression',
          'introduced the regression', 'at fault', 'to blame', 'responsible for the outage',
          'responsible for the incident', 'responsible for the failure', 'responsible for the downtime',
          'responsible for this outage', 'responsible for this incident',
        ],
        // A game day: "Priya caused the failover deliberately".
        unlessFollowedBy: ['deliberately', 'intentionally', 'purpose'],
      },
      {
        actor: 'adverbial',
        phrases: [
          'accidentally', 'mistakenly', 'inadvertently', 'unintentionally', 'erroneously', 'wrongly',
          'incorrectly', 'by mistake', 'by accident', 'without checking', 'without testing', 'without looking',
          'without thinking', 'without reviewing',
        ],
        // "Jonas accidentally discovered the misconfiguration" is luck, not blame.
        unlessNext: ['discovered', 'found', 'noticed', 'spotted', 'stumbled', 'uncovered', 'learned'],
      },
      {
        actor: 'object',
        phrases: [
          'caused by', 'due to', 'because of', 'blamed on', 'fault of', 'mistake by',
          'mistake made by', 'error by', 'error made by', 'cause was', 'cause is', 'culprit was', 'culprit is',
          'broken by', 'introduced by', 'on the part of', 'blame lies with', 'fault lies with', 'blame falls on',
          'blame goes to',
        ],
      },
      {
        actor: 'possessor',
        phrases: [
          'mistake', 'mistakes', 'error', 'errors', 'fault', 'blunder', 'oversight', 'slip', 'slip-up',
          'screwup', 'screw-up', 'typo', 'lapse', 'goof', 'failure', 'misconfiguration', 'misstep',
        ],
      },
    ],
    examples: {
      flagged: ['Sara broke the deploy.', 'The outage was caused by Bob.', "It was Bob's mistake."],
      neutral: ['Sara restarted the pods.', 'At 09:05 Bob rolled back the release.', 'The outage was caused by a race condition.'],
    },
  },
];
