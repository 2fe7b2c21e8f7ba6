import { describe, expect, it } from 'vitest';
import { reviewStates, type ReviewState } from '../incidents/incident.schema.js';
import { checkTransition, transitionOptions, type WorkflowActor, type WorkflowFacts, type WorkflowRoles } from './workflow.js';

const complete = (state: ReviewState): WorkflowFacts => ({
  state,
  summaryWritten: true,
  timelineEntries: 3,
  contributors: 2,
  facilitatorAssigned: true,
  asyncReview: { complete: true, gaps: [] },
});
const unfinishedAsyncReview = { complete: false, gaps: ['Waiting for the sign-off of Bo Chen'] };
const roles: WorkflowRoles = { ownerUserId: 1, facilitatorUserId: 2 };
const owner: WorkflowActor = { userId: 1, role: 'responder' };
const facilitator: WorkflowActor = { userId: 2, role: 'responder' };
const colleague: WorkflowActor = { userId: 3, role: 'responder' };
const admin: WorkflowActor = { userId: 4, role: 'admin' };
const viewer: WorkflowActor = { userId: 1, role: 'viewer' };

/** Every transition the workflow allows, with whether it needs a reason. */
const allowed: Array<[ReviewState, ReviewState, boolean]> = [
  ['draft', 'in_review', false],
  ['in_review', 'ready_for_meeting', false],
  ['in_review', 'published', false],
  ['in_review', 'draft', true],
  ['ready_for_meeting', 'meeting_held', false],
  ['ready_for_meeting', 'in_review', true],
  ['meeting_held', 'published', false],
  ['published', 'in_review', true],
];

describe('review workflow', () => {
  it.each(allowed)('%s → %s is allowed for the owner when its guards pass (reason required: %s)', (from, to, needsReason) => {
    expect(checkTransition(complete(from), roles, owner, to, 'because')).toEqual({ allowed: true, label: expect.any(String), overridden: null });
    const withoutReason = checkTransition(complete(from), roles, owner, to, null);
    expect(withoutReason.allowed).toBe(!needsReason);
    if (!withoutReason.allowed) expect(withoutReason.problem).toBe('missing_reason');
    if (needsReason) expect(checkTransition(complete(from), roles, owner, to, '   ').allowed).toBe(false);
  });

  const refusedPairs = reviewStates.flatMap((from) => reviewStates.filter((to) => !allowed.some(([f, t]) => f === from && t === to)).map((to) => [from, to] as const));
  it.each(refusedPairs)('%s → %s is never allowed, with a reason', (from, to) => {
    const result = checkTransition(complete(from), roles, admin, to, 'because');
    expect(result.allowed).toBe(false);
    if (!result.allowed) expect(result.refusals[0]).toMatch(from === to ? /already/ : /cannot go from/);
  });

  it('skipping the async review is refused: a draft cannot go to the meeting or be published', () => {
    for (const to of ['ready_for_meeting', 'meeting_held', 'published'] as const) {
      const result = checkTransition(complete('draft'), roles, admin, to, null);
      expect(result).toEqual({ allowed: false, problem: 'conflict', refusals: [expect.stringContaining('"Async review"')] });
    }
  });

  const guards: Array<[string, ReviewState, ReviewState, Partial<WorkflowFacts>, RegExp]> = [
    ['no summary', 'draft', 'in_review', { summaryWritten: false }, /summary/],
    ['no timeline', 'draft', 'in_review', { timelineEntries: 0 }, /timeline entry/],
    ['no contributor', 'in_review', 'ready_for_meeting', { contributors: 0 }, /contributing factor/],
    ['no facilitator', 'in_review', 'ready_for_meeting', { facilitatorAssigned: false }, /facilitator/],
    ['no contributor', 'in_review', 'published', { contributors: 0 }, /contributing factor/],
    ['no summary', 'meeting_held', 'published', { summaryWritten: false }, /summary/],
  ];
  it.each(guards)('with %s, %s → %s is refused and says why', (_, from, to, facts, why) => {
    const result = checkTransition({ ...complete(from), ...facts }, roles, admin, to, null);
    expect(result.allowed).toBe(false);
    if (!result.allowed) expect(result.refusals.join(' ')).toMatch(why);
  });

  const actors: Array<[string, WorkflowActor, WorkflowRoles, boolean]> = [
    ['the owner', owner, roles, true],
    ['the facilitator', facilitator, roles, true],
    ['an admin', admin, roles, true],
    ['another responder', colleague, roles, false],
    ['another responder, when no account owns the review', colleague, { ownerUserId: null, facilitatorUserId: null }, true],
    ['a viewer, even the owner', viewer, roles, false],
    ['a viewer, when no account owns the review', viewer, { ownerUserId: null, facilitatorUserId: null }, false],
  ];
  it.each(actors)('%s may move the review: %s', (_, actor, holders, may) => {
    const result = checkTransition(complete('draft'), holders, actor, 'in_review', null);
    expect(result.allowed).toBe(may);
    if (!result.allowed) {
      expect(result.problem).toBe('forbidden');
      expect(result.refusals[0]).toMatch(actor.role === 'viewer' ? /Viewers/ : /owner, its facilitator or an admin/);
    }
  });

  const gate: Array<[string, string | null, boolean]> = [
    ['without an override', null, false],
    ['with a blank override reason', '   ', false],
    ['with an override and its reason', 'The on-call rotation changes on Monday', true],
  ];
  it.each(gate)('an unfinished async review refuses in_review → ready_for_meeting %s', (_, override, may) => {
    const result = checkTransition({ ...complete('in_review'), asyncReview: unfinishedAsyncReview }, roles, owner, 'ready_for_meeting', null, override);
    if (may) expect(result).toEqual({ allowed: true, label: 'Ready for the meeting', overridden: override });
    else expect(result).toEqual({ allowed: false, problem: 'conflict', overridable: true, refusals: ['The async review is not complete: Waiting for the sign-off of Bo Chen'] });
  });

  it('an override passes only the gate, never the other guards, and is not kept when the review is ready anyway', () => {
    const noFacilitator = { ...complete('in_review'), facilitatorAssigned: false, asyncReview: unfinishedAsyncReview };
    expect(checkTransition(noFacilitator, roles, owner, 'ready_for_meeting', null, 'because')).toMatchObject({ allowed: false, refusals: [expect.stringMatching(/facilitator/)] });
    expect(checkTransition(complete('in_review'), roles, owner, 'ready_for_meeting', null, 'because')).toMatchObject({ allowed: true, overridden: null });
  });

  it('publishing without a meeting does not wait for the async review', () => {
    expect(checkTransition({ ...complete('in_review'), asyncReview: unfinishedAsyncReview }, roles, owner, 'published', null).allowed).toBe(true);
  });

  it('lists the gate as overridable only when it is all that stands in the way', () => {
    const gated = transitionOptions({ ...complete('in_review'), asyncReview: unfinishedAsyncReview }, roles, owner).find((o) => o.to === 'ready_for_meeting')!;
    expect(gated).toMatchObject({ allowed: false, overridable: true, refusals: [expect.stringMatching(/async review is not complete/)] });
    const alsoNoFacilitator = transitionOptions({ ...complete('in_review'), facilitatorAssigned: false, asyncReview: unfinishedAsyncReview }, roles, owner)[0]!;
    expect(alsoNoFacilitator).toMatchObject({ allowed: false, overridable: false });
  });

  it('lists the transitions from the current state with what blocks each', () => {
    const options = transitionOptions({ ...complete('in_review'), facilitatorAssigned: false }, roles, owner);
    expect(options.map((o) => [o.to, o.allowed])).toEqual([
      ['ready_for_meeting', false],
      ['published', true],
      ['draft', true],
    ]);
    expect(options[0]!.refusals).toEqual([expect.stringMatching(/facilitator/)]);
    expect(options.find((o) => o.to === 'draft')!.reasonRequired).toBe(true);
  });
});
