import { describe, expect, it } from 'vitest';
import { completeOperation, impliedErrorStatuses, operationIdOf } from './openapi-contract.js';

describe('operation ids', () => {
  it.each([
    ['get', '/api/incidents', 'getIncidents'],
    ['post', '/api/incidents', 'postIncidents'],
    ['get', '/api/incidents/{id}', 'getIncidentsById'],
    ['delete', '/api/incidents/{id}/labels/{label}', 'deleteIncidentsByIdLabelsByLabel'],
    ['post', '/api/reviews/{id}/action-items', 'postReviewsByIdActionItems'],
    ['get', '/healthz', 'getHealthz'],
  ])('%s %s → %s', (method, path, expected) => {
    expect(operationIdOf(method, path)).toBe(expected);
  });
});

describe('the error answers a route gives because of what it is', () => {
  it.each([
    ['get', 'public', false, []],
    ['post', 'public', true, ['400', '413', '415']],
    ['get', 'viewer', false, ['401']],
    ['post', 'viewer', true, ['400', '413', '415', '401', '403']],
    ['get', 'admin', false, ['401', '403']],
    ['delete', 'responder', false, ['401', '403']],
  ] as const)('%s as %s with a body: %s', (method, access, hasBody, expected) => {
    expect(impliedErrorStatuses(method, access, hasBody)).toEqual(expected);
  });

  it('describes every error as problem+json and keeps what the route declared', () => {
    const operation = {
      requestBody: {},
      responses: { '200': { description: 'ok', content: { 'application/json': { schema: {} } } }, '409': { description: 'x', content: { 'application/json': { schema: {} } } } },
    };
    completeOperation('patch', '/api/incidents/{id}', 'responder', operation);
    expect(operation).toMatchObject({ operationId: 'patchIncidentsById', security: [{ bearerToken: [] }, { sessionCookie: [] }] });
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401', '403', '409', '413', '415', '429']);
    for (const status of ['400', '401', '403', '409', '413', '415', '429'])
      expect(operation.responses[status as '409'].content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
  });

  it('needs no credentials on a public route', () => {
    const operation = { responses: {} };
    completeOperation('get', '/api/auth/providers', 'public', operation);
    expect(operation).toMatchObject({ security: [] });
  });
});
