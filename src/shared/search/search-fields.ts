/** The parts of a review the search index holds, in the order a hit names them when several match. */
export const searchFields = ['title', 'summary', 'impact', 'factors', 'whys', 'learnings', 'timeline', 'answers', 'actionItems'] as const;
export type SearchField = (typeof searchFields)[number];

export const searchFieldLabels: Record<SearchField, string> = {
  title: 'Title',
  summary: 'Summary',
  impact: 'Impact',
  factors: 'Factors',
  whys: 'Five whys',
  learnings: 'Learnings',
  timeline: 'Timeline',
  answers: 'Answers',
  actionItems: 'Action items',
};
