import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NoteProposal, NotesAcceptResult, NotesProposals, ReviewNotes } from '../../../shared/notes/notes.schema.js';
import { api } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';

export const notesApi = {
  get: (reviewId: number, signal?: AbortSignal) => api.get<ReviewNotes>(`/api/reviews/${reviewId}/notes`, undefined, signal),
  save: (reviewId: number, text: string, revision: number) => api.put<ReviewNotes>(`/api/reviews/${reviewId}/notes`, { text, revision }),
  propose: (reviewId: number, text: string) => api.post<NotesProposals>(`/api/reviews/${reviewId}/notes/proposals`, { text }),
  accept: (reviewId: number, proposals: NoteProposal[]) => api.post<NotesAcceptResult>(`/api/reviews/${reviewId}/notes/accept`, { proposals }),
};

export const useReviewNotes = (reviewId: number) => useQuery({ queryKey: queryKeys.reviewNotes(reviewId), queryFn: ({ signal }) => notesApi.get(reviewId, signal) });

/** Accepting creates timeline entries, factors and action items: their lists are read again (live events do the same for others). */
export function useAcceptProposals(reviewId: number, incidentId: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proposals: NoteProposal[]) => notesApi.accept(reviewId, proposals),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.reviewNotes(reviewId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.reviewPart(reviewId, 'factors') });
      void queryClient.invalidateQueries({ queryKey: queryKeys.reviewPart(reviewId, 'action-items') });
      if (incidentId !== null) void queryClient.invalidateQueries({ queryKey: queryKeys.timeline(incidentId) });
    },
  });
}
