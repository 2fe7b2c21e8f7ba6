import { notFound } from '../../shared/errors.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import { decideReview, type PolicyDecision } from '../../shared/policy/review-policy.js';
import { addWorkingDays } from '../../shared/policy/working-days.js';
import type { Review, ReviewListQuery, ReviewUpdate } from '../../shared/reviews/review.schema.js';
import { canSeeIncident, visibleIncidentId } from '../access/visibility.js';
import { auditChange } from '../audit/audit.service.js';
import type { AppContext, Executor } from '../context.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { versionConflict } from '../http/version-conflict.js';
import { normaliseText, toReview } from './review.mapper.js';
import * as repo from './reviews.repo.js';

export const policyFor = (ctx: AppContext, incident: Incident): PolicyDecision => decideReview(incident, ctx.config.reviewPolicy);

function dueAt(ctx: AppContext, from: string): { due_at: string; due_at_ms: number } {
  const due = addWorkingDays(from, ctx.config.reviewDueWorkingDays, ctx.config.calendar);
  return { due_at: due, due_at_ms: Date.parse(due) };
}

async function createReview(
  ctx: AppContext,
  trx: Executor,
  incident: Incident,
  policy: { required: boolean; reason: string },
  extra: { owner?: string | undefined; requestedBy?: string | undefined } = {},
): Promise<boolean> {
  const nowIso = ctx.now().toISOString();
  const created = await repo.insertReviewOnce(trx, {
    incident_id: incident.id,
    owner: extra.owner ?? incident.commander,
    state: 'draft',
    ...dueAt(ctx, incident.resolvedAt ?? nowIso),
    policy_required: policy.required ? 1 : 0,
    policy_reason: policy.reason,
    requested_by: extra.requestedBy ?? null,
    created_at: nowIso,
    updated_at: nowIso,
  });
  if (created) {
    const review = toReview((await repo.findReviewOfIncident(trx, incident.id))!, ctx.now());
    await auditChange(ctx, trx, { action: 'review.create', entityType: 'review', entityId: review.id, incidentId: incident.id, before: null, after: review });
  }
  return created;
}

/**
 * Called after every change to an incident, inside its transaction: once a resolved incident meets
 * the policy, its review is created exactly once (a unique index settles concurrent callers).
 */
export async function ensureReviewByPolicy(ctx: AppContext, trx: Executor, incident: Incident): Promise<boolean> {
  if (incident.status !== 'resolved' || incident.review) return false;
  const decision = policyFor(ctx, incident);
  return decision.required ? createReview(ctx, trx, incident, decision) : false;
}

/** Anyone may ask for a review, whatever the policy says; asking again returns the existing one. */
export async function requestReview(
  ctx: AppContext,
  incident: Incident,
  request: { requestedBy?: string | undefined; owner?: string | undefined },
): Promise<{ review: Review; created: boolean }> {
  const who = request.requestedBy ?? ctx.actor?.name ?? 'someone';
  const decision = policyFor(ctx, incident);
  const reason = decision.required ? `${decision.reason}; also requested by ${who}` : `Requested by ${who}`;
  return ctx.db.transaction().execute(async (trx) => {
    const created = await createReview(ctx, trx, incident, { required: true, reason }, { ...request, requestedBy: who });
    const row = await repo.findReviewOfIncident(trx, incident.id);
    if (!row) throw notFound('Review of incident', incident.id);
    return { review: toReview(row, ctx.now()), created };
  });
}

/** A review follows its incident: one the caller may not see is "not found". */
export async function getReview(ctx: AppContext, id: number): Promise<Review> {
  const row = await repo.findReview(ctx.db, id);
  if (!row || !(await canSeeIncident(ctx, ctx.actor, row.incident_id))) throw notFound('Review', id);
  return toReview(row, ctx.now());
}

export async function getReviewOfIncident(ctx: AppContext, incidentId: number): Promise<Review | null> {
  const row = await repo.findReviewOfIncident(ctx.db, incidentId);
  return row ? toReview(row, ctx.now()) : null;
}

export async function listReviews(ctx: AppContext, query: ReviewListQuery) {
  const cursor = decodeCursor(query.cursor, ['id'] as const);
  const now = ctx.now();
  const rows = await repo.listReviews(ctx.db, query, visibleIncidentId(ctx.actor, 'reviews.incident_id'), now.getTime(), cursor?.id ?? null);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toReview(row, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}

export async function listOverdueReviews(ctx: AppContext): Promise<Review[]> {
  const now = ctx.now();
  return (await repo.listOverdueReviews(ctx.db, visibleIncidentId(ctx.actor, 'reviews.incident_id'), now.getTime())).map((row) => toReview(row, now));
}

export async function updateReview(ctx: AppContext, id: number, update: ReviewUpdate): Promise<Review> {
  const { version, dueAt: due, ...changes } = update;
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findReview(trx, id);
    if (!current || !(await canSeeIncident(ctx, ctx.actor, current.incident_id, trx))) throw notFound('Review', id);
    if (current.version !== version) throw versionConflict(`Review ${id}`, toReview(current, ctx.now()), version);
    const values = {
      ...normaliseText(changes, ['summary', 'impact', 'learnings'] as const),
      ...(due !== undefined ? { due_at: due, due_at_ms: due === null ? null : Date.parse(due) } : {}),
      updated_at: ctx.now().toISOString(),
    };
    if (!(await repo.updateReview(trx, id, version, values))) throw versionConflict(`Review ${id}`, toReview((await repo.findReview(trx, id))!, ctx.now()), version);
    const updated = toReview((await repo.findReview(trx, id))!, ctx.now());
    const before = toReview(current, ctx.now());
    await auditChange(ctx, trx, { action: 'review.update', entityType: 'review', entityId: id, incidentId: current.incident_id, before, after: updated });
    return updated;
  });
}
