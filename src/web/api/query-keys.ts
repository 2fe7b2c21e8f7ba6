import type { IncidentFilters } from './incidents.js';

/** Every TanStack Query key in one place, so invalidation after a write is easy to get right. */
export const queryKeys = {
  incidents: ['incidents'] as const,
  incidentList: (filters: IncidentFilters) => ['incidents', 'list', filters] as const,
  services: (q: string) => ['incidents', 'services', q] as const,
  incident: (id: number) => ['incidents', id] as const,
  incidentReview: (id: number) => ['incidents', id, 'review'] as const,
  reviews: ['reviews'] as const,
  reviewList: (filters: object) => ['reviews', 'list', filters] as const,
  review: (id: number) => ['reviews', id] as const,
  reviewDocument: (id: number) => ['reviews', id, 'document'] as const,
  knowledgeBase: ['knowledge-base'] as const,
  trends: (name: string, filters: object) => ['trends', name, filters] as const,
  /** One part's records of a review: factors, whys, questions, action-items. */
  reviewPart: (id: number, part: 'factors' | 'whys' | 'questions' | 'action-items') => ['reviews', id, part] as const,
  /** Apart from the review's own key: timeline changes (keyed by incident) make every open one stale. */
  /** A review's external summaries (sharing). */
  externalSummaries: (id: number) => ['reviews', id, 'external-summaries'] as const,
  /** A review's comment threads, its async review (reviewers, questions for the meeting) and its meeting. */
  reviewComments: (id: number) => ['reviews', id, 'comments'] as const,
  asyncReview: (id: number) => ['reviews', id, 'async-review'] as const,
  meeting: (id: number) => ['reviews', id, 'meeting'] as const,
  reviewNotes: (id: number) => ['reviews', id, 'notes'] as const,
  /** Where the review meeting is in meeting mode: written straight from meeting.moved events. */
  meetingMode: (id: number) => ['reviews', id, 'meeting-mode'] as const,
  allReviewTransitions: ['review-transitions'] as const,
  reviewTransitions: (id: number) => ['review-transitions', id] as const,
  timeline: (incidentId: number) => ['timeline', incidentId] as const,
  entryHistory: (entryId: number) => ['timeline', 'entry', entryId, 'history'] as const,
  entryComments: (entryId: number) => ['timeline', 'entry', entryId, 'comments'] as const,
  metrics: (incidentId: number) => ['metrics', incidentId] as const,
  changes: ['changes'] as const,
  /** The global review's sessions: `upcoming`, or a day. */
  globalReview: (day: string) => ['global-review', day] as const,
  globalReviews: ['global-review'] as const,
  /** Under action-items, so every action item change refreshes it. */
  portfolio: ['action-items', 'portfolio'] as const,
  digest: (query: object) => ['digest', query] as const,
  alertSources: ['alert-sources'] as const,
  teams: ['teams'] as const,
  /** The changes near an incident's impact start, and which of them are on its timeline. */
  suspectChanges: (incidentId: number) => ['changes', 'suspects', incidentId] as const,
  actionItems: ['action-items'] as const,
  actionItemList: (filters: object) => ['action-items', 'list', filters] as const,
  incidentAccess: (id: number) => ['incidents', id, 'access'] as const,
  people: (q: string) => ['people', q] as const,
  users: ['users'] as const,
  tokens: ['tokens'] as const,
  notificationPreferences: ['me', 'notification-preferences'] as const,
  webhookEndpoints: ['admin', 'webhook-endpoints'] as const,
  audit: (filters: object) => ['audit', filters] as const,
  jobs: ['jobs'] as const,
  jobList: (filters: object) => ['jobs', 'list', filters] as const,
  jobSummary: ['jobs', 'summary'] as const,
  job: (id: number) => ['jobs', id] as const,
  search: (q: string) => ['search', q] as const,
  relatedIncidents: (reviewId: number) => ['reviews', reviewId, 'related'] as const,
  /** Tracker connections (admin), and a review's tracker issues (under its action items, so their events refetch it). */
  trackers: ['trackers'] as const,
  reviewTrackerIssues: (reviewId: number) => ['reviews', reviewId, 'action-items', 'tracker-issues'] as const,
  providers: ['auth', 'providers'] as const,
  setupStatus: ['auth', 'setup'] as const,
};
