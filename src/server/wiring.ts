import { pruneAccountsJob } from './accounts/accounts-prune.job.js';
import { endSoaksJob } from './actions/action-item-soak.job.js';
import { unlinkDeletedFactorFromActionItems } from './actions/action-items.service.js';
import type { AppHooks } from './context.js';
import { pruneEventsJob } from './events/events-prune.job.js';
import { pruneIdempotencyKeysJob } from './idempotency/idempotency-prune.job.js';
import { pingJob, pruneJobsJob } from './jobs/system.jobs.js';
import { renamePersonAfterUserRenamed, renamePersonJob } from './people/rename-person.job.js';
import { retentionJob } from './retention/retention.job.js';
import { reviewQualityJob, scoreReviewAfterChanges } from './review-document/review-quality.job.js';
import { deliverNotificationJob } from './notifications/deliver.job.js';
import { digestJob, digestSweepJob } from './notifications/digest.job.js';
import { weeklyDigestJob, weeklyDigestSweepJob } from './digests/weekly-digest.job.js';
import { notifyAfterEvents, notifyEventJob } from './notifications/notification-events.job.js';
import { remindersJob } from './notifications/reminders.job.js';
import { ensureReviewByPolicy } from './reviews/reviews.service.js';
import { indexReviewAfterChanges, indexReviewJob, reindexJob } from './search/search-index.job.js';
import { createTrackerIssueJob, syncTrackerIssueAfterStatusChange, syncTrackerIssueStateJob } from './trackers/tracker-issue.job.js';
import { syncKeyTimestampEntries } from './timeline/key-timestamp-entries.js';
import { unlinkDeletedFactorFromWhys } from './whys/whys.service.js';
import { refreshTrendJob } from './trends/trend-snapshots.js';

/**
 * The composition root: how features act on each other's changes without importing each other
 * (docs/ARCHITECTURE.md, "Boundaries"). Reactions run in order inside the change's transaction;
 * event jobs are enqueued with the event and run after commit; every job kind is listed once.
 */
export const appHooks = (): AppHooks => ({
  incidentChanged: [syncKeyTimestampEntries, ensureReviewByPolicy],
  factorDeleted: [unlinkDeletedFactorFromActionItems, unlinkDeletedFactorFromWhys],
  eventJobs: [scoreReviewAfterChanges, renamePersonAfterUserRenamed, indexReviewAfterChanges, syncTrackerIssueAfterStatusChange, notifyAfterEvents],
  jobs: [pingJob, pruneJobsJob, pruneAccountsJob, pruneEventsJob, reviewQualityJob, renamePersonJob, pruneIdempotencyKeysJob, indexReviewJob, reindexJob, endSoaksJob,
    createTrackerIssueJob, syncTrackerIssueStateJob, notifyEventJob, deliverNotificationJob, remindersJob, digestJob, digestSweepJob,
    weeklyDigestJob, weeklyDigestSweepJob, refreshTrendJob, retentionJob],
  jobSchedules: [
    { name: 'jobs.prune', cron: '17 3 * * *', job: pruneJobsJob, payload: {} },
    { name: 'accounts.prune', cron: '7 * * * *', job: pruneAccountsJob, payload: {} },
    { name: 'events.prune', cron: '27 3 * * *', job: pruneEventsJob, payload: {} },
    { name: 'idempotency.prune', cron: '37 * * * *', job: pruneIdempotencyKeysJob, payload: {} },
    // Deliveries and delivery ids past their retention (config `retention`), in small batches.
    { name: 'retention.prune', cron: '47 3 * * *', job: retentionJob, payload: {} },
    // Soaks end at the end of a working day in the organisation's zone: a sweep every quarter hour.
    { name: 'action_items.end_soaks', cron: '*/15 * * * *', job: endSoaksJob, payload: {} },
    { name: 'notifications.reminders', cron: '5 * * * *', job: remindersJob, payload: {} },
    { name: 'notifications.digests', cron: '0 * * * *', job: digestSweepJob, payload: {} },
    // Each team's weekly digest: looked at hourly, sent at HINDSIGHT_DIGEST_WEEKDAY and HINDSIGHT_DIGEST_HOUR in the organisation's zone.
    { name: 'digests.weekly', cron: '1 * * * *', job: weeklyDigestSweepJob, payload: {} },
  ],
});
