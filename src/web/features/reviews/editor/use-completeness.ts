import { useMemo } from 'react';
import type { ActionItem } from '../../../../shared/actions/action-item.schema.js';
import type { Factor } from '../../../../shared/reviews/factor.schema.js';
import type { Question } from '../../../../shared/reviews/question.schema.js';
import { computeCompleteness } from '../../../../shared/reviews/review-completeness.js';
import type { Review } from '../../../../shared/reviews/review.schema.js';

/** Completeness from the same pure rule the server and exports use. */
export function useCompleteness(review: Review, parts: { timelineCount: number; factors: Factor[]; whysCount: number; questions: Question[]; actionItems: ActionItem[] }) {
  const { timelineCount, factors, whysCount, questions, actionItems } = parts;
  return useMemo(
    () =>
      computeCompleteness({
        template: review.template,
        text: { summary: review.summary, impact: review.impact, learnings: review.learnings },
        timelineCount,
        factorKinds: factors.map((f) => f.kind),
        whysCount,
        answered: questions.filter((q) => q.answer).map((q) => q.key),
        actionItemCount: actionItems.length,
      }),
    [review, timelineCount, factors, whysCount, questions, actionItems],
  );
}
