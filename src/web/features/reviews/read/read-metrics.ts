import type { MetricKey } from '../../../../shared/reviews/review-metrics.js';

/** The figures the read view leads with, in this order: how long until detection, a human, mitigation and resolution. */
export const readViewMetricKeys: readonly MetricKey[] = ['timeToDetect', 'timeToRespond', 'detectionToResponseGap', 'timeToMitigate', 'timeToResolve', 'totalDuration'];

/** The metrics the read view shows, in `readViewMetricKeys` order. */
export function readViewMetrics<M extends { key: string }>(metrics: readonly M[]): M[] {
  return readViewMetricKeys.flatMap((key) => metrics.filter((m) => m.key === key));
}
