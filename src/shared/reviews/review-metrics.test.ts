import { describe, it, expect } from 'vitest';
import { computeMetrics, formatDuration, type Metric, type MetricInputs, type MetricKey, type TimelinePoint } from './review-metrics.js';

const at = (time: string, date = '2026-03-02') => `${date}T${time}Z`;
const complete: MetricInputs = {
  impactStartedAt: at('10:00:00'),
  detectedAt: at('10:12:00'),
  respondedAt: at('10:20:00'),
  mitigatedAt: at('11:05:00'),
  resolvedAt: at('12:30:00'),
};
const keys: MetricKey[] = ['timeToDetect', 'timeToRespond', 'detectionToResponseGap', 'timeToMitigate', 'timeToResolve', 'totalDuration'];

/** One readable line per metric: "12m", "12m (timeline)", "unknown: ...", "contradictory: ...". */
function summarise(metrics: Metric[]): Record<MetricKey, string> {
  return Object.fromEntries(metrics.map((m) => [m.key,
    m.status === 'known' ? `${m.milliseconds / 60_000}m${m.derivedFromTimeline ? ' (timeline)' : ''}` : `${m.status}: ${m.reason}`,
  ])) as Record<MetricKey, string>;
}

const allKnown = { timeToDetect: '12m', timeToRespond: '20m', detectionToResponseGap: '8m', timeToMitigate: '65m', timeToResolve: '150m', totalDuration: '150m' };
const noImpact = 'unknown: Impact start time is missing';

describe('computeMetrics', () => {
  const cases: Array<[string, MetricInputs, TimelinePoint[] | undefined, Record<MetricKey, string>]> = [
    ['complete inputs', complete, undefined, allKnown],
    // each missing input (null, undefined and blank all count as missing)
    ['impact start missing', { ...complete, impactStartedAt: null }, undefined,
      { ...allKnown, timeToDetect: noImpact, timeToRespond: noImpact, timeToMitigate: noImpact, timeToResolve: noImpact, totalDuration: noImpact }],
    ['detected missing', { ...complete, detectedAt: undefined }, undefined,
      { ...allKnown, timeToDetect: 'unknown: Detected time is missing', detectionToResponseGap: 'unknown: Detected time is missing' }],
    ['responded missing', { ...complete, respondedAt: '' }, undefined,
      { ...allKnown, timeToRespond: 'unknown: Responded time is missing', detectionToResponseGap: 'unknown: Responded time is missing' }],
    ['mitigated missing', { ...complete, mitigatedAt: null }, undefined,
      { ...allKnown, timeToMitigate: 'unknown: Mitigated time is missing' }],
    ['resolved missing', { ...complete, resolvedAt: null }, undefined,
      { ...allKnown, timeToResolve: 'unknown: Resolved time is missing', totalDuration: 'unknown: Resolved time is missing' }],
    ['nothing known', {}, undefined, {
      timeToDetect: 'unknown: Impact start time is missing; Detected time is missing',
      timeToRespond: 'unknown: Impact start time is missing; Responded time is missing',
      detectionToResponseGap: 'unknown: Detected time is missing; Responded time is missing',
      timeToMitigate: 'unknown: Impact start time is missing; Mitigated time is missing',
      timeToResolve: 'unknown: Impact start time is missing; Resolved time is missing',
      totalDuration: 'unknown: Impact start time is missing; Resolved time is missing',
    }],
    ['missing and not in the timeline either', { ...complete, detectedAt: null }, [{ kind: 'note', occurredAt: at('10:01:00') }],
      { ...allKnown, timeToDetect: 'unknown: Detected time is missing and the timeline has no detection entry',
        detectionToResponseGap: 'unknown: Detected time is missing and the timeline has no detection entry' }],
    ['unparseable and offset-less timestamps', { ...complete, detectedAt: 'yesterday', resolvedAt: '2026-03-02T12:30:00' }, undefined, {
      ...allKnown,
      timeToDetect: 'unknown: Detected time "yesterday" is not an ISO 8601 timestamp with an offset',
      detectionToResponseGap: 'unknown: Detected time "yesterday" is not an ISO 8601 timestamp with an offset',
      timeToResolve: 'unknown: Resolved time "2026-03-02T12:30:00" is not an ISO 8601 timestamp with an offset',
      totalDuration: 'unknown: Resolved time "2026-03-02T12:30:00" is not an ISO 8601 timestamp with an offset',
    }],
    // each contradiction
    ['detected before impact started', { ...complete, impactStartedAt: at('10:20:00'), detectedAt: at('10:05:00'), respondedAt: at('10:25:00') }, undefined,
      { ...allKnown, timeToDetect: 'contradictory: Detected (10:05) is before impact started (10:20)', timeToRespond: '5m',
        detectionToResponseGap: '20m', timeToMitigate: '45m', timeToResolve: '130m', totalDuration: '130m' }],
    ['responded before detected', { ...complete, respondedAt: at('10:08:00') }, undefined,
      { ...allKnown, timeToRespond: 'contradictory: Responded (10:08) is before detected (10:12)',
        detectionToResponseGap: 'contradictory: Responded (10:08) is before detected (10:12)' }],
    ['responded before impact started', { ...complete, respondedAt: at('09:55:00') }, undefined,
      { ...allKnown, timeToRespond: 'contradictory: Responded (09:55) is before impact started (10:00); Responded (09:55) is before detected (10:12)',
        detectionToResponseGap: 'contradictory: Responded (09:55) is before detected (10:12)' }],
    ['mitigated before impact started', { ...complete, mitigatedAt: at('09:50:00') }, undefined,
      { ...allKnown, timeToMitigate: 'contradictory: Mitigated (09:50) is before impact started (10:00)' }],
    ['resolved before mitigated', { ...complete, resolvedAt: at('11:00:00') }, undefined,
      { ...allKnown, timeToResolve: 'contradictory: Resolved (11:00) is before mitigated (11:05)',
        totalDuration: 'contradictory: Resolved (11:00) is before mitigated (11:05)' }],
    ['resolved before impact started, with no mitigation', { ...complete, mitigatedAt: null, resolvedAt: at('09:00:00') }, undefined,
      { ...allKnown, timeToMitigate: 'unknown: Mitigated time is missing',
        timeToResolve: 'contradictory: Resolved (09:00) is before impact started (10:00)',
        totalDuration: 'contradictory: Resolved (09:00) is before impact started (10:00)' }],
    ['a contradiction across midnight shows dates', { ...complete, impactStartedAt: at('00:10:00'), detectedAt: at('23:50:00', '2026-03-01') }, undefined,
      { ...allKnown, timeToDetect: 'contradictory: Detected (2026-03-01 23:50 +00:00) is before impact started (2026-03-02 00:10 +00:00)',
        timeToRespond: '610m', timeToMitigate: '655m', timeToResolve: '740m', totalDuration: '740m', detectionToResponseGap: '630m' }],
    ['a contradiction within a minute shows seconds', { ...complete, impactStartedAt: at('10:12:45'), detectedAt: at('10:12:30') }, undefined,
      { ...allKnown, timeToDetect: 'contradictory: Detected (10:12:30) is before impact started (10:12:45)',
        timeToRespond: '7.25m', detectionToResponseGap: '7.5m', timeToMitigate: '52.25m', timeToResolve: '137.25m', totalDuration: '137.25m' }],
    ['equal moments are a zero span, not a contradiction', { ...complete, respondedAt: complete.detectedAt }, undefined,
      { ...allKnown, timeToRespond: '12m', detectionToResponseGap: '0m' }],
    // mixed offsets: 11:00+01:00 is 10:00Z, so string order would be wrong
    ['mixed offsets are compared as instants', { ...complete, impactStartedAt: '2026-03-02T11:00:00+01:00', mitigatedAt: '2026-03-02T06:05:00-05:00' },
      undefined, allKnown],
    ['a contradiction across offsets names both offsets', { ...complete, impactStartedAt: at('10:20:00'), detectedAt: '2026-03-02T11:05:00+01:00' },
      undefined, { ...allKnown,
        timeToDetect: 'contradictory: Detected (2026-03-02 11:05 +01:00) is before impact started (2026-03-02 10:20 +00:00)',
        timeToRespond: '0m', detectionToResponseGap: '15m', timeToMitigate: '45m', timeToResolve: '130m', totalDuration: '130m' }],
  ];
  it.each(cases)('%s', (_name, inputs, timeline, expected) => {
    const metrics = computeMetrics(inputs, timeline);
    expect(metrics.map((m) => m.key)).toEqual(keys);
    expect(summarise(metrics)).toEqual(expected);
  });
});

describe('computeMetrics timeline fallback', () => {
  const timeline: TimelinePoint[] = [
    { kind: 'note', occurredAt: at('09:00:00') },
    { kind: 'detection', occurredAt: at('10:15:00') },
    { kind: 'signal', occurredAt: '2026-03-02T10:58:00+01:00' }, // 09:58Z
    { kind: 'detection', occurredAt: at('10:12:00') }, // earliest detection, listed later
    { kind: 'escalation', occurredAt: at('10:20:00') },
    { kind: 'mitigation', occurredAt: 'not a time' }, // skipped
    { kind: 'mitigation', occurredAt: at('11:05:00') },
    { kind: 'resolution', occurredAt: at('12:40:00') },
  ];
  const cases: Array<[string, MetricInputs, TimelinePoint[], Record<MetricKey, string>]> = [
    ['every moment from the timeline', {}, timeline, {
      timeToDetect: '14m (timeline)', timeToRespond: '22m (timeline)', detectionToResponseGap: '8m (timeline)',
      timeToMitigate: '67m (timeline)', timeToResolve: '162m (timeline)', totalDuration: '162m (timeline)' }],
    ['incident timestamps win over the timeline', complete, timeline, {
      ...allKnown, totalDuration: '152m (timeline)' }], // the first signal (09:58) is earlier than the impact start
    ['only the missing moment is derived', { ...complete, detectedAt: null }, timeline, {
      ...allKnown, timeToDetect: '12m (timeline)', detectionToResponseGap: '8m (timeline)', totalDuration: '152m (timeline)' }],
    ['a derived moment can be contradictory', { ...complete, impactStartedAt: at('10:20:00'), detectedAt: null, respondedAt: at('10:30:00') },
      [{ kind: 'detection', occurredAt: at('10:05:00') }], {
        timeToDetect: 'contradictory: Detected (10:05, from the timeline) is before impact started (10:20)',
        timeToRespond: '10m', detectionToResponseGap: '25m (timeline)', timeToMitigate: '45m', timeToResolve: '130m', totalDuration: '130m' }],
  ];
  it.each(cases)('%s', (_name, inputs, points, expected) => {
    expect(summarise(computeMetrics(inputs, points))).toEqual(expected);
  });

  it('reports the moments it used, as written', () => {
    const [detect] = computeMetrics({ impactStartedAt: null }, timeline);
    expect(detect).toEqual({
      key: 'timeToDetect', label: 'Time to detect', status: 'known', milliseconds: 14 * 60_000,
      from: '2026-03-02T10:58:00+01:00', to: at('10:12:00'), derivedFromTimeline: true,
    });
  });

  it('labels every metric', () => {
    expect(computeMetrics(complete).map((m) => m.label)).toEqual(
      ['Time to detect', 'Time to respond', 'Detection-to-response gap', 'Time to mitigate', 'Time to resolve', 'Total duration']);
  });
});

describe('formatDuration', () => {
  const m = 60_000;
  const h = 60 * m;
  const d = 24 * h;
  const cases: Array<[number, string]> = [
    [0, '0s'],
    [400, '<1s'],
    [45_000, '45s'],
    [59_999, '59s'],
    [m, '1m 00s'],
    [2 * m + 5_000, '2m 05s'],
    [h, '1h 00m'],
    [2 * h + 5 * m, '2h 05m'],
    [2 * h + 5 * m + 59_000, '2h 05m'],
    [23 * h + 59 * m, '23h 59m'],
    [d, '1d 0h'],
    [3 * d + 4 * h + 30 * m, '3d 4h'],
    [40 * d, '40d 0h'],
  ];
  it.each(cases)('%d ms → %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError for %d', (ms) => {
    expect(() => formatDuration(ms)).toThrow(RangeError);
  });
});
