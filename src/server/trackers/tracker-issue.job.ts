import { z } from 'zod';
import { closedActionItemStatuses, type ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import { getActionItem, updateActionItem } from '../actions/action-items.service.js';
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/group-commit.js';
import { eventJob } from '../events/event-jobs.js';
import { getIncident } from '../incidents/incidents.service.js';
import { defineJob, PermanentJobError } from '../jobs/job-definition.js';
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

/**
 * Keeps the issue in step with the item: an item done or declined in Hindsight closes its issue, an
 * item opened again reopens it. A change that came from the tracker finds the link already in that
 * state and sends nothing back.
 */
export const syncTrackerIssueStateJob = defineJob({
  kind: 'tracker.sync-state',
  payload: z.object({ actionItemId: z.number().int().positive() }),
  maxAttempts: MAX_ATTEMPTS,
  backoff: { baseMs: 2_000, maxMs: 600_000 },
  async run({ ctx, payload }) {
    const link = await repo.findIssue(ctx.db, payload.actionItemId);
    if (!link || (link.state !== 'open' && link.state !== 'closed') || !link.external_id || !link.issue_key) return;
    const connection = await repo.findConnection(ctx.db, link.connection_id);
    if (!connection) return;
    const item = await getActionItem(ctx, payload.actionItemId);
    const wanted = closedActionItemStatuses.includes(item.status) ? 'closed' : 'open';
    if (wanted === link.state) return;
    try {
      await trackerClient(accessOf(connection)).setState({ externalId: link.external_id, key: link.issue_key }, wanted);
    } catch (error) {
      if (refused(error)) throw new PermanentJobError(describe(error), { cause: error });
      throw error;
    }
    await writeTransaction(ctx.db, async (trx) => {
      const before = toTrackerIssue((await repo.findIssue(trx, item.id))!);
      await repo.updateIssue(trx, item.id, { state: wanted, updated_at: ctx.now().toISOString(), ...(wanted === 'closed' ? { status_before_close: null } : {}) });
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
