import { describe, expect, it } from 'vitest';
import { currentFieldErrors } from './field-errors.js';

describe('currentFieldErrors: an error stays only while it is still true', () => {
  const submitted = { name: '', email: 'ada@', password: 'short' };
  const errors = { name: 'Required', email: 'Invalid email address', password: 'Password is too short' };
  it.each([
    ['nothing changed: every error stays', submitted, {}, errors],
    ['a field made valid loses its error', { ...submitted, name: 'Ada' }, {}, { email: 'Invalid email address', password: 'Password is too short' }],
    ['a field still invalid shows the fresh message', { ...submitted, email: 'ada@x' }, { email: 'Still not an email' }, { name: 'Required', email: 'Still not an email', password: 'Password is too short' }],
    ['a server error stays until its field changes', submitted, { email: 'ignored while unchanged' }, errors],
    ['all fixed: no errors', { name: 'Ada', email: 'ada@example.com', password: 'a long passphrase' }, {}, {}],
  ])('%s', (_name, values, recheck, expected) => {
    expect(currentFieldErrors(errors, submitted, values, recheck)).toEqual(expected);
  });

  it('before any submit, shows what it was given', () => {
    expect(currentFieldErrors({ title: 'Required' }, null, { title: 'x' })).toEqual({ title: 'Required' });
  });

  it('compares lists by value', () => {
    expect(currentFieldErrors({ services: 'Too many' }, { services: ['a', 'b'] }, { services: ['a', 'b'] })).toEqual({ services: 'Too many' });
    expect(currentFieldErrors({ services: 'Too many' }, { services: ['a', 'b'] }, { services: ['a'] })).toEqual({});
  });
});
