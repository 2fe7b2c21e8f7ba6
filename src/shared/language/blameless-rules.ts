/**
 * The blameless-language rules as data. Each trigger phrase is written in the tokens the
 * checker sees: lowercase, contractions expanded ("did not", never "didn't"), hyphenated
 * words kept whole ("double-check"). `actor` says whose action the phrase must describe
 * before it is flagged, so that "the job failed to start" stays neutral while "the
 * engineer failed to check" is flagged.
 */
import { HINDSIGHT_RULES } from './blameless-rules-hindsight.js';
import { AGENT_VERBS, DAMAGE_WORDS, RECOVERY_WORDS, words } from './blameless-vocabulary.js';
import type { BlameKind, Severity } from './types.js';

export { AGENT_VERBS, CAUSE_NOUNS, MIND_WORDS } from './blameless-vocabulary.js';

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
  /** Only flagged when the word before is one of these ("the site went [down] after Bob ..."). */
  onlyPrevious?: readonly string[];
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
  /** The actor must be people in general ("engineers", "everyone", "you"), not one person or the team doing one task. */
  genericPeople?: boolean;
  /** Not flagged when the actor is one of these words. */
  unlessActor?: readonly string[];
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

/** Words that make advice a standing instruction: "next time", "always", "more carefully", "quicker". */
const STANDING_MARKERS = words(`
  always next future forward sooner quicker faster earlier carefully properly thoroughly attentively twice
  better quickly promptly diligently consistently
`);
/** Fewer markers for a bare imperative, which also opens plain task lists ("Check every subdomain before ..."). */
const IMPERATIVE_MARKERS = words('sooner quicker faster carefully twice better promptly diligently attentively thoroughly');
/** "Next quarter", "next steps": a one-off task, not a standing instruction. */
const ONE_OFF_TIMES = words('quarter week month sprint year steps step release version day days weeks months');
const DUTY_MODALS = ['should', 'must', 'need to', 'needs to', 'have to', 'has to', 'should always', 'must always', 'need to always', 'are to'];
const DILIGENCE_VERBS = words(`
  read check double-check verify test review confirm follow escalate respond communicate remember monitor
  ask take-care take-the-time watch be-aware-of slow-down
`).map((verb) => verb.replace(/-(?!check)/g, ' '));

export const BLAMELESS_RULES: BlamelessRule[] = [
  ...HINDSIGHT_RULES,
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
          'sloppy about', 'lazy about', 'act of laziness', 'impatient', 'impatience', 'lack of diligence', 'lack of discipline',
          'undisciplined', 'poor attention to detail', 'lack of attention to detail', 'insufficient attention to detail',
          'irresponsibly', 'inattention', 'inattentiveness', 'too hasty', 'was hasty', 'were hasty', 'overzealous',
          'arrogant', 'arrogance', 'lax about', 'lax attitude', 'showed a lack of', 'cut corners', 'cutting corners',
          'cuts corners',
        ],
      },
      // "An inexperienced engineer", "greedy managers": a judgement of the person, never of a system.
      { actor: 'judged', phrases: ['inexperienced', 'greedy', 'clueless', 'ignorant', 'gullible', 'lazy-minded'] },
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
          'reminded to', 'remind them', 'refresher training', 'make sure we always', 'make sure that we always', 'ensure we always',
          'ensure that we always', 'make sure we never', 'ensure we never', 'must remember that', 'need to remember that',
          'should remember that', 'must keep in mind', 'need to keep in mind', 'must bear in mind', 'need to bear in mind',
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
          'do not assume', 'never assume', 'do not skip', 'never skip', 'follow the runbook', 'follow the process',
          'follow the procedure', 'follow the checklist', 'stick to the process', 'stick to the runbook',
          // Awareness asked of the reader: "Understand your supply chain", "Know your dependencies".
          'understand your', 'know your', 'be mindful of', 'stay on top of',
          'do not take shortcuts', 'never take shortcuts', 'do not cut corners', 'never cut corners',
        ],
      },
      // "It is up to you, the user, to review what you install": diligence handed to people.
      {
        actor: 'any',
        phrases: ['up to you', 'up to the user', 'up to users', 'up to the users', 'up to each user', 'up to every user', 'up to the operator', 'up to operators', 'up to engineers', 'up to developers'],
        onlyFollowedBy: DILIGENCE_VERBS,
        unlessFollowedBy: words('decide choose determine opt pick configure select whether'),
      },
      // "Engineers have been instructed to follow the checklist", "we stressed the importance of following the runbook".
      // A remedy ("have been instructed to", "will be instructed to"); "were instructed to check the status page" narrates the incident.
      {
        actor: 'any',
        phrases: ['been instructed to', 'be instructed to', 'are instructed to', 'been told to', 'were told to always'],
        onlyNext: [...DILIGENCE_VERBS, 'always', 'never', 'be', 'double-check'],
      },
      {
        actor: 'any',
        phrases: ['importance of'],
        onlyNext: words('following checking double-checking reading testing reviewing verifying paying communicating adhering'),
      },
      { actor: 'any', phrases: ['extra care is', 'more care is', 'greater care is'], onlyNext: words('needed required necessary warranted') },
      // "However unlikely, we should act on every risk": care asked whatever the cost.
      {
        actor: 'any',
        phrases: ['however unlikely', 'however small', 'however minor', 'however trivial', 'however remote', 'however improbable', 'no matter how unlikely', 'no matter how remote'],
        contextWords: words('should must need needs always'),
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
      // Care asked in the passive: "care must be taken when editing DNS records".
      {
        actor: 'any',
        phrases: [
          'care must be taken', 'care should be taken', 'care needs to be taken', 'care has to be taken', 'caution should be exercised',
          'caution must be exercised', 'caution needs to be exercised', 'extra caution', 'more caution', 'greater care', 'greater caution',
          'awareness among', 'slow down and', 'take the time to read',
          'take your time', 'please double-check', 'please be careful', 'please be mindful', 'to always check', 'to always read',
          'to always verify', 'to always double-check', 'to always test', 'to always review', 'expected to follow', 'expected to adhere',
          'expected to double-check', 'expected to read', 'be more careful', 'important to double-check',
          'important to be careful', 'important to pay attention', 'crucial to double-check',
          'critical to double-check', 'essential to double-check', 'make sure you check', 'make sure you read',
          'make sure you double-check', 'make sure you verify', 'make sure to check', 'make sure to read', 'make sure to verify',
          'make sure to test', 'responsibility of every', 'responsibility of each', 'responsibility of all', 'everyone is responsible for',
          'everybody is responsible for', 'every engineer is responsible for', 'each engineer is responsible for',
        ],
      },
      // "Ensure that engineers follow the checklist": compliance asked of people.
      {
        actor: 'any',
        phrases: [
          'ensure everyone', 'ensure that everyone', 'make sure everyone', 'make sure that everyone', 'ensure all engineers',
          'ensure engineers', 'ensure that engineers', 'ensure that all engineers', 'ensure people', 'ensure that people',
          'ensure developers', 'ensure that developers', 'ensure the team', 'ensure that the team', 'make sure the team',
          'make sure engineers', 'make sure people', 'ensure staff', 'ensure that staff',
          ...['important', 'crucial', 'essential', 'vital', 'critical'].flatMap((weight) =>
            ['everyone', 'all engineers', 'engineers', 'developers', 'we all', 'the team', 'people'].map((who) => `${weight} that ${who}`),
          ),
        ],
        onlyFollowedBy: words('follow follows read reads check checks remember remembers aware careful double-check double-checks adhere adheres'),
      },
      // Advice to people in the imperative, as a standing instruction: "Raise an incident quicker", "Next time, check ...".
      {
        actor: 'any',
        atClauseStart: true,
        phrases: ['check', 'double-check', 'read', 'verify', 'test', 'escalate', 'raise', 'communicate', 'ask', 'review', 'confirm', 'respond', 'look', 'think', 'pay', 'watch'],
        contextWords: IMPERATIVE_MARKERS,
        unlessInSentence: ONE_OFF_TIMES,
      },
      // "Always deploy to staging first", "Never run migrations at peak time": a standing instruction.
      { actor: 'any', atClauseStart: true, verbNext: true, phrases: ['always', 'never'] },
      // Training as the remedy for a human shortfall; "train a second person" is staffing.
      { actor: 'any', phrases: ['be retrained', 'educate engineers', 'educate developers', 'educate the team', 'educate staff', 'educating engineers', 'educating developers'] },
      // "Next time, check the dashboard first": advice for the next incident.
      {
        actor: 'any',
        phrases: ['next time', 'in future', 'in the future', 'going forward', 'from now on'],
        onlyNext: words('check double-check read verify test escalate raise communicate ask review confirm respond look think make ensure pay watch be remember always'),
      },
      // "Engineers should read the runbook before responding": diligence asked of people, as a duty.
      {
        actor: 'subject',
        genericPeople: true,
        // "Users should check their accounts" after a breach is a task; a standing habit is asked of them only with a marker.
        unlessActor: words('users customers maintainers you people folks'),
        unlessInSentence: ONE_OFF_TIMES,
        mindful: DILIGENCE_VERBS,
        phrases: DUTY_MODALS.flatMap((modal) => DILIGENCE_VERBS.map((verb) => `${modal} ${verb}`)),
      },
      // "We should test more thoroughly": the team asks itself for diligence, with a marker of a standing habit.
      {
        actor: 'subject',
        mindful: DILIGENCE_VERBS,
        phrases: DUTY_MODALS.flatMap((modal) => DILIGENCE_VERBS.map((verb) => `${modal} ${verb}`)),
        contextWords: STANDING_MARKERS,
        unlessInSentence: ONE_OFF_TIMES,
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
          ...['pushed', 'shipped', 'deployed', 'merged'].flatMap((verb) => ['bad', 'broken', 'faulty', 'buggy'].map((what) => `${verb} a ${what}`)), 'introduced a bug', 'introduced the bug', 'introduced a regression',
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
        phrases: [
          'that deleted', 'which deleted', 'that wiped', 'which wiped', 'that dropped', 'which dropped', 'that corrupted', 'which corrupted',
          'that broke', 'which broke', 'and broke', 'breaking', 'that took down', 'which took down', 'that brought down', 'which brought down',
          'that crashed', 'which crashed', 'and crashed', 'that overloaded', 'which overloaded', 'that erased', 'which erased',
        ],
        contextWords: [...AGENT_VERBS],
      },
      {
        actor: 'adverbial',
        notTeam: true,
        phrases: [
          'accidentally', 'mistakenly', 'inadvertently', 'unintentionally', 'erroneously', 'wrongly',
          'incorrectly', 'by mistake', 'by accident', 'without checking', 'without testing', 'without looking',
          'without thinking', 'without reviewing', 'without reading', 'without verifying', 'without confirming',
          'without double-checking', 'without consulting', 'without asking', 'without following',
          'without notifying', 'without telling',
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
      // "The outage was the result of an engineer disabling the rate limiter".
      {
        actor: 'object',
        notTeam: true,
        phrases: ['result of', 'resulted from', 'results from', 'stemmed from', 'stems from', 'traced back to', 'traced to', 'attributed to', 'came down to', 'comes down to'],
        unlessInSentence: RECOVERY_WORDS,
      },
      // "The site went down after an engineer restarted the primary": the damage pinned on a person's action in time.
      {
        actor: 'clause',
        notTeam: true,
        phrases: ['after', 'when', 'as soon as', 'once', 'right after', 'shortly after', 'moments after', 'minutes after'],
        onlyPrecededBy: DAMAGE_WORDS,
        // The damage starts right there ("went down after"); "the failure was detected when ..." is narration.
        onlyPrevious: words('down began begun started start starts broke failed crashed occurred happened caused triggered offline unavailable lost deleted corrupted hit'),
        contextWords: [...AGENT_VERBS],
        unlessInSentence: [...RECOVERY_WORDS, ...words('continued persisted remained still again persist continue noticed saw reported')],
      },
      // "After Priya restarted the primary, the site went down", "After John's deploy, errors rose": the onset, put first.
      {
        actor: 'clause',
        notTeam: true,
        atClauseStart: true,
        phrases: ['after', 'following', 'right after', 'shortly after', 'minutes after'],
        onlyFollowedBy: words('down broke crashed offline unavailable outage errors'),
        unlessInSentence: [...RECOVERY_WORDS, ...words('continued persisted remained still again persist continue noticed saw reported')],
      },
      // "Bob's script brought the database down", "the engineer took the cluster offline by running …";
      // "Priya took the replica offline and promoted the standby" is a step with its purpose.
      {
        actor: 'subject',
        notTeam: true,
        phrases: ['took', 'brought', 'knocked'],
        onlyFollowedBy: ['down', 'offline'],
        unlessFollowedBy: words('to for and so while during once after when because as since then maintenance deliberately intentionally purpose'),
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
