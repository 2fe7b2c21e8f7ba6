import { describe, expect, it } from 'vitest';
import { TimelineClock } from './clock.js';
import { readDate, readLeadingStamp } from './when.js';
import { instantIn, zoneFromToken, zoneInSentence } from './zones.js';

/** Resolve one line as the first entry of a timeline on a given day, in a given zone. */
const instantOf = (line: string, zone = 'UTC', day = { year: 2024, month: 3, day: 5 }) => {
  const stamp = readLeadingStamp(line, 'DMY', true);
  return stamp ? new TimelineClock(day, day).resolve(stamp, zone) : null;
};

describe('readLeadingStamp: the stamp leading a timeline line', () => {
  const cases: Array<[string, string | null, string, string]> = [
    // line, instant (or null), precision, the text left
    ['2024-03-05 14:02 UTC - Alert fires', '2024-03-05T14:02:00Z', 'minute', 'Alert fires'],
    ['2024-09-01 01:04:55 - aiocpa released', '2024-09-01T01:04:55Z', 'second', 'aiocpa released'],
    ['2024-09-01T01:04:55Z deploy', '2024-09-01T01:04:55Z', 'second', 'deploy'],
    ['[08:47] Bump merged. **Outage begins.**', '2024-03-05T08:47:00Z', 'minute', 'Bump merged. **Outage begins.**'],
    ['2:54 PM PST: config merged', '2024-03-05T14:54:00-08:00', 'minute', 'config merged'],
    ['11:39AM', '2024-03-05T11:39:00Z', 'minute', ''],
    ['5 PM: call starts', '2024-03-05T17:00:00Z', 'hour', 'call starts'],
    ['~08:50 alerts', '2024-03-05T08:50:00Z', 'approximate', 'alerts'],
    ['ca. 08:50 alerts', '2024-03-05T08:50:00Z', 'approximate', 'alerts'],
    ['2024-11-21 18:15:00 - (approximately) evaluation begins', '2024-11-21T18:15:00Z', 'approximate', 'evaluation begins'],
    ['14:00-14:30 UTC: maintenance', '2024-03-05T14:00:00Z', 'range', 'maintenance'],
    ['13:14 EDT (17:14 UTC): a user emails', '2024-03-05T13:14:00-05:00', 'minute', 'a user emails'],
    ['June 14th, 2022 10:00 - started', '2022-06-14T10:00:00Z', 'minute', 'started'],
    ['6th Nov 09:15 rollback', '2023-11-06T09:15:00Z', 'minute', 'rollback'],
    ['July 23 4:10 AM', '2023-07-23T04:10:00Z', 'minute', ''],
    ['[12-05 16:21] bug introduced', '2023-12-05T16:21:00Z', 'minute', 'bug introduced'],
    ['At 14:02, the pager fired', '2024-03-05T14:02:00Z', 'minute', 'the pager fired'],
    ['[???] IOPS reached a critical point', null, 'unknown', 'IOPS reached a critical point'],
    ['2019-12-03 --:-- surge of deployments', null, 'unknown', 'surge of deployments'],
    ['Unknown time - customer e-mail received', null, 'unknown', 'customer e-mail received'],
    ['2024-03-05 09:31 UTC+2 - deploy', '2024-03-05T09:31:00+02:00', 'minute', 'deploy'],
    ['2023-MM-DD[^1]:', null, 'unknown', ''],
    ['2024-03-18 - domain removed', null, 'day', 'domain removed'],
  ];
  it.each(cases)('%s', (line, instant, precision, rest) => {
    const resolved = instantOf(line);
    expect(resolved?.occurredAt ?? null).toBe(instant);
    expect(resolved?.precision).toBe(precision);
    expect(readLeadingStamp(line, 'DMY', true)?.rest).toBe(rest);
  });

  it.each([
    'Duration: 2:30 hours',
    '10 nodes were added',
    '3.14 is not a time',
    'The deploy at 14:00 failed',
    'https://example.com/12:00',
    '2024 was a long year',
  ])('is not a stamp: %s', (line) => {
    expect(readLeadingStamp(line, 'DMY', false)).toBeNull();
  });
});

describe('readDate: dates in the orders people write', () => {
  it.each([
    ['2024-03-05', 'DMY', { year: 2024, month: 3, day: 5 }],
    ['5/3/24', 'DMY', { year: 2024, month: 3, day: 5, ambiguous: true }],
    ['5/3/24', 'MDY', { year: 2024, month: 5, day: 3, ambiguous: true }],
    ['25/3/24', 'MDY', { year: 2024, month: 3, day: 25, ambiguous: false }],
    ['Sunday, March 31st, 2024', 'DMY', { year: 2024, month: 3, day: 31 }],
    ['Friday 29 November 2019', 'DMY', { year: 2019, month: 11, day: 29 }],
    ['31st of March', 'DMY', { year: null, month: 3, day: 31 }],
  ] as const)('%s (%s)', (text, order, expected) => {
    expect(readDate(text, order)?.value).toEqual(expected);
  });
});

describe('zones: named as authors write them, resolved with the rules of the day', () => {
  it.each([
    ['PST', 'America/Los_Angeles'],
    ['PDT', 'America/Los_Angeles'],
    ['GMT', 'Europe/London'],
    ['CEST', 'Europe/Paris'],
    ['EEST', 'Europe/Helsinki'],
    ['UTC+1', 'UTC+1'],
    ['UTC-04:00', 'UTC-4'],
    ['GMT+0', 'UTC'],
    ['Europe/Oslo', 'Europe/Oslo'],
    ['XYZ', null],
  ])('%s → %s', (token, zone) => expect(zoneFromToken(token)).toBe(zone));

  it.each([
    ['All times in PST', 'America/Los_Angeles'],
    ['All times PDT (UTC-7).', 'America/Los_Angeles'],
    ['_All times are in Eastern Time (UTC-4), and some are approximated._', 'America/New_York'],
    ['Times are in both Eastern Daylight Time (EDT) and UTC.', 'America/New_York'],
    ['All times in UTC+1', 'UTC+1'],
    ['We met the team at the office', null],
  ])('%s', (sentence, zone) => expect(zoneInSentence(sentence)).toBe(zone));

  it.each([
    // "PST" written in July is daylight time; UK "GMT" in summer is BST; both sides of each DST change
    ['PST', { year: 2024, month: 7, day: 1, hour: 9, minute: 0, second: 0 }, '2024-07-01T09:00:00-07:00'],
    ['PST', { year: 2024, month: 1, day: 15, hour: 9, minute: 0, second: 0 }, '2024-01-15T09:00:00-08:00'],
    ['GMT', { year: 2024, month: 7, day: 1, hour: 9, minute: 0, second: 0 }, '2024-07-01T09:00:00+01:00'],
    ['GMT', { year: 2024, month: 12, day: 1, hour: 9, minute: 0, second: 0 }, '2024-12-01T09:00:00Z'],
    ['CET', { year: 2024, month: 3, day: 30, hour: 12, minute: 0, second: 0 }, '2024-03-30T12:00:00+01:00'],
    ['CET', { year: 2024, month: 3, day: 31, hour: 12, minute: 0, second: 0 }, '2024-03-31T12:00:00+02:00'],
    ['EDT', { year: 2024, month: 11, day: 3, hour: 0, minute: 30, second: 0 }, '2024-11-03T00:30:00-04:00'],
    ['EDT', { year: 2024, month: 11, day: 3, hour: 3, minute: 0, second: 0 }, '2024-11-03T03:00:00-05:00'],
  ])('%s on %o', (token, local, iso) => {
    const instant = instantIn(local, zoneFromToken(token)!);
    expect(instant && new Date(instant).toISOString()).toBe(new Date(iso).toISOString());
    expect(instant?.slice(0, 19)).toBe(iso.slice(0, 19));
  });
});

describe('TimelineClock: the day carried from entry to entry', () => {
  const day = { year: 2019, month: 5, day: 30 };
  const resolveAll = (lines: string[], start = day) => {
    const clock = new TimelineClock(start, start);
    return lines.map((line) => clock.resolve(readLeadingStamp(line)!, 'America/Los_Angeles').occurredAt);
  };

  it('crosses midnight when a time steps far back, not when it steps back a little', () => {
    expect(resolveAll(['[17:41] a', '[23:55] b', '[07:00] c'])).toEqual([
      '2019-05-30T17:41:00-07:00',
      '2019-05-30T23:55:00-07:00',
      '2019-05-31T07:00:00-07:00',
    ]);
    expect(resolveAll(['14:46 a', '14:44 b'])).toEqual(['2019-05-30T14:46:00-07:00', '2019-05-30T14:44:00-07:00']);
  });

  it('takes a written date, keeps it for the times after it, and reads a far-future month-day as last year', () => {
    const march = { year: 2019, month: 3, day: 26 };
    expect(resolveAll(['[12-05 16:21] a', '[03-20 16:46] b', '[17:00] c'], march)).toEqual([
      '2018-12-05T16:21:00-08:00',
      '2019-03-20T16:46:00-07:00',
      '2019-03-20T17:00:00-07:00',
    ]);
  });

  it('leaves the instant unknown when no day is known', () => {
    const clock = new TimelineClock(null, null);
    expect(clock.resolve(readLeadingStamp('14:00 a')!, 'UTC')).toMatchObject({ occurredAt: null, precision: 'minute' });
  });
});
