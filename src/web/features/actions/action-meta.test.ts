import { describe, expect, it } from 'vitest';
import { actionItemPriorities } from '../../../shared/actions/action-item.schema.js';
import { priorityOptions } from './action-meta.js';

describe('priorityOptions: one scale in the dropdown', () => {
  it.each([
    [null, ['p1', 'p2', 'p3', 'p4']],
    ['p2', ['p1', 'p2', 'p3', 'p4']],
    ['high', ['p1', 'p2', 'p3', 'p4', 'high']],
  ])('for an item with %s', (current, expected) => {
    expect(priorityOptions(current).map((o) => o.value)).toEqual(expected);
  });

  it('offers only values the API accepts, and no High/Medium/Low for a new item', () => {
    const values = priorityOptions(null).map((o) => o.value);
    expect(values.every((v) => (actionItemPriorities as readonly string[]).includes(v))).toBe(true);
    expect(priorityOptions(null).every((o) => /^P[1-4] /.test(o.label))).toBe(true);
  });
});
