import { describe, expect, it } from 'vitest';
import { formatOf } from './format-of.js';

describe('formatOf', () => {
  it.each([
    ['deploys.csv', '[not json but named csv', 'csv'],
    ['deploys.txt', 'time,service\n2026-01-01T00:00:00Z,api', 'csv'],
    ['changes.json', ' [{"time": "2026-01-01T00:00:00Z"}]', 'json'],
    ['deployments.json', '[{"id": 1, "statuses_url": "https://api.github.com/repos/o/r/deployments/1/statuses"}]', 'github_deployments'],
  ] as const)('reads %s holding %j as %s', (name, content, format) => {
    expect(formatOf(name, content)).toBe(format);
  });
});
