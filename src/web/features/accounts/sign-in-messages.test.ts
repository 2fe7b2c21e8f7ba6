import { describe, expect, it } from 'vitest';
import { oidcError, safeNext } from './sign-in-messages.js';

describe('after signing in', () => {
  it.each([
    ['/reviews/4?tab=x#summary', '/reviews/4?tab=x#summary'],
    [null, '/incidents'],
    ['https://evil.example.com/', '/incidents'],
    ['//evil.example.com/', '/incidents'],
    ['/\\evil.example.com', '/incidents'],
    ['/sign-in?next=/x', '/incidents'],
  ])('next=%s goes to %s', (next, expected) => expect(safeNext(next)).toBe(expected));

  it('explains single sign-on failures, and ignores other errors', () => {
    expect(oidcError('oidc_email_taken')?.title).toBe('This email already has an account');
    expect(oidcError('oidc_something_new')?.title).toBe('Single sign-on did not complete');
    expect(oidcError('other')).toBeNull();
    expect(oidcError(null)).toBeNull();
  });
});
