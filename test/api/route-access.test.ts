import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { roleAtLeast, type Role } from '../../src/shared/accounts/roles.js';
import type { Incident } from '../../src/shared/incidents/incident.schema.js';
import { useTestApp, type TestApp } from '../support/app.js';
import { createUser, signedIn, type Browser } from '../support/accounts.js';
import { databaseKinds } from '../support/databases.js';
import { incidentInput } from '../support/factories.js';

/**
 * Who may call what. Every route of the OpenAPI document must be listed here: adding a route means
 * deciding, in this table, who may call it. The walk below calls every route as every role and as
 * nobody, and checks the outcome against the table.
 */
const expectedAccess: Record<string, 'public' | 'signed' | Role> = {
  'GET /healthz': 'public',
  'GET /livez': 'public',
  'GET /readyz': 'public',
  // Not an account's route: open to this machine or to HINDSIGHT_METRICS_TOKEN (operations/metrics.test.ts).
  'GET /metrics': 'public',
  'GET /api/incidents': 'viewer',
  'GET /api/services': 'viewer',
  'POST /api/incidents': 'responder',
  'GET /api/incidents/{id}': 'viewer',
  'PATCH /api/incidents/{id}': 'responder',
  'POST /api/incidents/{id}/resolve': 'responder',
  'POST /api/incidents/{id}/labels': 'responder',
  'DELETE /api/incidents/{id}/labels/{label}': 'responder',
  'GET /api/incidents/{id}/review': 'viewer',
  'POST /api/incidents/{id}/review': 'responder',
  'GET /api/reviews': 'viewer',
  'GET /api/reviews/overdue': 'viewer',
  'GET /api/reviews/overdue/count': 'viewer',
  'GET /api/reviews/{id}': 'viewer',
  'PATCH /api/reviews/{id}': 'responder',
  'GET /api/reviews/{id}/transitions': 'viewer',
  'POST /api/reviews/{id}/transitions': 'responder',
  'GET /api/incidents/{id}/timeline': 'viewer',
  'POST /api/incidents/{id}/timeline': 'responder',
  'POST /api/incidents/{id}/timeline/batch': 'responder',
  'GET /api/incidents/{id}/timeline/contradictions': 'viewer',
  'POST /api/incidents/{id}/timeline/clock-offset': 'responder',
  'GET /api/incidents/{id}/metrics': 'viewer',
  'GET /api/timeline/{entryId}': 'viewer',
  'PATCH /api/timeline/{entryId}': 'responder',
  'DELETE /api/timeline/{entryId}': 'responder',
  'GET /api/timeline/{entryId}/history': 'viewer',
  'GET /api/timeline/{entryId}/comments': 'viewer',
  'POST /api/timeline/{entryId}/comments': 'responder',
  'GET /api/reviews/{id}/document': 'viewer',
  'GET /api/reviews/{id}/quality': 'viewer',
  'GET /api/reviews/{id}/related': 'viewer',
  'GET /api/search': 'viewer',
  'GET /api/reviews/{id}/markdown': 'viewer',
  'GET /api/reviews/{id}/export': 'viewer',
  'POST /api/reviews/{id}/reads': 'viewer',
  'GET /api/knowledge-base': 'viewer',
  'GET /api/knowledge-base/export': 'viewer',
  'GET /api/taxonomy': 'viewer',
  'GET /api/reviews/{id}/factors': 'viewer',
  'POST /api/reviews/{id}/factors': 'responder',
  'GET /api/factors/{id}': 'viewer',
  'PATCH /api/factors/{id}': 'responder',
  'DELETE /api/factors/{id}': 'responder',
  'POST /api/factors/{id}/links': 'responder',
  'DELETE /api/factors/{id}/links/{toFactorId}': 'responder',
  'GET /api/factors/{id}/link-suggestions': 'viewer',
  'GET /api/reviews/{id}/whys': 'viewer',
  'POST /api/reviews/{id}/whys': 'responder',
  'GET /api/whys/{id}': 'viewer',
  'PATCH /api/whys/{id}': 'responder',
  'DELETE /api/whys/{id}': 'responder',
  'POST /api/whys/{id}/links': 'responder',
  'DELETE /api/whys/{id}/links/{toFactorId}': 'responder',
  'GET /api/whys/{id}/link-suggestions': 'viewer',
  'GET /api/reviews/{id}/comments': 'viewer',
  'POST /api/reviews/{id}/comments': 'responder',
  'PATCH /api/reviews/{id}/comments/{commentId}': 'responder',
  'DELETE /api/reviews/{id}/comments/{commentId}': 'responder',
  'POST /api/reviews/{id}/comments/{commentId}/resolve': 'responder',
  'POST /api/reviews/{id}/comments/{commentId}/reopen': 'responder',
  'GET /api/reviews/{id}/async-review': 'viewer',
  'POST /api/reviews/{id}/reviewers': 'responder',
  'DELETE /api/reviews/{id}/reviewers/{userId}': 'responder',
  'POST /api/reviews/{id}/sign-off': 'responder',
  'GET /api/reviews/{id}/meeting': 'viewer',
  'PUT /api/reviews/{id}/meeting': 'responder',
  'GET /api/reviews/{id}/meeting.ics': 'viewer',
  'GET /api/global-review': 'viewer',
  'GET /api/global-review/sessions/{day}': 'viewer',
  'PUT /api/global-review/sessions/{day}/notes': 'responder',
  'PUT /api/global-review/sessions/{day}/attendees': 'responder',
  'GET /api/global-review/calendar.ics': 'viewer',
  'GET /api/portfolio': 'viewer',
  'POST /api/portfolio/merge': 'responder',
  'GET /api/digests/weekly': 'viewer',
  'GET /api/digests/weekly/export': 'viewer',
  'GET /api/reviews/{id}/notes': 'viewer',
  'PUT /api/reviews/{id}/notes': 'responder',
  'POST /api/reviews/{id}/notes/proposals': 'viewer',
  'POST /api/reviews/{id}/notes/accept': 'responder',
  'GET /api/reviews/{id}/meeting/mode': 'viewer',
  'PUT /api/reviews/{id}/meeting/mode': 'responder',
  'GET /api/reviews/{id}/questions': 'viewer',
  'PUT /api/reviews/{id}/questions/{key}': 'responder',
  'DELETE /api/reviews/{id}/questions/{key}': 'responder',
  'GET /api/action-items': 'viewer',
  'GET /api/reviews/{id}/action-items': 'viewer',
  'POST /api/reviews/{id}/action-items': 'responder',
  'GET /api/action-items/{id}': 'viewer',
  'PATCH /api/action-items/{id}': 'responder',
  'DELETE /api/action-items/{id}': 'responder',
  'POST /api/action-items/{id}/accept': 'responder',
  'POST /api/action-items/{id}/decline': 'responder',
  'GET /api/auth/providers': 'public',
  'POST /api/auth/sign-in': 'public',
  'POST /api/auth/sign-out': 'public',
  'GET /api/auth/session': 'public',
  'GET /api/setup': 'public',
  'POST /api/setup': 'public',
  'GET /api/auth/oidc/start': 'public',
  'GET /api/auth/oidc/callback': 'public',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'GET /api/users/{id}': 'admin',
  'PATCH /api/users/{id}': 'admin',
  'GET /api/people': 'responder',
  'POST /api/tokens': 'viewer',
  'GET /api/tokens': 'viewer',
  'GET /api/trends/action-items': 'viewer',
  'GET /api/trends/backlog': 'viewer',
  'GET /api/trends/contributors': 'viewer',
  'GET /api/trends/durations': 'viewer',
  'GET /api/trends/incidents': 'viewer',
  'GET /api/trends/review-deadlines': 'viewer',
  'DELETE /api/tokens/{id}': 'viewer',
  'GET /api/audit': 'admin',
  'GET /api/incidents/{id}/access': 'viewer',
  'PUT /api/incidents/{id}/access': 'responder',
  'GET /api/live': 'viewer',
  'POST /api/language/check': 'viewer',
  'POST /api/imports': 'responder',
  'POST /api/imports/chat': 'responder',
  'GET /api/changes': 'viewer',
  'POST /api/changes': 'responder',
  'POST /api/changes/import': 'responder',
  'GET /api/incidents/{id}/suspect-changes': 'viewer',
  'GET /api/reviews/{id}/attachments': 'viewer',
  'GET /api/reviews/{id}/attachments/{attachmentId}': 'viewer',
  'GET /api/admin/jobs': 'admin',
  'GET /api/admin/jobs/summary': 'admin',
  'GET /api/admin/jobs/{id}': 'admin',
  'POST /api/admin/jobs/{id}/retry': 'admin',
  'POST /api/admin/jobs/ping': 'admin',
  'GET /api/me/notification-preferences': 'viewer',
  'PUT /api/me/notification-preferences': 'viewer',
  'GET /api/admin/webhook-endpoints': 'admin',
  'POST /api/admin/webhook-endpoints': 'admin',
  'PATCH /api/admin/webhook-endpoints/{id}': 'admin',
  'DELETE /api/admin/webhook-endpoints/{id}': 'admin',
  'POST /api/reviews/{id}/external-summaries/preview': 'responder',
  'POST /api/reviews/{id}/external-summaries': 'responder',
  'GET /api/reviews/{id}/external-summaries': 'viewer',
  'GET /api/reviews/{id}/external-summaries/{summaryId}': 'viewer',
  'GET /api/reviews/{id}/external-summaries/{summaryId}/markdown': 'viewer',
  'GET /api/reviews/{id}/external-summaries/{summaryId}/pdf': 'viewer',
  'POST /api/reviews/{id}/external-summaries/{summaryId}/revoke': 'responder',
  // Anyone with the link: the token is the credential (sharing/external-summaries.test.ts).
  'GET /api/shared/{token}': 'public',
  'GET /api/trackers': 'admin',
  'POST /api/trackers': 'admin',
  'GET /api/trackers/{id}': 'admin',
  'PATCH /api/trackers/{id}': 'admin',
  'DELETE /api/trackers/{id}': 'admin',
  'POST /api/trackers/{id}/test': 'admin',
  'GET /api/trackers/{id}/people': 'admin',
  'PUT /api/trackers/{id}/people': 'admin',
  'DELETE /api/trackers/{id}/people/{userId}': 'admin',
  'GET /api/reviews/{id}/tracker-issues': 'viewer',
  'POST /api/action-items/{id}/tracker-issue': 'responder',
  // Public but signed with the connection's webhook secret: without a signature everyone gets 401 (trackers/trackers.test.ts).
  'POST /api/trackers/{id}/webhook': 'signed',
  'GET /api/admin/alert-sources': 'admin',
  'POST /api/admin/alert-sources': 'admin',
  'GET /api/admin/alert-sources/{id}': 'admin',
  'PATCH /api/admin/alert-sources/{id}': 'admin',
  'DELETE /api/admin/alert-sources/{id}': 'admin',
  'POST /api/admin/alert-sources/{id}/rotate-secret': 'admin',
  'GET /api/teams': 'viewer',
  'POST /api/teams': 'admin',
  'GET /api/teams/{id}': 'viewer',
  'PATCH /api/teams/{id}': 'admin',
  'DELETE /api/teams/{id}': 'admin',
  // Open to anyone, answered only with the source's signature or secret: unsigned is 401 for every caller (alerts/alerts.test.ts).
  'POST /api/hooks/alerts/{id}': 'signed',
};

type Route = { method: string; path: string };
type Ids = Record<'incident' | 'review' | 'entry' | 'factor' | 'whys' | 'action' | 'comment' | 'user' | 'token', number>;

async function openApiRoutes(t: TestApp): Promise<Route[]> {
  const spec = (await t.requestAs<{ paths: Record<string, Record<string, unknown>> }>(null, { method: 'GET', url: '/api/openapi.json' })).body;
  return Object.entries(spec.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path })));
}

/** Fills a route's path parameters with the ids of real records, so allowed calls reach the handler. */
function urlFor({ path }: Route, ids: Ids): string {
  const byPrefix: Array<[string, number]> = [
    ['/api/incidents/', ids.incident],
    ['/api/reviews/', ids.review],
    ['/api/factors/', ids.factor],
    ['/api/whys/', ids.whys],
    ['/api/action-items/', ids.action],
    ['/api/users/', ids.user],
    ['/api/tokens/', ids.token],
  ];
  const id = byPrefix.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 1;
  return path.replace('{id}', String(id)).replace('{entryId}', String(ids.entry)).replace('{key}', 'went_well').replace('{label}', 'walk').replace('{attachmentId}', '1').replace('{toFactorId}', String(ids.factor)).replace('{commentId}', String(ids.comment)).replace('{userId}', String(ids.user)).replace('{day}', '2026-12-03');
}

/** A review with one of everything, made by `as`; `marker` goes into every text, so a leak is visible. */
async function seed(as: Browser, marker: string, extra: Partial<Parameters<typeof incidentInput>[0]> = {}): Promise<Omit<Ids, 'user' | 'token'>> {
  const post = async <T>(url: string, payload: object) => {
    const response = await as.request<T>({ method: 'POST', url, payload });
    if (response.status >= 300) throw new Error(`${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const incident = await post<Incident>('/api/incidents', incidentInput({ title: `Incident ${marker}`, customerImpact: marker, ...extra }));
  const review = await post<{ id: number }>(`/api/incidents/${incident.id}/review`, {});
  const entry = await post<{ id: number }>(`/api/incidents/${incident.id}/timeline`, { occurredAt: '2026-03-10T09:05:00Z', text: `Entry ${marker}` });
  await post(`/api/timeline/${entry.id}/comments`, { text: `Comment ${marker}` });
  const factor = await post<{ id: number }>(`/api/reviews/${review.id}/factors`, { kind: 'contributor', title: `Factor ${marker}` });
  const whys = await post<{ id: number }>(`/api/reviews/${review.id}/whys`, { title: `Why ${marker}`, steps: [{ why: `Why ${marker}`, because: marker }] });
  const action = await post<{ id: number }>(`/api/reviews/${review.id}/action-items`, { title: `Action ${marker}`, factorIds: [factor.id] });
  await as.request({ method: 'PUT', url: `/api/reviews/${review.id}/questions/went_well`, payload: { answer: `Answer ${marker}` } });
  await as.request({ method: 'PUT', url: `/api/reviews/${review.id}/notes`, payload: { text: `14:05 Notes ${marker}`, revision: 0 } });
  const comment = await post<{ id: number }>(`/api/reviews/${review.id}/comments`, { anchor: { part: 'factors', itemId: String(factor.id) }, text: `Comment ${marker}`, forMeeting: true });
  return { incident: incident.id, review: review.id, entry: entry.id, factor: factor.id, whys: whys.id, action: action.id, comment: comment.id };
}

async function snapshot(t: TestApp): Promise<string> {
  const db = t.ctx.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  // trend_snapshots: figures a read keeps to serve again (trends/trend-snapshots.ts), not data anyone changed.
  const names = (await db.introspection.getTables()).map((table) => table.name).filter((name) => !['sessions', 'api_tokens', 'audit_log', 'trend_snapshots'].includes(name));
  return JSON.stringify(await Promise.all(names.sort().map((name) => db.selectFrom(name).selectAll().execute())));
}

// Calls that end the caller's own session go last, so the walk keeps its sessions until the end.
const lastOf = (route: Route) => (route.path === '/api/auth/sign-out' ? 1 : 0);

describe.each(databaseKinds)('route access on %s', (kind) => {
  const t = useTestApp(kind);

  it('lists every route of the OpenAPI document in the access table', async () => {
    const documented = (await openApiRoutes(t)).map(({ method, path }) => `${method} ${path}`).sort();
    expect(documented).toEqual(Object.keys(expectedAccess).sort());
  });

  it('allows or refuses every route for every role and for no session, as the table says', async () => {
    const callers = { viewer: await signedIn(t, 'viewer'), responder: await signedIn(t, 'responder'), admin: await signedIn(t, 'admin') };
    const seeded = await seed(callers.admin, 'walk');
    const user = await createUser(t);
    const token = (await callers.viewer.request<{ id: number }>({ method: 'POST', url: '/api/tokens', payload: { name: 'walk', role: 'viewer' } })).body;
    const ids: Ids = { ...seeded, user: user.id, token: token.id };
    const routes = (await openApiRoutes(t)).sort((a, b) => lastOf(a) - lastOf(b));
    const outcomes: string[] = [];
    for (const route of routes) {
      const needs = expectedAccess[`${route.method} ${route.path}`]!;
      const options = { method: route.method as 'GET', url: urlFor(route, ids), ...(route.method === 'GET' ? {} : { payload: {} }) };
      const anonymous = await t.requestAs(null, options);
      if (needs === 'signed') {
        for (const [who, response] of [['nobody', anonymous], ...(await Promise.all((['viewer', 'responder', 'admin'] as const).map(async (role) => [role, await callers[role].request(options)] as const)))] as const) {
          if (response.status !== 401) outcomes.push(`${route.method} ${route.path} unsigned as ${who}: ${response.status}, expected 401`);
        }
        continue;
      }
      if (needs !== 'public' && anonymous.status !== 401) outcomes.push(`${route.method} ${route.path} without a session: ${anonymous.status}, expected 401`);
      for (const role of ['viewer', 'responder', 'admin'] as const) {
        const response = await callers[role].request(options);
        const allowed = needs === 'public' || roleAtLeast(role, needs);
        const refused = response.status === 401 || response.status === 403;
        if (allowed === refused) outcomes.push(`${route.method} ${route.path} as ${role}: ${response.status}, expected ${allowed ? 'allowed' : '403'}`);
      }
    }
    expect(outcomes).toEqual([]);
  });

  it('never lets a restricted incident leak to someone who is not a member, through any route', async () => {
    const admin = await signedIn(t, 'admin');
    const member = await signedIn(t, 'responder');
    const outsiders = { responder: await signedIn(t, 'responder'), viewer: await signedIn(t, 'viewer') };
    const marker = `SECRET-${kind}-${Date.now()}`;
    const secret = await seed(admin, marker);
    await admin.request({ method: 'PUT', url: `/api/incidents/${secret.incident}/access`, payload: { restricted: true, memberIds: [member.user.id] } });
    const ids: Ids = { ...secret, user: member.user.id, token: 0 };
    const routes = (await openApiRoutes(t)).filter((route) => route.path !== '/api/auth/sign-out' && !route.path.startsWith('/api/users') && !route.path.startsWith('/api/tokens'));

    expect((await member.request({ method: 'GET', url: `/api/incidents/${secret.incident}` })).status).toBe(200);
    const before = await snapshot(t);
    const leaks: string[] = [];
    for (const [name, outsider] of Object.entries(outsiders)) {
      for (const route of routes) {
        const url = urlFor(route, ids);
        const response = await outsider.request({ method: route.method as 'GET', url, ...(route.method === 'GET' ? {} : { payload: {} }) });
        const text = JSON.stringify(response.body);
        if (text.includes(marker)) leaks.push(`${route.method} ${url} as ${name}: the body shows the restricted incident`);
        const touchesSecret = /\{(id|entryId)\}/.test(route.path) && !route.path.startsWith('/api/taxonomy');
        if (touchesSecret && response.status < 400) leaks.push(`${route.method} ${url} as ${name}: ${response.status}, expected 404`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await snapshot(t)).toBe(before);
  });
});
