import { describe, expect, it } from 'vitest';
import { actionTone, diffRows, fieldLabel, valueText } from './audit-diff.js';

describe('audit entry diff', () => {
  it('lists changed fields, and marks the rest unchanged', () => {
    const rows = diffRows({ name: 'Lena', role: 'responder', tags: ['a'] }, { name: 'Lena', role: 'admin', tags: ['a', 'b'] });
    expect(rows.map((r) => [r.field, r.change])).toEqual([['name', 'same'], ['role', 'changed'], ['tags', 'changed']]);
  });

  it('shows a creation as added fields and a deletion as removed ones', () => {
    expect(diffRows(null, { title: 'x' })).toEqual([{ field: 'title', before: null, after: 'x', change: 'added' }]);
    expect(diffRows({ title: 'x' }, null)).toEqual([{ field: 'title', before: 'x', after: null, change: 'removed' }]);
    expect(diffRows(null, null)).toEqual([]);
    expect(diffRows('a', 'b')).toEqual([{ field: 'value', before: 'a', after: 'b', change: 'changed' }]);
  });

  it('reads field names and values as text', () => {
    expect(fieldLabel('customerImpact')).toBe('Customer impact');
    expect(fieldLabel('incident_id')).toBe('Incident id');
    expect(valueText(['api', 'db'])).toBe('api, db');
    expect(valueText(null)).toBe('');
    expect(valueText({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(valueText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it.each([
    ['user.create', 'create'],
    ['api_token.revoke', 'remove'],
    ['auth.sign_in', 'access'],
    ['incident.update', 'change'],
  ])('%s reads as %s', (action, tone) => expect(actionTone(action)).toBe(tone));
});
