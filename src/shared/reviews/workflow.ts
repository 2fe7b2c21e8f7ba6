/**
 * The review workflow (F10): draft → async review → ready for the meeting → meeting held →
 * published, or published straight from the async review when no meeting is needed; back a step
 * or reopened with a reason. Pure: the server asks it before every transition and the web app
 * shows its answers (what may be done now, and why the rest may not).
 */
import { roleAtLeast, type Role } from '../accounts/roles.js';
import type { ReviewState } from '../incidents/incident.schema.js';

export const reviewStateLabels: Record<ReviewState, string> = {
  draft: 'Draft',
  in_review: 'Async review',
  ready_for_meeting: 'Ready for the meeting',
  meeting_held: 'Meeting held',
  published: 'Published',
};

/** What the guards look at: the review as it is now. */
export interface WorkflowFacts {
  state: ReviewState;
  summaryWritten: boolean;
  timelineEntries: number;
  contributors: number;
  facilitatorAssigned: boolean;
  /** The async review's verdict (shared/review-comments/async-review.ts): the gate before the meeting. */
  asyncReview: { complete: boolean; gaps: string[] };
}

/** Who holds the review's roles, as accounts (null: nobody, or a name without an account). */
export interface WorkflowRoles {
  ownerUserId: number | null;
  facilitatorUserId: number | null;
}

export interface WorkflowActor {
  userId: number | null;
  role: Role;
}

type Guard = (facts: WorkflowFacts) => string | null;

interface TransitionRule {
  from: ReviewState;
  to: ReviewState;
  /** The button's words. */
  label: string;
  reasonRequired: boolean;
  guards: Guard[];
  /** A guard that may be passed anyway with an override and its reason (kept with the transition). */
  gate?: Guard;
}

const needsSummary: Guard = (f) => (f.summaryWritten ? null : 'Write the summary first: it is what reviewers and readers start from');
const needsTimeline: Guard = (f) => (f.timelineEntries > 0 ? null : 'Add at least one timeline entry first');
const needsContributor: Guard = (f) => (f.contributors > 0 ? null : 'Record at least one contributing factor first');
const needsFacilitator: Guard = (f) => (f.facilitatorAssigned ? null : 'Name a facilitator for the meeting first');
/** The meeting comes after the async review (GitLab's handbook: async first), unless overridden with a reason. */
export const asyncReviewGate: Guard = (f) => (f.asyncReview.complete ? null : `The async review is not complete: ${f.asyncReview.gaps.join('; ')}`);

export const transitionRules: readonly TransitionRule[] = [
  { from: 'draft', to: 'in_review', label: 'Start the async review', reasonRequired: false, guards: [needsSummary, needsTimeline] },
  { from: 'in_review', to: 'ready_for_meeting', label: 'Ready for the meeting', reasonRequired: false, guards: [needsContributor, needsFacilitator], gate: asyncReviewGate },
  { from: 'in_review', to: 'published', label: 'Publish without a meeting', reasonRequired: false, guards: [needsSummary, needsContributor] },
  { from: 'in_review', to: 'draft', label: 'Back to draft', reasonRequired: true, guards: [] },
  { from: 'ready_for_meeting', to: 'meeting_held', label: 'Record the meeting as held', reasonRequired: false, guards: [] },
  { from: 'ready_for_meeting', to: 'in_review', label: 'Back to the async review', reasonRequired: true, guards: [] },
  { from: 'meeting_held', to: 'published', label: 'Publish', reasonRequired: false, guards: [needsSummary, needsContributor] },
  { from: 'published', to: 'in_review', label: 'Reopen', reasonRequired: true, guards: [] },
];

/** A state the review could go to, with whether the caller may take it now and, if not, why. */
export interface TransitionOption {
  to: ReviewState;
  label: string;
  reasonRequired: boolean;
  allowed: boolean;
  refusals: string[];
  /** Refused only by the async review's gate: the step may be taken with an override and its reason. */
  overridable: boolean;
}

/**
 * Who may move a review: admins; the owner and the facilitator; and, while no account owns the
 * review, any responder (someone has to pick it up). Viewers never.
 */
function whoRefusal(actor: WorkflowActor, roles: WorkflowRoles): string | null {
  if (actor.role === 'admin') return null;
  if (!roleAtLeast(actor.role, 'responder')) return 'Viewers cannot change a review: it needs the responder role';
  if (roles.ownerUserId === null) return null;
  if (actor.userId !== null && (actor.userId === roles.ownerUserId || actor.userId === roles.facilitatorUserId)) return null;
  return "Only the review's owner, its facilitator or an admin can move it on";
}

const ruleFor = (from: ReviewState, to: ReviewState) => transitionRules.find((rule) => rule.from === from && rule.to === to);

/** Every state the review could be asked to go to from where it is, allowed or with the reasons it is not. */
export function transitionOptions(facts: WorkflowFacts, roles: WorkflowRoles, actor: WorkflowActor): TransitionOption[] {
  const reachable = transitionRules.filter((rule) => rule.from === facts.state);
  const who = whoRefusal(actor, roles);
  return reachable.map((rule) => {
    const refusals = [who, ...rule.guards.map((guard) => guard(facts))].filter((r): r is string => r !== null);
    const gate = rule.gate?.(facts) ?? null;
    const all = gate ? [...refusals, gate] : refusals;
    return { to: rule.to, label: rule.label, reasonRequired: rule.reasonRequired, allowed: all.length === 0, refusals: all, overridable: refusals.length === 0 && gate !== null };
  });
}

/**
 * Why a transition is refused, most fundamental first: it does not exist from here (conflict), the
 * caller may not make it (forbidden), the review is not ready for it (conflict), or it needs a
 * reason that was not given (missing_reason).
 */
export type TransitionCheck =
  | { allowed: true; label: string; overridden: string | null }
  | { allowed: false; refusals: string[]; problem: 'conflict' | 'forbidden' | 'missing_reason'; overridable?: boolean };

/**
 * Whether `actor` may move the review to `to` now, with `reason` (trimmed; blank counts as none).
 * `override` is the reason for passing the step's gate anyway; `overridden` echoes it when it was used.
 */
export function checkTransition(
  facts: WorkflowFacts,
  roles: WorkflowRoles,
  actor: WorkflowActor,
  to: ReviewState,
  reason: string | null,
  override: string | null = null,
): TransitionCheck {
  const rule = ruleFor(facts.state, to);
  if (!rule) {
    if (facts.state === to) return { allowed: false, problem: 'conflict', refusals: [`The review is already ${reviewStateLabels[to].toLowerCase()}`] };
    const onward = transitionRules.filter((r) => r.from === facts.state).map((r) => `"${reviewStateLabels[r.to]}"`);
    return {
      allowed: false,
      problem: 'conflict',
      refusals: [`A review cannot go from "${reviewStateLabels[facts.state]}" to "${reviewStateLabels[to]}"; from here it can go to ${onward.join(' or ')}`],
    };
  }
  const who = whoRefusal(actor, roles);
  if (who) return { allowed: false, problem: 'forbidden', refusals: [who] };
  const unmet = rule.guards.map((guard) => guard(facts)).filter((r): r is string => r !== null);
  if (unmet.length) return { allowed: false, problem: 'conflict', refusals: unmet };
  if (rule.reasonRequired && !reason?.trim()) return { allowed: false, problem: 'missing_reason', refusals: [`Say why: a reason is required to go to "${reviewStateLabels[to]}"`] };
  const gate = rule.gate?.(facts) ?? null;
  const overrideReason = override?.trim() || null;
  if (gate && !overrideReason) return { allowed: false, problem: 'conflict', refusals: [gate], overridable: true };
  return { allowed: true, label: rule.label, overridden: gate ? overrideReason : null };
}

/** A published review is read-only until it is reopened. */
export const isReadOnlyState = (state: ReviewState): boolean => state === 'published';

/** The states in which a review still has work to do: its deadline can be missed. */
export const isOpenState = (state: ReviewState): boolean => state !== 'published';
