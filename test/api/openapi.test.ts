import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';

const run = promisify(execFile);

interface Operation {
  operationId: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, unknown> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}
const redocly = path.resolve('node_modules/.bin/redocly');

/** A client an integrator would write against the generated types: it must compile. */
const client = `
import type { paths, components } from './api.js';
type Incident = components['schemas']['Incident'];
type Problem = components['schemas']['Problem'];
type ReadIncident = paths['/api/incidents/{id}']['get'];
export type Answer = ReadIncident['responses'][200]['content']['application/json'];
export type NotFound = ReadIncident['responses'][404]['content']['application/problem+json'];
export const title = (incident: Answer): string => incident.title;
export const reason = (problem: NotFound): string => problem.detail;
export const create: paths['/api/incidents']['post']['requestBody'] = { content: { 'application/json': { title: 'Checkout errors', severity: 'sev2' } } };
export const markdown = (answer: paths['/api/reviews/{id}/markdown']['get']['responses'][200]['content']['text/markdown']): string => answer;
export type Check = [Incident, Problem];
`;

describe('the OpenAPI document', () => {
  // The document is the same on both databases: one is enough.
  const t = useTestApp('sqlite');
  let document: Document;
  let folder: string;

  beforeAll(async () => {
    document = (await t.request<Document>({ method: 'GET', url: '/api/openapi.json' })).body;
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hindsight-openapi-'));
    await fs.writeFile(path.join(folder, 'openapi.json'), JSON.stringify(document));
  });

  it('passes Redocly lint with zero errors', async () => {
    const lint = await run(redocly, ['lint', path.join(folder, 'openapi.json'), '--format=summary'], { env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' } }).catch((error: { stdout: string; stderr: string }) => error);
    expect(`${lint.stdout}${lint.stderr}`).toMatch(/Your API description is valid/);
  }, 120_000);

  it('names every operation once, says how to authenticate, and answers errors as problem+json', () => {
    const operations = Object.entries(document.paths).flatMap(([p, item]) => Object.entries(item).map(([method, op]) => ({ key: `${method} ${p}`, op })));
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    expect(Object.keys(document.components.securitySchemes)).toEqual(['bearerToken', 'sessionCookie']);
    for (const name of ['Incident', 'Review', 'TimelineEntry', 'ActionItem', 'Problem']) expect(document.components.schemas).toHaveProperty(name);
    for (const { key, op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400) expect(Object.keys(response.content ?? {}), `${key} ${status}`).toEqual(['application/problem+json']);
      }
    }
    const readIncident = document.paths['/api/incidents/{id}']!.get!;
    expect(Object.keys(readIncident.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404']));
    expect(document.paths['/api/reviews/{id}/markdown']!.get!.responses['200']!.content).toHaveProperty('text/markdown');
    expect(document.paths['/api/auth/providers']!.get!.security).toEqual([]);
  });

  it('generates a TypeScript client with openapi-typescript that compiles', async () => {
    const types = astToString(await openapiTS(document as never));
    await fs.writeFile(path.join(folder, 'api.ts'), types);
    await fs.writeFile(path.join(folder, 'client.ts'), client);
    const program = ts.createProgram([path.join(folder, 'client.ts')], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [] });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  }, 120_000);
});
