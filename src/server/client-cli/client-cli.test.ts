import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import type { SearchPage } from '../../shared/search/search.schema.js';
import { apiToken, signedIn } from '../../../test/support/accounts.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { useRunners } from '../../../test/support/jobs.js';
import { hindsight } from '../../../test/support/server-process.js';
import { createReview, post } from '../../../test/support/reviews.js';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-client-cli-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
/** No config file of the machine's user is read: an empty config home. */
const isolated = { XDG_CONFIG_HOME: path.join(folder, 'no-config'), HINDSIGHT_URL: '', HINDSIGHT_TOKEN: '', HINDSIGHT_CLIENT_CONFIG: '' };

describe.each(databaseKinds)('the command-line client against a running app on %s', (kind) => {
  const t = useTestApp(kind);
  const runner = useRunners();
  // Before the app closes (hooks run in reverse): keep-alive connections of the clients would hold it open.
  afterAll(() => t.app.server.closeAllConnections());
  const world = {} as { url: string; responder: string; responderId: number; viewer: string; review: Review; incident: Incident; secretTitle: string };
  /** Runs `hindsight ...` as the responder token's user unless told otherwise. */
  const cli = (args: string[], env: Record<string, string> = {}) => hindsight(args, { ...isolated, HINDSIGHT_URL: world.url, HINDSIGHT_TOKEN: world.responder, ...env });
  const cliJson = async <T>(args: string[], env: Record<string, string> = {}): Promise<T> => {
    const result = await cli([...args, '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as T;
  };

  beforeAll(async () => {
    runner({ ...t.ctx, now: () => new Date() }, t.ctx.hooks.jobs);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { incident, review } = await createReview(t, { title: 'Cache stampede after deploy', severity: 'sev2', services: ['web-cache'], impactStartedAt: '2026-05-01T09:00:00Z' });
    await post(t, `/api/reviews/${review.id}/action-items`, { title: 'Jitter cache expiry' });
    const secretTitle = `Secretive ${kind} incident`;
    await createReview(t, { title: secretTitle, severity: 'sev1', restricted: true });
    const responder = await signedIn(t, 'responder');
    const viewer = await signedIn(t, 'viewer');
    Object.assign(world, {
      url: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`,
      responder: (await apiToken(t, responder)).token,
      responderId: responder.user.id,
      viewer: (await apiToken(t, viewer)).token,
      review,
      incident,
      secretTitle,
    });
  });

  it('creates, lists and shows incidents; --json parses back', { timeout: 300_000 }, async () => {
    const created = await cliJson<Incident>(['incidents', 'create', '--title', `Disk full on ${kind}`, '--severity', 'sev3', '--service', 'storage', '--service', 'backups', '--label', 'disk']);
    expect(created).toMatchObject({ title: `Disk full on ${kind}`, severity: 'sev3', services: ['storage', 'backups'], labels: ['disk'] });
    const [listed, shown, table] = await Promise.all([
      cliJson<{ items: Incident[] }>(['incidents', 'list', '--severity', 'sev3,sev2', '--limit', '50']),
      cliJson<Incident>(['incidents', 'show', String(created.id)]),
      cli(['incidents', 'list']),
    ]);
    expect(listed.items.map((i) => i.id)).toEqual(expect.arrayContaining([created.id, world.incident.id]));
    expect(listed.items.map((i) => i.title)).not.toContain(world.secretTitle);
    expect(shown).toEqual(created);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+Severity\s+Status\s+Started\s+Title/);
    expect(table.stdout).toContain(`Disk full on ${kind}`);
    expect(table.stdout).not.toContain(world.secretTitle);
  });

  it('shows and exports reviews, lists action items and searches', { timeout: 300_000 }, async () => {
    const pdf = path.join(folder, `review-${kind}.pdf`);
    const [review, markdown, written, actions, actionTable] = await Promise.all([
      cliJson<Review>(['reviews', 'show', String(world.review.id)]),
      cli(['reviews', 'export', String(world.review.id)]),
      cli(['reviews', 'export', String(world.review.id), '--format', 'pdf', '--output', pdf]),
      cliJson<{ items: ActionItem[] }>(['actions', 'list', '--review', String(world.review.id)]),
      cli(['actions', 'list', '--status', 'soaking']),
    ]);
    expect(review).toMatchObject({ id: world.review.id, incidentTitle: 'Cache stampede after deploy' });
    expect(markdown.stdout).toMatch(/^# .*Cache stampede after deploy/m);
    expect(written).toMatchObject({ code: 0, stdout: `Wrote ${pdf}\n` });
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(actions.items.map((a) => a.title)).toEqual(['Jitter cache expiry']);
    expect(actionTable.stdout).toMatch(/^ID\s+Status\s+Due\s+Owner\s+Title\s+Incident/);
    // The search index follows events: wait until the review is found.
    let search: SearchPage = { items: [], total: 0, totalCapped: false, nextCursor: null };
    for (let attempt = 0; attempt < 60 && search.items.length === 0; attempt++) {
      search = await cliJson<SearchPage>(['search', 'cache', 'stampede']);
      if (search.items.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(search.items.map((hit) => hit.reviewId)).toEqual([world.review.id]);
    expect((await cli(['search', 'secretive'])).stdout).not.toContain(world.secretTitle);
  });

  it('reads the server and token from a config file, or from flags over the environment', { timeout: 300_000 }, async () => {
    const file = path.join(folder, `config-${kind}.json`);
    fs.writeFileSync(file, JSON.stringify({ url: world.url, token: world.viewer }));
    const home = path.join(folder, `home-${kind}`);
    fs.mkdirSync(path.join(home, 'hindsight'), { recursive: true });
    fs.writeFileSync(path.join(home, 'hindsight', 'config.json'), JSON.stringify({ url: world.url, token: world.viewer }));
    const [fromFile, fromDefaultFile, fromFlags] = await Promise.all([
      hindsight(['incidents', 'show', String(world.incident.id), '--json', '--config', file], isolated),
      hindsight(['incidents', 'show', String(world.incident.id), '--json'], { ...isolated, XDG_CONFIG_HOME: home }),
      hindsight(['incidents', 'show', String(world.incident.id), '--json', '--url', world.url, '--token', world.viewer], { ...isolated, HINDSIGHT_URL: 'http://127.0.0.1:9', HINDSIGHT_TOKEN: 'wrong' }),
    ]);
    for (const result of [fromFile, fromDefaultFile, fromFlags]) {
      expect(result.code, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as Incident).id).toBe(world.incident.id);
    }
  });

  it('imports postmortems into the server with --url, audited as the token user; a viewer token is refused', { timeout: 300_000 }, async () => {
    const postmortems = path.join(folder, `postmortems-${kind}`);
    fs.mkdirSync(postmortems, { recursive: true });
    fs.writeFileSync(path.join(postmortems, 'search-outage.md'), ['# Search outage on ' + kind, '', 'Severity: SEV2', '', '## Timeline (UTC)', '- 2024-03-05 14:02 Search errors alert', '- 14:30 Index restored', ''].join('\n'));
    const refused = await hindsight(['import', '--url', world.url, '--token', world.viewer, postmortems], isolated);
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/^403 .*responder/);
    const imported = await hindsight(['import', '--url', world.url, postmortems], { ...isolated, HINDSIGHT_TOKEN: world.responder });
    expect(imported.code, imported.stderr).toBe(0);
    const id = Number(/^search-outage\.md\s.*created incident (\d+)$/m.exec(imported.stdout)?.[1]);
    expect(id).toBeGreaterThan(0);
    const created = await t.ctx.db.selectFrom('audit_log').select(['actor_user_id']).where('entity_type', '=', 'incident').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
    expect(created.actor_user_id).toBe(world.responderId);
  });

  it.concurrent.each([
    { name: 'a missing incident', args: () => ['incidents', 'show', '999999'], env: () => ({}), code: 1, says: /^404 / },
    { name: 'a viewer creating an incident', args: () => ['incidents', 'create', '--title', 'x', '--severity', 'sev4'], env: () => ({ HINDSIGHT_TOKEN: world.viewer }), code: 1, says: /^403 .*responder/ },
    { name: 'input the server refuses', args: () => ['incidents', 'create', '--title', 'x', '--severity', 'sev9'], env: () => ({}), code: 1, says: /^400 .*severity/ },
    { name: 'a server that does not answer', args: () => ['incidents', 'list'], env: () => ({ HINDSIGHT_URL: 'http://127.0.0.1:9' }), code: 3, says: /^Cannot reach the Hindsight server at http:\/\/127\.0\.0\.1:9/ },
    { name: 'a token the server does not accept', args: () => ['actions', 'list'], env: () => ({ HINDSIGHT_TOKEN: 'not-a-token' }), code: 3, says: /^401 .*\nCheck the token/ },
  ])('$name: exit $code', { timeout: 300_000 }, async ({ args, env, code, says }) => {
    const result = await cli(args(), env());
    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr).toMatch(says);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

/** What the command line decides before it talks to a server: no database needed, run once. */
describe('the command-line client before it reaches a server', () => {
  const cli = (args: string[], env: Record<string, string> = {}) => hindsight(args, { ...isolated, HINDSIGHT_URL: 'http://127.0.0.1:9', HINDSIGHT_TOKEN: 'unused', ...env });
  it.concurrent.each([
    { name: 'a missing required option', args: () => ['incidents', 'create', '--title', 'x'], env: () => ({}), code: 2, says: /--title and --severity are required/ },
    { name: 'an unknown option', args: () => ['incidents', 'list', '--bogus'], env: () => ({}), code: 2, says: /^Unknown option '--bogus'/ },
    { name: 'an id that is not a number', args: () => ['reviews', 'show', 'abc'], env: () => ({}), code: 2, says: /The review id must be a positive whole number/ },
    { name: 'an unknown subcommand', args: () => ['incidents', 'delete'], env: () => ({}), code: 2, says: /^Unknown command "incidents delete"/ },
    { name: 'no server given', args: () => ['incidents', 'list'], env: () => ({ HINDSIGHT_URL: '' }), code: 2, says: /^No Hindsight server given/ },
  ])('$name: exit $code', { timeout: 300_000 }, async ({ args, env, code, says }) => {
    const result = await cli(args(), env());
    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr).toMatch(says);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it.concurrent.each([
    [['incidents', '--help'], /^Usage:\n {2}hindsight incidents list/],
    [['incidents', 'list', '--help'], /^Usage: hindsight incidents list/],
    [['incidents', 'show', '-h'], /^Usage: hindsight incidents show <id>/],
    [['incidents', 'create', '--help'], /^Usage: hindsight incidents create --title/],
    [['reviews', '--help'], /^Usage:\n {2}hindsight reviews show/],
    [['reviews', 'show', '--help'], /^Usage: hindsight reviews show/],
    [['reviews', 'export', '--help'], /^Usage: hindsight reviews export/],
    [['actions', 'list', '--help'], /^Usage: hindsight actions list/],
    [['search', '--help'], /^Usage: hindsight search <words>/],
    [['mcp', '--help'], /^Usage: hindsight mcp/],
  ])('%j prints its help and exits 0', { timeout: 300_000 }, async (args, says) => {
    const result = await hindsight(args, isolated);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(says);
    expect(result.stdout).toMatch(/Exit codes: 0 done, 1 the server refused/);
  });
});
