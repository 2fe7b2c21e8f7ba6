import { useEffect } from 'react';
import { knowledgeBaseApi } from '../../api/knowledge-base.js';

/**
 * Counts the reader once the review is on screen (for the knowledge base's "most read"). An explicit
 * POST, once per page visit; the server counts each person once a day, and a failure is not the reader's problem.
 */
export function useRecordRead(reviewId: number, shown: boolean): void {
  useEffect(() => {
    if (!shown || !reviewId) return;
    knowledgeBaseApi.recordRead(reviewId).catch(() => undefined);
  }, [reviewId, shown]);
}
