import type { Job, JobStateFilter } from '../../../shared/jobs/job.schema.js';

/** The state a person reads: a queued job whose last attempt failed is "retrying". */
export const shownState = (job: Pick<Job, 'state' | 'retrying'>): JobStateFilter => (job.retrying ? 'retrying' : job.state);

export const jobStateLabel: Record<JobStateFilter, string> = {
  queued: 'Queued',
  retrying: 'Retrying',
  running: 'Running',
  done: 'Done',
  dead: 'Dead',
};

export const jobStateColor: Record<JobStateFilter, string> = {
  queued: 'blue',
  retrying: 'orange',
  running: 'violet',
  done: 'teal',
  dead: 'red',
};

/** A dead job may be run again; so may a failing one, without waiting for its backoff. */
export const canRetry = (job: Pick<Job, 'state' | 'retrying'>): boolean => job.state === 'dead' || job.retrying;
