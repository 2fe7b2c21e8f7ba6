import type { PersonRef } from '../../shared/accounts/person.schema.js';
import type { AgendaNote, GlobalReview } from '../../shared/global-review/global-review.schema.js';
import { api } from './client.js';

export const globalReviewApi = {
  /** The session in progress or next (day omitted), or the one held on `day`. */
  session: (day: string | null, signal?: AbortSignal) => api.get<GlobalReview>(day ? `/api/global-review/sessions/${day}` : '/api/global-review', undefined, signal),
  saveNote: (day: string, body: { item: string; notes: string; decision: string; version: number | null }) => api.put<AgendaNote>(`/api/global-review/sessions/${day}/notes`, body),
  saveAttendees: (day: string, body: { attendees: Array<{ userId: number } | { name: string }>; version: number | null }) =>
    api.put<{ attendees: PersonRef[]; version: number }>(`/api/global-review/sessions/${day}/attendees`, body),
  calendarUrl: '/api/global-review/calendar.ics',
};
