/**
 * The blameless-language rules as data. Each trigger phrase is written in the tokens the
 * checker sees: lowercase, contractions expanded ("did not", never "didn't"), hyphenated
 * words kept whole ("double-check"). `actor` says whose action the phrase must describe
 * before it is flagged, so that "the job failed to start" stays neutral while "the
 * engineer failed to check" is flagged.
 */
import type { BlameKind, Severity } from './types.js';

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
 * hypothetical: a hypothetical person earlier in the sentence ("anyone reading the diff would have spotted it").
 * agent:     the subject of the action the phrase follows ("Bob pushed the config that took the site down").
 * clause:    the subject of the clause the phrase opens, acting ("because [Priya] restarted the primary").
 * judged:    the person a judgement is about ("a stupid engineer", "that was dumb of me").
 * conditional: the person in a past conditional ("if [Bob] had checked").
 */
export type ActorRequirement =
  | 'any'
  | 'subject'
  | 'adverbial'
  | 'object'
  | 'possessor'
  | 'hypothetical'
  | 'agent'
  | 'clause'
  | 'judged'
  | 'conditional';

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
  /** Only flagged when one of these words follows within the clause ("which caused the outage"). */
  onlyFollowedBy?: readonly string[];
  /** Only flagged when one of these words comes earlier in the sentence ("the [outage] was triggered by Bob"). */
  onlyPrecededBy?: readonly string[];
  /** Only flagged when the next word is one of these ("should have been [caught]"). */
  onlyNext?: readonly string[];
  /** Not flagged when the word before is one of these ("a more careful migration"). */
  unlessPrevious?: string[];
  /**
   * "They" or a capitalised word compromise does not know ("Okafor") counts as a person when the
   * phrase or the word after it is one of these: about a mind ("forgot", "failed to [notice]").
   */
  mindful?: readonly string[];
  /** At least one of these words must be in the sentence (also a cheap test for the prefilter). */
  contextWords?: readonly string[];
  /** Not flagged when one of these words is anywhere in the sentence ("... causing the errors to [stop]"). */
  unlessInSentence?: readonly string[];
  /** Only flagged at the start of a clause, where a verb is an imperative ("Never trust ..."). */
  atClauseStart?: boolean;
  /** "We" does not count as the actor: a team owning its change is not a person framed as the cause. */
  notTeam?: boolean;
}

export interface BlamelessRule {
  id: RuleId;
  kind: BlameKind;
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

const METRIC_WORDS = ['rate', 'rates', 'count', 'counts', 'ratio', 'budget', 'metric', 'metrics', 'page', 'pages', 'log', 'logs', 'message', 'messages', 'handling', 'code', 'codes'];
const NEGATED = (verbs: string) => verbs.split(' ').map((verb) => `did not ${verb}`);
const words = (list: string) => list.trim().split(/\s+/);

/**
 * Participles of things people do (or fail to do) in a passive hindsight: "this should have
 * been [caught] in review", "the owners should have been [told]". "Paged" and "alerted" are
 * left out: a person being paged is something the system does to them.
 */
export const HUMAN_ACTION_PARTICIPLES = words(`
  caught spotted noticed found tested checked verified validated reviewed read communicated told informed
  escalated addressed fixed handled rushed done followed consulted asked involved raised flagged documented
  reverted rolled applied merged deployed approved planned considered investigated discussed coordinated
  announced updated run ran removed disabled enabled renewed rotated scheduled prioritised prioritized
  double-checked shipped released pushed treated notified revoked patched migrated shared explained staffed
  paused halted stopped cancelled postponed restarted managed owned assigned resolved implemented
`);

/** What only a mind does: "they forgot", "Okafor failed to [notice]"; "they failed to [start]" is about pods. */
export const MIND_WORDS = words(`
  forgot forgotten forget neglected overlooked ignored notice realise realize bother care think check verify test
  review read follow escalate respond acknowledge communicate update renew ask inform tell wait known checked
  noticed asked waited tested read realised realized reviewed followed escalated verified
`);

/** Words that make a causal clause about damage: "which [caused the outage]", "causing [errors]". */
export const DAMAGE_WORDS = words(`
  outage outages down downtime incident incidents failure failures fail failed failing errors error broke broken
  crash crashed crashes loss lost impact disruption degradation unavailable corrupted corruption 404 500 502 503
  offline halt halted deleted deletion data
`);

/** Words of recovery: a causal clause about them is credit, not blame. */
export const RECOVERY_WORDS = words(`
  stopped stop stopping dropped drop dropping fell decreased decreasing resolved recovered recovering recover cleared
  subsided mitigated restored normal fixed healthy
`);

/** What a person does that a causal clause can pin the damage on ("Bob [pushed] the config that ..."). */
export const AGENT_VERBS = new Set(words(`
  pushed deployed merged ran applied changed deleted removed edited updated introduced made executed shipped
  committed wrote configured misconfigured typed rebooted restarted dropped modified disabled enabled upgraded
  overwrote triggered started released flipped set used submitted approved renamed moved killed terminated
`));

export const BLAMELESS_RULES: BlamelessRule[] = [
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
      { actor: 'subject', phrases: ['could have', 'could not have'], onlyNext: [...HUMAN_ACTION_PARTICIPLES, ...words('prevented avoided detected mitigated limited acted responded reacted looked waited')] },
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
      {
        actor: 'any',
        phrases: [
          'if only', 'in hindsight it was obvious', 'obviously should', 'been paying attention', 'had paid attention',
          'paid more attention', 'had been more careful', 'had been careful', 'nobody noticed', 'no one noticed',
          'nobody realised', 'nobody realized', 'no one realised', 'no one realized', 'nobody caught', 'no one caught',
          'nobody checked', 'no one checked', 'nobody was watching', 'no one was watching', 'nobody spotted',
          'no one spotted', 'nobody thought to', 'no one thought to', 'despite being aware', 'despite knowing',
          'despite having been warned', 'despite the warnings', 'should have known', 'should have realised',
          'should have realized',
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
    kind: 'character',
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
          'incompetence', 'idiot', 'negligent', 'negligence', 'reckless',
          'recklessly', 'clumsy', 'inattentive', 'irresponsible', 'thoughtless', 'unprofessional', 'laziness',
          'lazily', 'unprofessionally', 'complacent', 'complacency', 'rookie mistake', 'rookie mistakes', 'silly mistake',
          'silly mistakes', 'amateur mistake', 'amateur mistakes', 'poor judgement', 'poor judgment', 'bad judgement',
          'bad judgment', 'lapse in judgement', 'lapse in judgment', 'rashly', 'thoughtlessly',
          'negligently', 'foolish', 'foolishly',
          'amateurish', 'cowboy', 'half-assed', 'know better', 'known better', 'knew better',
          'not paying attention', 'asleep at the wheel', 'lack of care', 'lack of attention', 'did not care',
          'without being thorough', 'not being thorough', 'was not thorough', 'were not thorough', 'overconfident',
          'over-confident', 'overconfidence', 'cavalier', 'lackadaisical', 'slapdash', 'haphazardly', 'careless about',
          'sloppy about', 'lazy about', 'act of laziness',
        ],
      },
      // "A dumb default timeout", "lazy loading" judge a system: only flagged about a person ("when I'm lazy").
      { actor: 'judged', phrases: ['stupid', 'dumb', 'idiotic', 'naive', 'silly', 'stupidly', 'naively', 'lazy'] },
    ],
    examples: {
      flagged: ['A careless change to the ALB listener took down checkout.', 'Sloppy review let the bug through.'],
      neutral: ['Careful analysis of the CoreDNS logs showed the cache was cold.', 'Lazy loading delayed the first request.'],
    },
  },
  {
    id: 'exhortation',
    kind: 'exhortation',
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
          'try harder', 'be careful', 'not careful enough', 'extra careful',
          'pay more attention', 'pay closer attention', 'pay attention', 'be more vigilant', 'more vigilant',
          'stay vigilant', 'be more diligent', 'more diligent', 'be more attentive', 'more attentive',
          'take more care', 'take extra care', 'be more thorough', 'be more cautious', 'be more mindful', 'more cautious',
          'more disciplined', 'stay alert', 'stay focused', 'think twice', 'remember to', 'do not forget to', 'do not forget',
          'double-check next time', 'double check next time', 'always double-check', 'always double check',
          'must double-check', 'should double-check', 'need to double-check', 'needs to double-check',
          'make sure to double-check', 'be more aware', 'be better at', 'get better at', 'need to do better',
          'must do better', 'will do better', 'do better next time', 'be vigilant', 'vigilant and cautious',
          'be cautious', 'being cautious', 'be more careful', 'exercise caution', 'exercise more caution',
          'use caution', 'take precautions', 'be paranoid', 'just double-check', 'double-check everything',
          'always double-check', 'work diligently', 'working diligently', 'be diligent', 'remind everyone', 'remind people', 'remind the team', 'remind engineers',
          'remind developers', 'remind all', 'be reminded', 'more discipline', 'be disciplined',
          'do not rush', 'not to rush', 'never rush', 'avoid rushing', 'be more thoughtful', 'be more proactive',
          'think before', 'be extra careful', 'always responsible for', 'pause and consider', 'stop and think',
          'must adhere to', 'should adhere to', 'need to adhere to', 'needs to adhere to', 'must stick to', 'should stick to',
          'reminded to', 'remind them', 'refresher training',
          'make everyone aware', 'make people aware', 'make engineers aware', 'make the team aware', 'be mindful', 'stay aware',
          'must be aware', 'need to be aware', 'needs to be aware', 'do a better job', 'be double-checked',
          'be more responsible', 'should carefully', 'must carefully', 'need to carefully', 'needs to carefully',
          'no matter how small', 'no matter how trivial', 'no matter how minor', 'no matter how unnecessary',
          'no matter how innocuous', 'no matter how safe',
        ],
      },
      // "Everyone needs to follow the runbook"; "we need to follow up with the vendor" is a task.
      {
        actor: 'any',
        phrases: ['need to follow', 'needs to follow', 'must follow', 'should follow', 'must always follow', 'should always follow'],
        unlessNext: ['up', 'through', 'along', 'suit'],
      },
      // "It is up to the user to review what they install"; "up to the user to decide" is a choice.
      {
        actor: 'any',
        phrases: ['up to the user to', 'up to you to', 'up to users to', 'up to the users to'],
        unlessNext: ['decide', 'choose', 'determine', 'opt', 'pick', 'configure', 'select'],
      },
      // Training as the remedy; "more training data" is about a model.
      {
        actor: 'any',
        phrases: ['more training', 'additional training', 'awareness training'],
        unlessNext: ['data', 'set', 'sets', 'examples', 'jobs', 'job', 'runs', 'run', 'pipeline', 'loss'],
      },
      // "SREs need to have a better feeling of what is going on": awareness asked of people.
      {
        actor: 'any',
        phrases: ['need to have a better', 'needs to have a better', 'need a better', 'needs a better', 'need to develop a better'],
        onlyNext: words('understanding feeling awareness sense grasp knowledge overview intuition feel'),
      },
      // Standing instructions in the imperative: "Always check the kube context", "Never trust ...".
      {
        actor: 'any',
        atClauseStart: true,
        phrases: [
          'do not trust', 'never trust', 'always check', 'always verify', 'always make sure',
          'always remember', 'always ensure', 'be sure to', 'take care to', 'take care when', 'watch out for', 'beware of',
          'do not assume', 'never assume',
        ],
      },
      // "Do a diff on everything, no matter how small it seems": care asked of people, not a system.
      {
        actor: 'any',
        phrases: ['no matter how'],
        onlyPrecededBy: ['everything', 'every', 'all', 'always'],
        onlyNext: words('small trivial minor unnecessary innocuous safe simple obvious harmless insignificant routine confident sure urgent'),
      },
      // "Ensure you're typing the package name correctly".
      {
        actor: 'any',
        phrases: ['ensure you are', 'ensure that you are', 'make sure you are', 'make sure that you are'],
        onlyFollowedBy: ['correctly', 'careful', 'carefully', 'right', 'aware', 'paying', 'vigilant', 'attentive'],
      },
      // "A more careful migration" describes what was done; "we must be more careful" asks for care.
      { actor: 'any', phrases: ['more careful', 'more carefully'], unlessPrevious: ['a', 'an', 'the', 'did', 'was', 'were', 'done'] },
    ],
    examples: {
      flagged: ['Engineers need to be more careful when editing Terraform.', 'We will try harder next time.'],
      neutral: ['At 10:14 Priya double-checked the target group health.'],
    },
  },
  {
    id: 'person-as-cause',
    kind: 'person_as_cause',
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
        notTeam: true,
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
          'pushed a bad', 'shipped a bad',
          'deployed a bad', 'merged a bad', 'introduced a bug', 'introduced the bug', 'introduced a regression',
          'introduced the regression', 'at fault', 'to blame', 'responsible for the outage',
          'responsible for the incident', 'responsible for the failure', 'responsible for the downtime',
          'responsible for this outage', 'responsible for this incident', 'deleted the wrong', 'dropped the wrong',
          'ran the wrong', 'pushed the wrong', 'applied the wrong', 'rebooted the wrong', 'restarted the wrong',
          'deployed the wrong', 'edited the wrong', 'chose the wrong', 'picked the wrong', 'selected the wrong',
          'typed the wrong', 'used the wrong', 'targeted the wrong', 'modified the wrong', 'removed the wrong',
          'terminated the wrong', 'merged the wrong', 'changed the wrong', 'ran it against the wrong',
        ],
        notTeam: true,
        // A game day: "Priya caused the failover deliberately".
        unlessFollowedBy: ['deliberately', 'intentionally', 'purpose'],
      },
      { actor: 'any', phrases: ['is on me', 'was on me', 'my bad', 'my fault', 'my mistake', 'my screw-up', 'my screwup', 'i messed up', 'i screwed up', 'i broke'] },
      // "The on-call engineer pushed the config that took the site down": the damage pinned on the one who acted.
      {
        actor: 'agent',
        notTeam: true,
        phrases: [
          'that took', 'which took', 'that broke', 'which broke', 'that caused', 'which caused', 'that brought',
          'which brought', 'that knocked', 'which knocked', 'that led to', 'which led to', 'that triggered',
          'which triggered', 'causing', 'leading to', 'resulting in', 'taking down', 'bringing down', 'breaking', 'and took',
          'and broke', 'and caused', 'and brought', 'and knocked',
        ],
        onlyFollowedBy: DAMAGE_WORDS,
        contextWords: [...AGENT_VERBS],
        unlessInSentence: RECOVERY_WORDS,
      },
      // "Mei ran the cleanup script, which deleted the uploads": the clause itself is the damage.
      {
        actor: 'agent',
        notTeam: true,
        phrases: ['that deleted', 'which deleted', 'that wiped', 'which wiped', 'that dropped', 'which dropped', 'that corrupted', 'which corrupted'],
        contextWords: [...AGENT_VERBS],
      },
      {
        actor: 'adverbial',
        notTeam: true,
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
        notTeam: true,
        phrases: [
          'caused by', 'due to', 'because of', 'blamed on', 'fault of', 'cause was', 'cause is', 'culprit was', 'culprit is',
          'broken by', 'introduced by', 'on the part of', 'blame lies with', 'fault lies with', 'blame falls on',
          'blame goes to',
        ],
      },
      {
        actor: 'possessor',
        notTeam: true,
        phrases: ['fault', 'failure', 'misconfiguration', 'doing'],
      },
      // "The outage was triggered by Bob": narration of who started something only when it is the damage.
      {
        actor: 'object',
        notTeam: true,
        phrases: ['triggered by', 'started by', 'set off by', 'kicked off by', 'initiated by'],
        onlyPrecededBy: DAMAGE_WORDS,
      },
      // "The database went down because Priya restarted the primary".
      {
        actor: 'clause',
        notTeam: true,
        phrases: ['because'],
        onlyPrecededBy: DAMAGE_WORDS,
        contextWords: [...AGENT_VERBS],
        // "The errors stopped because Bob restarted the pods" is a fix, not a cause.
        unlessInSentence: RECOVERY_WORDS,
      },
    ],
    examples: {
      flagged: ['Sara broke the deploy.', 'The outage was caused by Bob.', 'The on-call engineer pushed the config that took the site down.'],
      neutral: ['Sara restarted the pods.', 'At 09:05 Bob rolled back the release.', 'The outage was caused by a race condition.'],
    },
  },
];
