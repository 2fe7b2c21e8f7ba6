import { useQuery, useQueryClient } from '@tanstack/react-query';
import { reviewDocumentQuery } from './review-document-query.js';

/** The review document, usually already on its way (the route loader started it). */
export function useReviewDocument(id: number) {
  const queryClient = useQueryClient();
  return useQuery({ ...reviewDocumentQuery(queryClient, id), enabled: id > 0 });
}
