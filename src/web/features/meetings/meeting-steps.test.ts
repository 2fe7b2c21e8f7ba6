import { describe, expect, it } from 'vitest';
import { formatElapsed, meetingSteps, stepFrom } from './meeting-steps.js';

describe('the meeting path', () => {
  const steps = meetingSteps([11, 12]);
  it('walks the summary, every entry, then the later stages, and back', () => {
    expect(stepFrom(steps, { stage: 'summary', entryId: null }, 1)).toEqual({ stage: 'timeline', entryId: 11 });
    expect(stepFrom(steps, { stage: 'timeline', entryId: 11 }, 1)).toEqual({ stage: 'timeline', entryId: 12 });
    expect(stepFrom(steps, { stage: 'timeline', entryId: 12 }, 1)).toEqual({ stage: 'factors', entryId: null });
    expect(stepFrom(steps, { stage: 'factors', entryId: null }, -1)).toEqual({ stage: 'timeline', entryId: 12 });
    expect(stepFrom(steps, { stage: 'wrap_up', entryId: null }, 1)).toBeNull();
    expect(stepFrom(steps, { stage: 'summary', entryId: null }, -1)).toBeNull();
  });
  it('goes on from an entry deleted meanwhile, and walks an empty timeline as one step', () => {
    expect(stepFrom(steps, { stage: 'timeline', entryId: 99 }, 1)).toEqual({ stage: 'timeline', entryId: 12 });
    expect(meetingSteps([]).map((s) => s.stage)).toEqual(['summary', 'timeline', 'factors', 'actions', 'wrap_up']);
  });
  it('shows the stage timer as mm:ss', () => {
    expect(formatElapsed(65_400)).toBe('01:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
    expect(formatElapsed(-5)).toBe('00:00');
  });
});
