import { AppError } from '../../shared/errors.js';
import type { ReviewDocument } from '../../shared/reviews/review-document.schema.js';
import type { Review, ReviewTransition, TransitionList } from '../../shared/reviews/review.schema.js';
import { checkTransition, isReadOnlyState, transitionOptions, type WorkflowActor, type WorkflowFacts, type WorkflowRoles } from '../../shared/reviews/workflow.js';
import type { AppContext } from '../context.js';
import { invalidField } from '../http/version-conflict.js';
import { asyncReviewVerdictOf } from '../review-comments/async-review.service.js';
import { changeReviewState } from '../reviews/reviews.service.js';
import type { AsyncReviewVerdict } from '../../shared/review-comments/async-review.js';
import { getReviewDocument } from './review-document.service.js';

/** What the workflow's guards look at, read from the whole review and its async review. */
const factsOf = (doc: ReviewDocument, asyncReview: AsyncReviewVerdict): WorkflowFacts => ({
  state: doc.review.state,
  summaryWritten: Boolean(doc.review.summary?.trim()),
  timelineEntries: doc.timeline.length,
  contributors: doc.factors.filter((f) => f.kind === 'contributor').length,
  facilitatorAssigned: doc.review.facilitator !== null,
  asyncReview,
});

const rolesOf = (review: Review): WorkflowRoles => ({ ownerUserId: review.owner?.userId ?? null, facilitatorUserId: review.facilitator?.userId ?? null });
const actorOf = (ctx: AppContext): WorkflowActor => ({ userId: ctx.actor?.userId ?? null, role: ctx.actor?.role ?? 'viewer' });

/** The steps the workflow allows from where the review is, with whether the caller may take each now and why not. */
export async function listTransitions(ctx: AppContext, reviewId: number): Promise<TransitionList> {
  const doc = await getReviewDocument(ctx, reviewId);
  const facts = factsOf(doc, await asyncReviewVerdictOf(ctx.db, doc.review.id));
  return { state: doc.review.state, readOnly: isReadOnlyState(doc.review.state), transitions: transitionOptions(facts, rolesOf(doc.review), actorOf(ctx)) };
}

/**
 * Moves the review through the workflow (shared/reviews/workflow.ts): 403 when the caller may not,
 * 400 naming `reason` when one is required, 409 with the reasons when the review is not ready or
 * the step does not exist from here. The async review's gate (in_review → ready_for_meeting) gives
 * way to an override with its reason, kept with the transition's event and audit entry. The change is conditional on the state it was checked
 * against, so two people moving the review at once cannot both succeed.
 */
export async function transitionReview(ctx: AppContext, reviewId: number, request: ReviewTransition): Promise<Review> {
  const doc = await getReviewDocument(ctx, reviewId);
  const reason = request.reason?.trim() || null;
  const facts = factsOf(doc, await asyncReviewVerdictOf(ctx.db, doc.review.id));
  const check = checkTransition(facts, rolesOf(doc.review), actorOf(ctx), request.to, reason, request.override?.reason ?? null);
  if (!check.allowed) {
    const detail = check.refusals.join('; ') + (check.overridable ? '. To go on anyway, send {"override": {"reason": "..."}}' : '');
    if (check.problem === 'missing_reason') throw invalidField('reason', detail);
    throw new AppError(check.problem === 'forbidden' ? 'forbidden' : 'conflict', detail);
  }
  return changeReviewState(ctx, doc.review, request.to, reason, check.overridden);
}
