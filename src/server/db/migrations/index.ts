import type { Migration } from 'kysely';
import * as incidentsAndReviews from './2026-11-23-0001-incidents-and-reviews.js';
import * as timeline from './2026-11-23-0002-timeline.js';
import * as reviewDocument from './2026-11-23-0003-review-document.js';
import * as accounts from './2026-11-23-0004-accounts.js';
import * as reviewQuality from './2026-11-23-0005-review-quality.js';
import * as events from './2026-12-02-0006-events.js';
import * as jobs from './2026-12-02-0007-jobs.js';
import * as reviewWorkflow from './2026-12-02-0008-review-workflow.js';
import * as people from './2026-12-02-0009-people.js';
import * as imports from './2026-12-02-0010-imports.js';
import * as idempotencyKeys from './2026-12-02-0011-idempotency-keys.js';
import * as searchIndex from './2026-12-02-0012-search-index.js';
import * as reviewReads from './2026-12-02-0013-review-reads.js';
import * as sharedSummaries from './2026-12-02-0014-shared-summaries.js';
import * as reviewAttachments from './2026-12-02-0015-review-attachments.js';
import * as factorLinks from './2026-12-02-0016-factor-links.js';
import * as timelineEvidence from './2026-12-02-0017-timeline-evidence.js';
import * as changeEvents from './2026-12-02-0018-change-events.js';
import * as searchPerformance from './2026-12-02-0019-search-performance.js';
import * as asyncReview from './2026-12-02-0020-async-review.js';
import * as whyLinks from './2026-12-03-0021-why-links.js';
import * as actionItemSoak from './2026-12-03-0022-action-item-soak.js';
import * as meetingMode from './2026-12-03-0023-meeting-mode.js';
import * as reviewNotes from './2026-12-03-0024-review-notes.js';
import * as notifications from './2026-12-03-0025-notifications.js';
import * as alertSources from './2026-12-03-0026-alert-sources.js';
import * as trackers from './2026-12-03-0027-trackers.js';
import * as globalReview from './2026-12-03-0029-global-review.js';
import * as trendSnapshots from './2026-12-03-0030-trend-snapshots.js';
import * as teams from './2026-12-03-0031-teams.js';
import * as retention from './2026-12-03-0032-retention.js';
import * as reviewPublishedAt from './2026-12-03-0033-review-published-at.js';
import * as restrictedIncidents from './2026-12-03-0034-restricted-incidents.js';

/** Every migration, bundled in code (no globbing at run time), in order. Never edit one that has landed. */
export const migrations: Record<string, Migration> = {
  '2026-11-23-0001-incidents-and-reviews': incidentsAndReviews,
  '2026-11-23-0002-timeline': timeline,
  '2026-11-23-0003-review-document': reviewDocument,
  '2026-11-23-0004-accounts': accounts,
  '2026-11-23-0005-review-quality': reviewQuality,
  '2026-12-02-0006-events': events,
  '2026-12-02-0007-jobs': jobs,
  '2026-12-02-0008-review-workflow': reviewWorkflow,
  '2026-12-02-0009-people': people,
  '2026-12-02-0010-imports': imports,
  '2026-12-02-0011-idempotency-keys': idempotencyKeys,
  '2026-12-02-0012-search-index': searchIndex,
  '2026-12-02-0013-review-reads': reviewReads,
  '2026-12-02-0014-shared-summaries': sharedSummaries,
  '2026-12-02-0015-review-attachments': reviewAttachments,
  '2026-12-02-0016-factor-links': factorLinks,
  '2026-12-02-0017-timeline-evidence': timelineEvidence,
  '2026-12-02-0018-change-events': changeEvents,
  '2026-12-02-0019-search-performance': searchPerformance,
  '2026-12-02-0020-async-review': asyncReview,
  '2026-12-03-0021-why-links': whyLinks,
  '2026-12-03-0022-action-item-soak': actionItemSoak,
  '2026-12-03-0023-meeting-mode': meetingMode,
  '2026-12-03-0024-review-notes': reviewNotes,
  '2026-12-03-0025-notifications': notifications,
  '2026-12-03-0026-alert-sources': alertSources,
  '2026-12-03-0027-trackers': trackers,
  '2026-12-03-0029-global-review': globalReview,
  '2026-12-03-0030-trend-snapshots': trendSnapshots,
  '2026-12-03-0031-teams': teams,
  '2026-12-03-0032-retention': retention,
  '2026-12-03-0033-review-published-at': reviewPublishedAt,
  '2026-12-03-0034-restricted-incidents': restrictedIncidents,
};
