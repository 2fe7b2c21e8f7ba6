import { describe, expect, it } from 'vitest';
import { readViewMetrics } from './read-metrics.js';

describe('readViewMetrics', () => {
  it('shows time to respond with the other lead figures, in reading order', () => {
    const all = ['totalDuration', 'timeToResolve', 'timeToMitigate', 'detectionToResponseGap', 'timeToRespond', 'timeToDetect', 'somethingElse'].map((key) => ({ key }));
    expect(readViewMetrics(all).map((m) => m.key)).toEqual(['timeToDetect', 'timeToRespond', 'detectionToResponseGap', 'timeToMitigate', 'timeToResolve', 'totalDuration']);
  });
});
