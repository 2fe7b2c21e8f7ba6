/**
 * The key questions a review answers (IT Revolution's post-incident review questions plus the
 * DevOps-library format's "what went well"). Keys are stable: they are stored with each answer
 * and used by templates, exports and trends. Labels may be reworded freely.
 */
export const questionKeys = [
  'detect_sooner',
  'diagnose_faster',
  'mitigate_impact',
  'resolve_faster',
  'prevent',
  'got_lucky',
  'went_well',
  'went_wrong',
  'learned_about_system',
] as const;
export type QuestionKey = (typeof questionKeys)[number];

export interface QuestionDefinition {
  key: QuestionKey;
  label: string;
  /** A prompt that helps the author answer. */
  hint: string;
}

export const reviewQuestions: readonly QuestionDefinition[] = [
  { key: 'detect_sooner', label: 'How could we have detected this sooner?', hint: 'Did we have the right triggers?' },
  {
    key: 'diagnose_faster',
    label: 'How could we have diagnosed it more rapidly?',
    hint: 'Did responders have the information they needed to diagnose the issue?',
  },
  { key: 'mitigate_impact', label: 'How could we have mitigated the effects on customers?', hint: 'What would have reduced what users felt?' },
  {
    key: 'resolve_faster',
    label: 'What would have helped resolve this faster?',
    hint: 'Do we require new triggers, data collection, tools, or processes?',
  },
  { key: 'prevent', label: 'How could we have prevented the incident from occurring?', hint: 'Look for a class of problems, not only this one.' },
  { key: 'got_lucky', label: 'Where did we get lucky?', hint: 'What limited the damage by chance rather than by design?' },
  {
    key: 'went_well',
    label: 'What went well in handling this incident?',
    hint: 'Runbooks, fast rollback, monitoring that worked: what should we reinforce?',
  },
  { key: 'went_wrong', label: 'What went wrong?', hint: 'Which conditions and gaps made the response harder?' },
  { key: 'learned_about_system', label: 'What did we learn about how our system behaves?', hint: 'Which mental models changed?' },
];

export const isQuestionKey = (key: string): key is QuestionKey => (questionKeys as readonly string[]).includes(key);

export const questionLabel = (key: QuestionKey): string => reviewQuestions.find((q) => q.key === key)?.label ?? key;
