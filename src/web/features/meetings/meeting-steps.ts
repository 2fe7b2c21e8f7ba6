import type { MeetingStage } from '../../../shared/meetings/meeting-mode.schema.js';

/** One place the facilitator can be: a stage, and in the timeline walk, an entry. */
export interface MeetingStep {
  stage: MeetingStage;
  entryId: number | null;
}

/** The meeting's path: the summary, each timeline entry in order, contributors and risks, action items, wrap-up. */
export function meetingSteps(entryIds: readonly number[]): MeetingStep[] {
  return [
    { stage: 'summary', entryId: null },
    ...(entryIds.length ? entryIds.map((entryId) => ({ stage: 'timeline' as const, entryId })) : [{ stage: 'timeline' as const, entryId: null }]),
    { stage: 'factors', entryId: null },
    { stage: 'actions', entryId: null },
    { stage: 'wrap_up', entryId: null },
  ];
}

/** The step `by` away from where the meeting is (an entry no longer on the timeline counts as the walk's start). */
export function stepFrom(steps: readonly MeetingStep[], at: MeetingStep, by: 1 | -1): MeetingStep | null {
  let index = steps.findIndex((s) => s.stage === at.stage && s.entryId === at.entryId);
  if (index < 0) index = steps.findIndex((s) => s.stage === at.stage);
  return steps[index + by] ?? null;
}

/** mm:ss, or h:mm:ss past an hour. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
