import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChangeEvent, ChangeImportResult, SuspectList } from '../../shared/changes/change.schema.js';
import { changeTimelineText } from '../../shared/changes/suspects.js';
import type { Problem } from '../../shared/errors.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, get, post } from '../../../test/support/reviews.js';

const githubDeployments = readFileSync(new URL('../../../test/fixtures/changes/github-deployments.json', import.meta.url), 'utf8');
type Page = { items: ChangeEvent[]; nextCursor: string | null };

const importChanges = (t: TestApp, payload: object) => t.request<ChangeImportResult & Problem>({ method: 'POST', url: '/api/changes/import', payload });
const fields = (body: Problem) => body.errors?.map((e) => e.field);

/** The changes.added events, each with the action of the audit entry recorded beside it. */
async function changeEvents(t: TestApp) {
  const db = t.database.handle.db;
  const events = await db.selectFrom('events').select(['data', 'at']).where('type', '=', 'changes.added').orderBy('id').execute();
  const audits = await db.selectFrom('audit_log').select('action').where('entity_type', '=', 'change_event').orderBy('id').execute();
  return events.map((e, i) => ({ event: JSON.parse(e.data) as unknown, audit: audits[i]?.action }));
}

describe.each(databaseKinds)('changes on %s', (kind) => {
  const t = useTestApp(kind);

  it('previews a CSV, imports it, and creates nothing new when the same list comes again', async () => {
    const csv = [
      'deployed_at,service,description,author,url,environment,sha',
      '2026-01-05T09:00:00Z,billing,Release 1.4,alice,https://ci.example.com/1,production,aaa111',
      '2026-01-05T11:00:00+01:00,billing,Release 1.5,bob,,production,bbb222',
      '2026-01-05T11:00:00,billing,No zone,carol,,,ccc333',
      '2026-01-05T09:00:00Z,billing,Release 1.4 again,alice,,,aaa111',
    ].join('\n');
    const preview = await importChanges(t, { format: 'csv', content: csv, dryRun: true });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ created: 0, known: 1, problems: [{ row: 4, field: 'occurredAt' }] });
    expect(preview.body.changes.map((c) => [c.title, c.id, c.known])).toEqual([['Release 1.4', null, false], ['Release 1.5', null, false], ['Release 1.4 again', null, true]]);
    expect(await get<Page>(t, '/api/changes?service=billing')).toEqual({ items: [], nextCursor: null });

    const eventsBefore = await changeEvents(t);
    const imported = await importChanges(t, { format: 'csv', content: csv });
    expect(imported.body).toMatchObject({ created: 2, known: 1 });
    const again = await importChanges(t, { format: 'csv', content: csv });
    expect(again.body).toMatchObject({ created: 0, known: 3 });
    // One event and audit entry for what was new; nothing for the list that brought nothing new.
    const ids = imported.body.changes.slice(0, 2).map((c) => c.id);
    expect((await changeEvents(t)).slice(eventsBefore.length)).toEqual([{ event: { type: 'changes.added', changeIds: ids }, audit: 'change.import' }]);
    expect(again.body.changes.map((c) => c.id)).toEqual(imported.body.changes.map((c) => c.id));

    const listed = await get<Page>(t, '/api/changes?service=BILLING');
    expect(listed.items.map((c) => [c.title, c.occurredAt, c.author, c.link, c.source])).toEqual([
      ['Release 1.5', '2026-01-05T11:00:00+01:00', 'bob', null, 'csv'],
      ['Release 1.4', '2026-01-05T09:00:00Z', 'alice', 'https://ci.example.com/1', 'csv'],
    ]);
    const zoned = await importChanges(t, { format: 'csv', content: csv, timeZone: 'America/New_York' });
    expect(zoned.body).toMatchObject({ created: 1, problems: [] });
    expect(zoned.body.changes.find((c) => c.title === 'No zone')?.occurredAt).toBe('2026-01-05T11:00:00-05:00');
  });

  it('imports a JSON array and the GitHub "List deployments" format', async () => {
    const json = JSON.stringify([{ timestamp: '2026-01-06T08:00:00Z', app: 'ledger', title: 'Add index', type: 'migration', actor: 'erin', id: 'm-42' }]);
    const fromJson = await importChanges(t, { format: 'json', content: json });
    expect(fromJson.body.changes).toEqual([expect.objectContaining({ service: 'ledger', kind: 'migration', author: 'erin', source: 'json', externalId: 'ledger/m-42', known: false })]);

    const fromGithub = await importChanges(t, { format: 'github_deployments', content: githubDeployments });
    expect(fromGithub.body).toMatchObject({ created: 2, known: 0, problems: [] });
    expect(fromGithub.body.changes.map((c) => [c.service, c.title, c.author, c.environment, c.externalId, c.occurredAt])).toEqual([
      ['example', 'Deploy request from hubot', 'octocat', 'production', '1', '2012-07-20T01:19:13Z'],
      ['example', 'deploy of main @ 7638417', 'monalisa', 'production', '2', '2026-03-10T08:53:00Z'],
    ]);
    expect(fromGithub.body.changes[1]?.link).toBe('https://github.com/octocat/example/commit/7638417db6d59f3c431d3e1f261cc637155684cd');
    expect((await importChanges(t, { format: 'github_deployments', content: githubDeployments, service: 'other-name' })).body).toMatchObject({ created: 0, known: 2 });
  });

  it.each([
    [{ format: 'csv', content: 'service,title\napi,x' }, 'content'],
    [{ format: 'json', content: '{nope' }, 'content'],
    [{ format: 'xml', content: '<a/>' }, 'format'],
    [{ format: 'csv', content: 'time\n2026-01-01T00:00:00Z', timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ format: 'csv', content: '' }, 'content'],
  ])('answers problem+json naming the field for %o', async (payload, field) => {
    const response = await importChanges(t, payload);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(fields(response.body)).toEqual([field]);
  });

  it('records one change from a CI pipeline once, however often it is sent', async () => {
    const deploy = { service: 'gateway', title: 'Release 9', occurredAt: '2026-01-07T12:00:00+02:00', externalId: 'run-981', link: 'https://ci.example.com/981' };
    const first = await t.request<ChangeEvent>({ method: 'POST', url: '/api/changes', payload: deploy });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'deploy', source: 'api', externalId: 'gateway/run-981', occurredAt: '2026-01-07T12:00:00+02:00' });
    const second = await t.request<ChangeEvent>({ method: 'POST', url: '/api/changes', payload: { ...deploy, title: 'Release 9 (retried)' } });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const withoutId = { service: 'gateway', title: 'Hotfix', occurredAt: '2026-01-07T13:00:00Z' };
    expect((await t.request({ method: 'POST', url: '/api/changes', payload: withoutId })).status).toBe(201);
    expect((await t.request({ method: 'POST', url: '/api/changes', payload: withoutId })).status).toBe(200);
  });

  it.each([
    [{ service: 'gateway', title: 'x', occurredAt: '2026-01-07T12:00:00' }, 'occurredAt'],
    [{ service: 'gateway', title: 'x', occurredAt: '2026-01-07T12:00:00Z', link: 'javascript:alert(1)' }, 'link'],
    [{ service: '', title: 'x', occurredAt: '2026-01-07T12:00:00Z' }, 'service'],
    [{ service: 'gateway', title: 'x', occurredAt: '2026-01-07T12:00:00Z', kind: 'reboot' }, 'kind'],
  ])('refuses %o naming the field', async (payload, field) => {
    const response = await t.request<Problem>({ method: 'POST', url: '/api/changes', payload });
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual([field]);
  });

  it('lists changes in a time range newest first, a page at a time', async () => {
    for (let hour = 10; hour < 15; hour += 1) await post(t, '/api/changes', { service: 'pager', title: `Release ${hour}`, occurredAt: `2026-01-08T${hour}:00:00Z` });
    const range = 'service=pager&from=2026-01-08T11:00:00Z&to=2026-01-08T14:00:00Z&limit=2';
    const first = await get<Page>(t, `/api/changes?${range}`);
    expect(first.items.map((c) => c.title)).toEqual(['Release 14', 'Release 13']);
    const second = await get<Page>(t, `/api/changes?${range}&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ items: [{ title: 'Release 12' }, { title: 'Release 11' }], nextCursor: null });
    expect((await t.request<Problem>({ method: 'GET', url: '/api/changes?cursor=forged' })).status).toBe(400);
  });

  it("ranks the changes near an incident's impact start and knows which were added to its timeline", async () => {
    const { incident } = await createReview(t, { impactStartedAt: '2026-02-10T09:00:00Z', services: ['payments-api'] });
    const changes = [
      { service: 'search', title: 'Reindex', occurredAt: '2026-02-10T08:58:00Z' },
      { service: 'payments-api', title: 'Raise pool', occurredAt: '2026-02-10T06:00:00Z', author: 'alice' },
      { service: 'payments-api', title: 'Release 1.4', occurredAt: '2026-02-10T08:48:00Z', link: 'https://ci.example.com/14' },
      { service: 'payments-api', title: 'Too early', occurredAt: '2026-02-09T08:00:00Z' },
      { service: 'payments-api', title: 'Too late', occurredAt: '2026-02-10T10:30:00Z' },
    ];
    for (const change of changes) await post(t, '/api/changes', change);
    const suspects = await get<SuspectList>(t, `/api/incidents/${incident.id}/suspect-changes`);
    expect(suspects.impactStartedAt).toBe('2026-02-10T09:00:00Z');
    expect(suspects.items.map((s) => [s.change.title, s.offsetMinutes, s.sameService, s.reason, s.timelineEntryId])).toEqual([
      ['Release 1.4', -12, true, 'deploy to payments-api 12 min before impact started', null],
      ['Raise pool', -180, true, 'deploy to payments-api 3 h before impact started', null],
      ['Reindex', -2, false, "deploy to search 2 min before impact started (not one of this incident's services)", null],
    ]);
    const narrow = await get<SuspectList>(t, `/api/incidents/${incident.id}/suspect-changes?beforeHours=1&afterHours=2`);
    expect(narrow.items.map((s) => s.change.title)).toEqual(['Release 1.4', 'Too late', 'Reindex']);

    const release = suspects.items[0]!.change;
    const entry = await post<{ id: number }>(t, `/api/incidents/${incident.id}/timeline`, { occurredAt: release.occurredAt, kind: 'action', source: 'deploy', text: changeTimelineText(release) });
    const after = await get<SuspectList>(t, `/api/incidents/${incident.id}/suspect-changes`);
    expect(after.items.map((s) => s.timelineEntryId)).toEqual([entry.id, null, null]);
  });

  it('answers 404 for a restricted incident to someone outside it, as every incident route does', async () => {
    const { incident } = await createReview(t, { impactStartedAt: '2026-02-20T09:00:00Z', services: ['vault'], restricted: true });
    await post(t, '/api/changes', { service: 'vault', title: 'Rotate tokens', occurredAt: '2026-02-20T08:30:00Z' });
    const outsider = await t.requestAs<Problem>('responder', { method: 'GET', url: `/api/incidents/${incident.id}/suspect-changes` });
    expect(outsider.status).toBe(404);
    expect(JSON.stringify(outsider.body)).not.toContain('Rotate tokens');
    expect((await get<SuspectList>(t, `/api/incidents/${incident.id}/suspect-changes`)).items.map((s) => s.change.title)).toEqual(['Rotate tokens']);
  });
});
