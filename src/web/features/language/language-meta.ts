/** Short, human names for the rules, shown next to a finding. */
export const blamelessRuleTitles: Record<string, string> = {
  'human-error': 'Human error as a cause',
  counterfactual: 'Counterfactual (“should have”)',
  omission: 'Framed as an omission',
  'character-judgement': 'Judges a person',
  exhortation: 'Asks people to try harder',
  'person-as-cause': 'A person as the cause',
};

export const actionRuleLabels: Record<string, string> = {
  'relies-on-vigilance': 'relies on vigilance',
  'no-outcome': 'no expected outcome',
  vague: 'vague',
  'missing-owner': 'no owner',
  'missing-due-date': 'no due date',
  'invalid-due-date': 'invalid due date',
  'missing-factor': 'no linked factor',
  'uncovered-contributor': 'no action item or accepted risk',
};

/** The excerpt inside its sentence, shortened to about `room` characters either side at word boundaries. */
export function excerptContext(text: string, start: number, end: number, room = 56): { before: string; match: string; after: string } {
  const head = text.slice(0, start);
  const sentenceStart = head.search(/[^.!?\n]*$/);
  const tail = text.slice(end).search(/[.!?\n]/);
  const sentenceEnd = tail < 0 ? text.length : end + tail + (text[end + tail] === '\n' ? 0 : 1);
  let from = Math.max(sentenceStart, start - room);
  if (from > sentenceStart) from = Math.min(start, text.indexOf(' ', from) + 1 || start);
  let to = Math.min(sentenceEnd, end + room);
  if (to < sentenceEnd) to = Math.max(end, text.lastIndexOf(' ', to));
  return {
    before: `${from > sentenceStart ? '… ' : ''}${text.slice(from, start).trimStart()}`,
    match: text.slice(start, end),
    after: `${text.slice(end, to).trimEnd()}${to < sentenceEnd ? ' …' : ''}`,
  };
}

/** Quality score bands: calm colours, a low score is a nudge rather than an alarm. */
export function scoreTone(score: number): { color: string; label: string } {
  if (score >= 80) return { color: 'teal', label: 'Strong' };
  if (score >= 60) return { color: 'hindsight', label: 'Good start' };
  if (score >= 40) return { color: 'yellow', label: 'Needs work' };
  return { color: 'orange', label: 'Early draft' };
}
