import { describe, expect, it } from 'vitest';
import { changeTimelineText, durationInWords, rankSuspects, type ChangeFact } from './suspects.js';

const at = (id: number, service: string, occurredAt: string, kind: ChangeFact['kind'] = 'deploy'): ChangeFact => ({ id, service, kind, occurredAt });
const incident = { startedAt: '2026-03-10T09:00:00Z', services: ['payments-api', 'Checkout'] };

describe('rankSuspects', () => {
  it.each([
    ['keeps only the window: a day before to an hour after', [at(1, 'x', '2026-03-09T08:59:00Z'), at(2, 'x', '2026-03-09T09:00:00Z'), at(3, 'x', '2026-03-10T10:00:00Z'), at(4, 'x', '2026-03-10T10:01:00Z')], [3, 2]],
    ['puts the incident\'s services first, whatever the case', [at(1, 'search', '2026-03-10T08:59:00Z'), at(2, 'checkout', '2026-03-10T03:00:00Z')], [2, 1]],
    ['puts the closest first', [at(1, 'payments-api', '2026-03-10T06:00:00Z'), at(2, 'payments-api', '2026-03-10T08:48:00Z'), at(3, 'payments-api', '2026-03-10T09:30:00Z')], [2, 3, 1]],
    ['puts just before ahead of as long after', [at(1, 'x', '2026-03-10T09:10:00Z'), at(2, 'x', '2026-03-10T08:50:00Z')], [2, 1]],
    ['breaks an exact tie by the newest id', [at(1, 'x', '2026-03-10T08:50:00Z'), at(2, 'x', '2026-03-10T08:50:00Z')], [2, 1]],
    ['finds nothing in an empty list', [], []],
  ])('%s', (_name, changes, ids) => {
    expect(rankSuspects(incident, changes).map((s) => s.change.id)).toEqual(ids);
  });

  it('honours a narrower window', () => {
    const changes = [at(1, 'x', '2026-03-10T07:59:00Z'), at(2, 'x', '2026-03-10T08:30:00Z'), at(3, 'x', '2026-03-10T09:01:00Z')];
    expect(rankSuspects(incident, changes, { beforeMs: 3_600_000, afterMs: 0 }).map((s) => s.change.id)).toEqual([2]);
  });

  it.each([
    [at(1, 'payments-api', '2026-03-10T08:48:00Z'), -12, true, 'deploy to payments-api 12 min before impact started'],
    [at(1, 'payments-api', '2026-03-10T09:00:10Z', 'config'), 0, true, 'config change to payments-api as impact started'],
    [at(1, 'checkout', '2026-03-10T09:40:00Z', 'feature-flag'), 40, true, 'feature flag change on checkout 40 min after impact started'],
    [at(1, 'ledger', '2026-03-10T05:55:00Z', 'migration'), -185, false, "migration on ledger 3 h 5 min before impact started (not one of this incident's services)"],
  ])('explains %o', (change, offsetMinutes, sameService, reason) => {
    expect(rankSuspects(incident, [change])).toEqual([{ change, offsetMinutes, sameService, reason }]);
  });
});

describe('durationInWords', () => {
  it.each([
    [0, '0 min'],
    [-12 * 60_000, '12 min'],
    [60 * 60_000, '1 h'],
    [125 * 60_000, '2 h 5 min'],
    [24 * 3_600_000, '1 day'],
    [50 * 3_600_000, '2 days 2 h'],
  ])('%d ms is %s', (ms, words) => {
    expect(durationInWords(ms)).toBe(words);
  });
});

describe('changeTimelineText', () => {
  it.each([
    [{ environment: 'production', author: 'alice', link: 'https://ci.example.com/1' }, 'Deploy to payments-api (production) by alice: Raise pool size https://ci.example.com/1'],
    [{ environment: null, author: null, link: null }, 'Deploy to payments-api: Raise pool size'],
  ])('writes %o as %s', (extra, text) => {
    expect(changeTimelineText({ ...at(1, 'payments-api', '2026-03-10T08:48:00Z'), title: 'Raise pool size', ...extra })).toBe(text);
  });
});
