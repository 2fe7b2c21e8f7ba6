import { sql } from 'kysely';
import { AppError, notFound } from '../../shared/errors.js';
import type { Incident, ReviewState } from '../../shared/incidents/incident.schema.js';
import { decideReview, type PolicyDecision } from '../../shared/policy/review-policy.js';
import { addWorkingDays } from '../../shared/policy/working-days.js';
import type { PersonRef } from '../../shared/accounts/person.schema.js';
import { changedFields } from '../../shared/events/domain-events.js';
import type { Review, ReviewListQuery, ReviewRequest, ReviewUpdate } from '../../shared/reviews/review.schema.js';
import { canSeeIncident, visibleIncidentId } from '../access/visibility.js';
import type { AppContext, Executor } from '../context.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { versionConflict } from '../http/version-conflict.js';
import { dialectOf, epochMsOfIso } from '../db/dialect.js';
import { writeTransaction } from '../db/group-commit.js';
import { recordChange } from '../events/record-change.js';
import type { IncidentChange } from '../incidents/incident-reactions.js';
import { ownerFilter } from '../people/person.mapper.js';
import { resolvePerson } from '../people/people.service.js';
import { editReview } from './review-edits.js';
import { normaliseText, personValues, toReview } from './review.mapper.js';
import * as repo from './reviews.repo.js';

/**
 * When a published review was published (epoch ms): stored by the transition that publishes it, or,
 * for one published without it (by an instance of an earlier version during an upgrade), its last change.
 */
export const publishedAtMs = (db: Executor) => sql<number>`coalesce(reviews.published_at_ms, cast(${epochMsOfIso(dialectOf(db), 'reviews.updated_at')} as bigint))`;

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
  people: { owner?: PersonRef | null; requestedBy?: PersonRef | null } = {},
): Promise<boolean> {
  const nowIso = ctx.now().toISOString();
  const created = await repo.insertReviewOnce(trx, {
    incident_id: incident.id,
    ...personValues('owner', people.owner === undefined ? incident.commander : people.owner),
    state: 'draft',
    ...dueAt(ctx, incident.resolvedAt ?? nowIso),
    policy_required: policy.required ? 1 : 0,
    policy_reason: policy.reason,
    ...personValues('requested_by', people.requestedBy ?? null),
    created_at: nowIso,
    updated_at: nowIso,
  });
  if (created) {
    const review = toReview((await repo.findReviewOfIncident(trx, incident.id))!, ctx.now());
    const event = { type: 'review.created', incidentId: incident.id, reviewId: review.id } as const;
    await recordChange(ctx, trx, event, { action: 'review.create', entityType: 'review', entityId: review.id, before: null, after: review });
  }
  return created;
}

/**
 * Runs after every change to an incident, inside its transaction (wired in server/wiring.ts): once
 * a resolved incident meets the policy, its review is created exactly once (a unique index
 * settles concurrent callers). True when it created one.
 */
export async function ensureReviewByPolicy(ctx: AppContext, trx: Executor, { incident }: IncidentChange): Promise<boolean> {
  if (incident.status !== 'resolved' || incident.review) return false;
  const decision = policyFor(ctx, incident);
  return decision.required ? createReview(ctx, trx, incident, decision) : false;
}

/** The signed-in caller as a person (null for the system and anonymous callers). */
const actorAsPerson = (ctx: AppContext): PersonRef | null => (ctx.actor?.userId != null ? { userId: ctx.actor.userId, name: ctx.actor.name } : null);

/** Anyone may ask for a review, whatever the policy says; asking again returns the existing one. */
export async function requestReview(ctx: AppContext, incident: Incident, request: ReviewRequest): Promise<{ review: Review; created: boolean }> {
  const requestedBy = (await resolvePerson(ctx.db, 'requestedBy', request.requestedBy)) ?? actorAsPerson(ctx);
  const owner = await resolvePerson(ctx.db, 'owner', request.owner);
  const who = requestedBy?.name ?? 'someone';
  const decision = policyFor(ctx, incident);
  const reason = decision.required ? `${decision.reason}; also requested by ${who}` : `Requested by ${who}`;
  return writeTransaction(ctx.db, async (trx) => {
    const created = await createReview(ctx, trx, incident, { required: true, reason }, { ...(owner !== undefined ? { owner } : {}), requestedBy });
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
  const owner = query.owner === undefined ? undefined : ownerFilter(ctx.actor, query.owner);
  const rows = await repo.listReviews(ctx.db, { ...query, owner }, visibleIncidentId(ctx.actor, 'reviews.incident_id'), now.getTime(), cursor?.id ?? null);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toReview(row, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}

export const countOverdueReviews = (ctx: AppContext): Promise<number> => repo.countOverdueReviews(ctx.db, visibleIncidentId(ctx.actor, 'reviews.incident_id'), ctx.now().getTime());

export async function listOverdueReviews(ctx: AppContext): Promise<Review[]> {
  const now = ctx.now();
  return (await repo.listOverdueReviews(ctx.db, visibleIncidentId(ctx.actor, 'reviews.incident_id'), now.getTime())).map((row) => toReview(row, now));
}

const peopleFields = ['owner', 'facilitator', 'scribe'] as const;

export async function updateReview(ctx: AppContext, id: number, update: ReviewUpdate): Promise<Review> {
  const { version, dueAt: due, owner, facilitator, scribe, ...changes } = update;
  const given = { owner, facilitator, scribe };
  const people = Object.fromEntries(
    await Promise.all(peopleFields.filter((key) => given[key] !== undefined).map(async (key) => [key, await resolvePerson(ctx.db, key, given[key])] as const)),
  ) as Partial<Record<(typeof peopleFields)[number], PersonRef | null>>;
  return editReview(ctx, id, async (trx, current) => {
    if (current.version !== version) throw versionConflict(`Review ${id}`, current, version);
    const values = {
      ...normaliseText(changes, ['summary', 'impact', 'learnings'] as const),
      ...peopleFields.reduce((acc, key) => (key in people ? { ...acc, ...personValues(key, people[key]!) } : acc), {}),
      ...(due !== undefined ? { due_at: due, due_at_ms: due === null ? null : Date.parse(due) } : {}),
      updated_at: ctx.now().toISOString(),
    };
    if (!(await repo.updateReview(trx, id, version, values))) throw versionConflict(`Review ${id}`, toReview((await repo.findReview(trx, id))!, ctx.now()), version);
    const updated = toReview((await repo.findReview(trx, id))!, ctx.now());
    const fields = changedFields(current, updated, ['qualityScore']);
    const change = {
      event: { type: 'review.changed', incidentId: current.incidentId, reviewId: id, fields } as const,
      audit: { action: 'review.update', entityType: 'review', entityId: id, before: current, after: updated },
    };
    return { result: updated, change: fields.length ? change : null };
  });
}

/** The quality score as last computed (F9), for lists of reviews: a derived value, not an edit (no version, no event). */
export const saveQualityScore = (ctx: AppContext, reviewId: number, score: number): Promise<void> => repo.saveQualityScore(ctx.db, reviewId, score);

/**
 * Moves the review to `to` (the workflow has allowed it), only if it is still in the state the
 * caller checked (409 otherwise), recording the transition as an event with its reason and, when
 * the async review's gate was overridden, why.
 */
export async function changeReviewState(ctx: AppContext, review: Review, to: ReviewState, reason: string | null, override: string | null = null): Promise<Review> {
  return writeTransaction(ctx.db, async (trx) => {
    if (!(await repo.moveReviewState(trx, review.id, review.state, to, ctx.now()))) {
      const current = await repo.findReview(trx, review.id);
      throw new AppError('conflict', `Review ${review.id} is no longer ${review.state}: someone moved it meanwhile; reload and try again`, {
        current: current ? toReview(current, ctx.now()) : null,
      });
    }
    const after = toReview((await repo.findReview(trx, review.id))!, ctx.now());
    const event = { type: 'review.state_changed', incidentId: review.incidentId, reviewId: review.id, from: review.state, to, reason, ...(override ? { override } : {}) } as const;
    const audited = { state: to, reason, ...(override ? { override } : {}) };
    await recordChange(ctx, trx, event, { action: 'review.transition', entityType: 'review', entityId: review.id, before: { state: review.state }, after: audited });
    return after;
  });
}
