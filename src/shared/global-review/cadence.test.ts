import { describe, expect, it } from 'vitest';
import { currentOrNextSession, isSessionDay, nextSession, previousSession, sessionOfDay, type Cadence } from './cadence.js';

const twiceAWeek: Cadence = { weekdays: [2, 4], time: '15:00', durationMinutes: 60, timeZone: 'Europe/Copenhagen' };

describe('the global review cadence', () => {
  it.each([
    // now (UTC)                     the session that has not ended yet
    ['2026-12-01T10:00:00Z', '2026-12-01', '2026-12-01T14:00:00.000Z'], // Tuesday morning: today at 15:00 CET
    ['2026-12-01T14:30:00Z', '2026-12-01', '2026-12-01T14:00:00.000Z'], // in progress
    ['2026-12-01T15:00:00Z', '2026-12-03', '2026-12-03T14:00:00.000Z'], // just ended: Thursday
    ['2026-12-04T12:00:00Z', '2026-12-08', '2026-12-08T14:00:00.000Z'], // Friday: next Tuesday
    ['2026-03-26T15:30:00Z', '2026-03-31', '2026-03-31T13:00:00.000Z'], // across the spring change: 15:00 CEST
  ])('at %s the current or next session is on %s, starting %s', (now, day, startsAt) => {
    const session = currentOrNextSession(new Date(now), twiceAWeek);
    expect(session).toMatchObject({ day, startsAt });
    expect(Date.parse(session.endsAt) - Date.parse(session.startsAt)).toBe(3_600_000);
  });

  it('walks back and forth between sessions', () => {
    expect(previousSession('2026-12-08', twiceAWeek).day).toBe('2026-12-03');
    expect(previousSession('2026-12-03', twiceAWeek).day).toBe('2026-12-01');
    expect(nextSession('2026-12-03', twiceAWeek).day).toBe('2026-12-08');
  });

  it('knows which days are session days', () => {
    expect(isSessionDay('2026-12-03', twiceAWeek)).toBe(true);
    expect(isSessionDay('2026-12-04', twiceAWeek)).toBe(false);
    expect(isSessionDay('2026-13-04', twiceAWeek)).toBe(false);
    expect(sessionOfDay('2026-07-02', twiceAWeek).startsAt).toBe('2026-07-02T13:00:00.000Z');
  });

  it('refuses a cadence without weekdays', () => {
    expect(() => currentOrNextSession(new Date(), { ...twiceAWeek, weekdays: [] })).toThrow(RangeError);
  });
});
