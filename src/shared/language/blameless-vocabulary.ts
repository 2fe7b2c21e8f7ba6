/**
 * Word lists the blameless rules are written with: what a person does, what damage and
 * recovery look like, what only a mind does. Lowercase, the way the tokenizer sees words.
 */
/**
 * What a person's possession must be to count as a cause in "caused by Bob's change":
 * "because of Priya's quick rollback" is credit, not blame.
 */
export const CAUSE_NOUNS = new Set(
  `change changes commit commits deploy deployment push pr merge edit command script config configuration
   mistake mistakes error errors typo fault oversight action decision update patch migration query
   misconfiguration misstep`.split(/\s+/),
);

export const METRIC_WORDS = ['rate', 'rates', 'count', 'counts', 'ratio', 'budget', 'metric', 'metrics', 'page', 'pages', 'log', 'logs', 'message', 'messages', 'handling', 'code', 'codes'];
export const NEGATED = (verbs: string) => verbs.split(' ').map((verb) => `did not ${verb}`);
export const words = (list: string) => list.trim().split(/\s+/);

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
  noticed asked waited tested read realised realized reviewed followed escalated verified missed miss
  communicated
`);

/** Prescribed steps a person can leave out: "did not perform the recommended [checks]", "never ran the [dry-run]". */
export const PRESCRIBED_STEPS = words(`
  check checks test tests procedure procedures practice practices process steps step checklist runbook playbook review
  reviews validation verification backup backups dry-run guidelines guideline instructions protocol precautions
  sanity-check sanity-checks smoke diligence homework
`);

/** What a person notices or does not: "nobody on the team [noticed]", "no one [thought] about the cache". */
export const NOTICING_VERBS = words(`
  noticed realised realized caught checked spotted thought considered anticipated reviewed tested verified looked
  questioned asked escalated responded acknowledged read followed bothered cared double-checked monitored watched
`);

/** Participles of checking and noticing: "this could have been [caught] in review" (not "deployed", a pipeline does that). */
export const NOTICING_PARTICIPLES = words(`
  caught spotted noticed tested checked verified validated reviewed double-checked read communicated escalated flagged
  questioned
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
  overloaded
`));
