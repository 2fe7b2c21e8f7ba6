/** The key questions (F4), each with its answer. */
import { heading, section, userBlock } from './markdown/mdast.js';
import { definePart } from './review-part.js';

export const questionsPart = definePart({
  key: 'questions',
  label: 'Questions',
  count: ({ questions }, source) => (questions.some((q) => q.key === source.key && q.answer?.trim()) ? 1 : 0),
  markdown: ({ questions }) => section('Questions', ...questions.flatMap((q) => [heading(3, q.label), ...userBlock(q.answer, 'Not answered.', 4)])),
  texts: ({ questions }) => questions.map((q) => ({ field: `questions.${q.key}`, text: q.answer })),
});
