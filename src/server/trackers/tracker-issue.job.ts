import { z } from 'zod';
import { closedActionItemStatuses, type ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import { getActionItem, updateActionItem } from '../actions/action-items.service.js';
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/group-commit.js';
import { eventJob } from '../events/event-jobs.js';
import { getIncident } from '../incidents/incidents.service.js';
import { defineJob, JOB_DEFAULTS, PermanentJobError } from '../jobs/job-definition.js';
import { trackerClient } from './clients/index.js';
import { statusOf, type CreatedIssue, type IssueDraft } from './clients/types.js';
import { accessOf, toTrackerIssue } from './tracker.mapper.js';
import { recordIssueChange } from './tracker-issue-change.js';
import * as repo from './trackers.repo.js';

const MAX_ATTEMPTS = 6;

/**
 * What the issue says. The review link needs a sign-in. For a restricted incident the issue carries
 * only the item's title and the link: no description, no incident title (docs/integrations.md).
 */
export function issueDraft(ctx: AppContext, item: ActionItem, incident: Incident, assignee: string | null): IssueDraft {
  const reviewUrl = `${ctx.config.publicUrl}/reviews/${item.reviewId}`;
  const parts = incident.restricted
    ? [`Action item from a restricted post-incident review. The details are in Hindsight, for its members: ${reviewUrl}`]
    : [item.description?.trim() ?? '', `From the post-incident review of “${incident.title}”: ${reviewUrl}`, item.dueDate ? `Due ${item.dueDate}.` : ''];
  return { title: item.title, body: parts.filter(Boolean).join('\n\n'), reviewUrl, assignee };
}

/** A 4xx answer (other than timeouts and rate limits) will not change on a retry. */
const refused = (error: unknown) => {
  const status = statusOf(error);
  return status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429;
};

const describe = (error: unknown) => `${statusOf(error) ? `HTTP ${statusOf(error)}: ` : ''}${error instanceof Error ? error.message : String(error)}`.slice(0, 500);

/**
 * Makes the issue of an action item (requested by POST /api/action-items/{id}/tracker-issue). The
 * tracker call is a `once` step and its result (the issue's id) is stored: a retry never makes a
 * second issue.
 */
export const createTrackerIssueJob = defineJob({
  kind: 'tracker.create-issue',
  payload: z.object({ actionItemId: z.number().int().positive() }),
  maxAttempts: MAX_ATTEMPTS,
  backoff: { baseMs: 2_000, maxMs: 600_000 },
  async run(job) {
    const { ctx, payload } = job;
    const link = await repo.findIssue(ctx.db, payload.actionItemId);
    if (!link || link.state !== 'creating') return;
    const connection = await repo.findConnection(ctx.db, link.connection_id);
    if (!connection) return;
    const item = await getActionItem(ctx, payload.actionItemId);
    const incident = await getIncident(ctx, item.incidentId);
    const assignee = item.owner?.userId ? await repo.findPerson(ctx.db, connection.id, item.owner.userId) : null;
    let created: CreatedIssue;
    try {
      created = await job.once('create', () => trackerClient(accessOf(connection)).createIssue(issueDraft(ctx, item, incident, assignee)));
    } catch (error) {
      const last = refused(error) || job.attempt >= MAX_ATTEMPTS;
      await writeTransaction(ctx.db, async (trx) => {
        const before = toTrackerIssue((await repo.findIssue(trx, item.id))!);
        await repo.updateIssue(trx, item.id, { state: last ? 'failed' : 'creating', error: describe(error), updated_at: ctx.now().toISOString() });
        await recordIssueChange(ctx, trx, item, before);
      });
      if (refused(error)) throw new PermanentJobError(describe(error), { cause: error });
      throw error;
    }
    await writeTransaction(ctx.db, async (trx) => {
      const before = toTrackerIssue((await repo.findIssue(trx, item.id))!);
      await repo.updateIssue(trx, item.id, {
        state: 'open',
        external_id: created.externalId,
        issue_key: created.key,
        url: created.url,
        assignee,
        error: null,
        updated_at: ctx.now().toISOString(),
      });
      await recordIssueChange(ctx, trx, item, before);
    });
    // The item's own tracker link, when it has none yet.
    if (item.externalUrl === null) {
      try {
        await updateActionItem(ctx, item.id, { version: item.version, externalUrl: created.url });
      } catch {
        // Edited meanwhile: the link stays on the tracker issue, shown beside the item.
      }
    }
  },
});

/** How long a sync job's claim on a transition holds: past its timeout, so only a crashed job's claim lapses. */
const SYNC_CLAIM_MS = 5 * JOB_DEFAULTS.timeoutMs;

/**
 * Keeps the issue in step with the item: an item done or declined in Hindsight closes its issue, an
 * item opened again reopens it. A change that came from the tracker finds the link already in that
 * state and sends nothing back. Two syncs of one item may overlap (a reopen's and a close's): each
 * claims the transition on the link first, so a state is sent by one job only; a job that finds the
 * same state claimed leaves it to that job, one that finds the other state claimed retries later.
 */
export const syncTrackerIssueStateJob = defineJob({
  kind: 'tracker.sync-state',
  payload: z.object({ actionItemId: z.number().int().positive() }),
  maxAttempts: MAX_ATTEMPTS,
  backoff: { baseMs: 2_000, maxMs: 600_000 },
  async run({ ctx, payload, id: jobId }) {
    const link = await repo.findIssue(ctx.db, payload.actionItemId);
    if (!link || (link.state !== 'open' && link.state !== 'closed') || !link.external_id || !link.issue_key) return;
    const connection = await repo.findConnection(ctx.db, link.connection_id);
    if (!connection) return;
    const item = await getActionItem(ctx, payload.actionItemId);
    const wanted = closedActionItemStatuses.includes(item.status) ? 'closed' : 'open';
    if (wanted === link.state) return;
    const nowMs = ctx.now().getTime();
    const claimed = await writeTransaction(ctx.db, (trx) => repo.claimSync(trx, item.id, { from: link.state, state: wanted, jobId, nowMs, untilMs: nowMs + SYNC_CLAIM_MS }));
    if (!claimed) {
      const current = await repo.findIssue(ctx.db, item.id);
      if (!current || current.state === wanted || current.sync_state === wanted) return;
      // Another job is sending the other state: a retry (after the backoff) follows it.
      throw new Error(`Another job is sending "${current.sync_state ?? current.state}" to issue ${link.issue_key}: retrying after it`);
    }
    try {
      await trackerClient(accessOf(connection)).setState({ externalId: link.external_id, key: link.issue_key }, wanted);
    } catch (error) {
      await writeTransaction(ctx.db, (trx) => repo.releaseSync(trx, item.id, jobId));
      if (refused(error)) throw new PermanentJobError(describe(error), { cause: error });
      throw error;
    }
    await writeTransaction(ctx.db, async (trx) => {
      const before = toTrackerIssue((await repo.findIssue(trx, item.id))!);
      const closing = wanted === 'closed' ? { status_before_close: null } : {};
      await repo.updateIssue(trx, item.id, { state: wanted, sync_state: null, sync_job_id: null, sync_until_ms: null, updated_at: ctx.now().toISOString(), ...closing });
      await recordIssueChange(ctx, trx, item, before);
    });
  },
});

export const syncTrackerIssueAfterStatusChange = eventJob({
  on: ['action_item.status_changed'],
  job: syncTrackerIssueStateJob,
  payload: (event) => ({ actionItemId: event.type === 'action_item.status_changed' ? event.actionItemId : 0 }),
  key: (event, eventId) => `tracker.sync-state:${event.type === 'action_item.status_changed' ? event.actionItemId : 0}:${eventId}`,
});
