import { describe, expect, it } from 'vitest';
import { soakUntil } from './soak.js';

const copenhagen = { timeZone: 'Europe/Copenhagen', workingWeekdays: [1, 2, 3, 4, 5] as Array<1 | 2 | 3 | 4 | 5>, holidays: ['2026-12-24'] };

describe('soakUntil', () => {
  it.each([
    ['Monday noon, 5 days: the next Monday', '2026-11-30T12:00:00+01:00', 5, { until: '2026-12-07', endsAt: '2026-12-07T22:59:59.999Z' }],
    ['Friday, 1 day: Monday', '2026-12-04T15:00:00+01:00', 1, { until: '2026-12-07', endsAt: '2026-12-07T22:59:59.999Z' }],
    ['over a holiday', '2026-12-22T09:00:00+01:00', 2, { until: '2026-12-25', endsAt: '2026-12-25T22:59:59.999Z' }],
    ['late evening UTC is already the next local day', '2026-12-06T23:30:00Z', 1, { until: '2026-12-08', endsAt: '2026-12-08T22:59:59.999Z' }],
  ])('%s', (_name, from, days, expected) => expect(soakUntil(from, days, copenhagen)).toEqual(expected));

  it('does not soak with 0 days', () => expect(soakUntil('2026-11-30T12:00:00Z', 0, copenhagen)).toBeNull());
});
