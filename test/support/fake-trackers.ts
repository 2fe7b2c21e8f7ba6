/**
 * A local stand-in for GitHub, GitLab and Jira: answers with the recorded responses of
 * test/fixtures/trackers (sources in SOURCES.md), records every request, and keeps each issue's
 * state. Used by the API tests and by e2e/tracker-sync.spec.ts (which starts it).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const fixtureDir = fileURLToPath(new URL('../fixtures/trackers/', import.meta.url));
export const trackerFixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(`${fixtureDir}${name}`, 'utf8')) as Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface FakeIssue {
  kind: 'github' | 'gitlab' | 'jira';
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  assignee: unknown;
}

export interface FakeTrackers {
  url: string;
  requests: RecordedRequest[];
  issues: FakeIssue[];
  /** The next `count` requests answer `status` (e.g. 502, to see a job retry). */
  failNext(count: number, status: number): void;
  close(): Promise<void>;
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

export async function startFakeTrackers(port = 0): Promise<FakeTrackers> {
  const requests: RecordedRequest[] = [];
  const issues: FakeIssue[] = [];
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  let server: Server | null = null;
  const base = () => `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;

  const route = (method: string, path: string, query: URLSearchParams, body: Record<string, unknown>): { status: number; json?: unknown } => {
    let m: RegExpMatchArray | null;
    // GitHub (REST, https://api.github.com layout under /github)
    if (method === 'GET' && (m = path.match(/^\/github\/repos\/([^/]+)\/([^/]+)$/))) {
      return { status: 200, json: { ...trackerFixture('github-get-repo.response.json'), full_name: `${m[1]}/${m[2]}` } };
    }
    if (method === 'POST' && /^\/github\/repos\/[^/]+\/[^/]+\/issues$/.test(path)) {
      const number = issues.length + 1;
      issues.push({ kind: 'github', number, title: String(body.title), body: String(body.body ?? ''), state: 'open', assignee: body.assignees ?? null });
      const recorded = trackerFixture('github-create-issue.response.json');
      return { status: 201, json: { ...recorded, number, title: body.title, body: body.body ?? null, html_url: `${base()}/github-web/issues/${number}` } };
    }
    if (method === 'PATCH' && (m = path.match(/^\/github\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/))) {
      const issue = issues.find((i) => i.kind === 'github' && i.number === Number(m![1]));
      if (!issue) return { status: 404, json: { message: 'Not Found' } };
      if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
      return { status: 200, json: { ...trackerFixture('github-create-issue.response.json'), number: issue.number, state: issue.state } };
    }
    // GitLab (REST v4 under /gitlab/api/v4)
    if (method === 'GET' && (m = path.match(/^\/gitlab\/api\/v4\/projects\/([^/]+)$/))) {
      return { status: 200, json: { ...trackerFixture('gitlab-get-project.response.json'), path_with_namespace: decodeURIComponent(m[1]!) } };
    }
    if (method === 'GET' && path === '/gitlab/api/v4/users') {
      const users = trackerFixture('gitlab-users.response.json') as unknown as Array<Record<string, unknown>>;
      return { status: 200, json: users.map((u) => ({ ...u, username: query.get('username') ?? u.username })) };
    }
    if (method === 'POST' && /^\/gitlab\/api\/v4\/projects\/[^/]+\/issues$/.test(path)) {
      if (typeof body.title !== 'string' || !body.title) return { status: 400, json: { error: 'title is missing' } };
      const iid = issues.length + 1;
      issues.push({ kind: 'gitlab', number: iid, title: body.title, body: String(body.description ?? ''), state: 'open', assignee: body.assignee_ids ?? null });
      return { status: 201, json: { ...trackerFixture('gitlab-create-issue.response.json'), iid, title: body.title, description: body.description ?? null, web_url: `${base()}/gitlab-web/issues/${iid}` } };
    }
    if (method === 'PUT' && (m = path.match(/^\/gitlab\/api\/v4\/projects\/[^/]+\/issues\/(\d+)$/))) {
      const issue = issues.find((i) => i.kind === 'gitlab' && i.number === Number(m![1]));
      if (!issue) return { status: 404, json: { message: '404 Not found' } };
      if (body.state_event === 'close') issue.state = 'closed';
      if (body.state_event === 'reopen') issue.state = 'open';
      return { status: 200, json: { ...trackerFixture('gitlab-create-issue.response.json'), iid: issue.number, state: issue.state === 'open' ? 'opened' : 'closed' } };
    }
    // Jira Cloud (REST v3 under /jira/rest/api/3)
    if (method === 'GET' && (m = path.match(/^\/jira\/rest\/api\/3\/project\/([^/]+)$/))) {
      return { status: 200, json: { ...trackerFixture('jira-get-project.response.json'), key: m[1] } };
    }
    if (method === 'POST' && path === '/jira/rest/api/3/issue') {
      const fields = (body.fields ?? {}) as Record<string, unknown>;
      if (!fields.project || !fields.summary || !fields.issuetype) return { status: 400, json: { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } } };
      const number = issues.length + 1;
      issues.push({ kind: 'jira', number, title: String(fields.summary), body: JSON.stringify(fields.description ?? null), state: 'open', assignee: fields.assignee ?? null });
      const key = `${(fields.project as { key: string }).key}-${number}`;
      return { status: 201, json: { ...trackerFixture('jira-create-issue.response.json'), id: String(10000 + number), key, self: `${base()}/jira/rest/api/3/issue/${10000 + number}` } };
    }
    if ((m = path.match(/^\/jira\/rest\/api\/3\/issue\/([^/]+)\/transitions$/))) {
      const n = Number(m[1]!.split('-').pop());
      const issue = issues.find((i) => i.kind === 'jira' && i.number === n);
      if (!issue) return { status: 404, json: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } };
      if (method === 'GET') return { status: 200, json: trackerFixture('jira-transitions.response.json') };
      const id = (body.transition as { id?: string } | undefined)?.id;
      if (id === '2') issue.state = 'closed';
      else if (id === '711') issue.state = 'open';
      else return { status: 400, json: { errorMessages: ['Transition id is not valid'], errors: {} } };
      return { status: 204 };
    }
    return { status: 404, json: { message: `No such route in the fake tracker: ${method} ${path}` } };
  };

  server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const text = await readBody(request);
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    requests.push({ method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: request.headers, body });
    if (failures.count > 0) {
      failures.count--;
      response.writeHead(failures.status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Server Error' }));
      return;
    }
    const answer = route(request.method ?? 'GET', url.pathname, url.searchParams, (body && typeof body === 'object' ? body : {}) as Record<string, unknown>);
    if (answer.json === undefined) response.writeHead(answer.status).end();
    else response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer.json));
  });
  await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
  return {
    url: base(),
    requests,
    issues,
    failNext: (count, status) => {
      failures = { count, status };
    },
    close: () => new Promise((resolve) => server!.close(() => resolve())),
  };
}
