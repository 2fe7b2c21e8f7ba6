import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRouteFor, takesVersion, versionFromIfMatch } from './conditional-requests.js';

describe('If-Match as a version', () => {
  it.each([
    ['"7"', 7],
    ['W/"12"', 12],
    [' "3" ', 3],
    ['*', null],
    ['"1", "2"', null],
    ['"0"', null],
    ['7', null],
    ['"9999999999999999"', null],
  ])('%s → %s', (header, expected) => {
    expect(versionFromIfMatch(header)).toBe(expected);
  });

  it('finds a version in body and query schemas through defaults and optionals', () => {
    expect(takesVersion(z.object({ version: z.number(), title: z.string() }).strict())).toBe(true);
    expect(takesVersion(z.object({ version: z.number() }).default({ version: 1 }))).toBe(true);
    expect(takesVersion(z.object({ title: z.string() }).optional())).toBe(false);
    expect(takesVersion(undefined)).toBe(false);
  });
});

describe('where a created record can be read', () => {
  const reads = new Set(['/api/incidents', '/api/incidents/:id', '/api/action-items/:id', '/api/timeline/:entryId', '/api/reviews/:id/action-items', '/api/timeline/:entryId/comments']);
  it.each([
    ['/api/incidents', '/api/incidents/:id'],
    ['/api/reviews/:id/action-items', '/api/action-items/:id'],
    ['/api/incidents/:id/timeline', '/api/timeline/:entryId'],
    ['/api/timeline/:entryId/comments', null],
    ['/api/incidents/:id/timeline/batch', null],
  ])('%s → %s', (create, expected) => {
    expect(readRouteFor(create, reads)).toBe(expected);
  });
});
