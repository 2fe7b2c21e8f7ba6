import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rules.js';
import { lowerRole, roleAtLeast } from './roles.js';

describe('password rules', () => {
  it.each([
    ['short', 'sara@example.com', /at least 12/],
    ['twelve chars', 'sara@example.com', null],
    ['🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒', null, /at least 12/],
    ['x'.repeat(257), null, /at most 256/],
    ['Sara.Lind@Example.com', 'sara.lind@example.com', /email/],
    [' sara.lind@example.com ', 'sara.lind@example.com', /email/],
    ['sara.lind@example.com!', 'sara.lind@example.com', null],
  ])('%s for %s', (password, email, expected) => {
    const problem = passwordProblem(password, email);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('roles', () => {
  it('orders viewer < responder < admin', () => {
    expect(roleAtLeast('admin', 'responder')).toBe(true);
    expect(roleAtLeast('responder', 'responder')).toBe(true);
    expect(roleAtLeast('viewer', 'responder')).toBe(false);
    expect(lowerRole('admin', 'viewer')).toBe('viewer');
    expect(lowerRole('responder', 'admin')).toBe('responder');
  });
});
