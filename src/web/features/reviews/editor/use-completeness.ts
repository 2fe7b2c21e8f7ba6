import { useMemo } from 'react';
import { computeCompleteness } from '../../../../shared/reviews/review-completeness.js';
import type { DocumentParts } from '../../../../shared/reviews/review-part.js';

/** Completeness from the same pure rule the server and exports use, over the parts as the editor holds them. */
export function useCompleteness(parts: DocumentParts) {
  const { review, incident, timeline, factors, whys, questions, actionItems } = parts;
  return useMemo(() => computeCompleteness({ review, incident, timeline, factors, whys, questions, actionItems }), [review, incident, timeline, factors, whys, questions, actionItems]);
}
