import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../policy/working-days.js';
import { ageBandOf, openPastCutoff } from './backlog.js';

const calendar = { timeZone: 'Europe/Copenhagen', workingWeekdays: [1, 2, 3, 4, 5] as Array<1 | 2 | 3 | 4 | 5>, holidays: ['2026-12-24', '2026-12-25'] };

describe('backlog rules', () => {
  it.each([
    { days: 0, band: 'week' },
    { days: 6.9, band: 'week' },
    { days: 7, band: 'month' },
    { days: 30, band: 'quarter' },
    { days: 100, band: 'half' },
    { days: 400, band: 'older' },
  ])('an item open $days days is in band $band', ({ days, band }) => {
    expect(ageBandOf(days * 86_400_000)).toBe(band);
  });

  it.each([
    { now: '2026-12-10T12:00:00Z', days: 5 },
    { now: '2026-12-28T08:00:00Z', days: 3 },
    { now: '2026-12-07T00:30:00Z', days: 1 },
    { now: '2026-06-01T12:00:00Z', days: 20 },
  ])('the cutoff at $now for $days working days splits items exactly where their deadline passes', ({ now, days }) => {
    const cutoff = openPastCutoff(new Date(now), days, calendar);
    const deadlineOf = (createdAt: string) => Date.parse(addWorkingDays(createdAt, days, calendar));
    const justBefore = new Date(Date.parse(cutoff) - 1).toISOString();
    expect(deadlineOf(justBefore)).toBeLessThan(Date.parse(now));
    expect(deadlineOf(cutoff)).toBeGreaterThanOrEqual(Date.parse(now));
  });
});
