import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { RelatedIncidentList, SearchPage } from '../../shared/search/search.schema.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { useRunners } from '../../../test/support/jobs.js';
import { sql, type SqlBool } from 'kysely';
import { documentCounts, fullTextQuery } from '../db/search-dialect.js';
import { tokeniseQuery } from '../../shared/search/search-terms.js';
import { reindexIfBehind } from './search-index.job.js';
import { searchIndex } from './search.repo.js';
import { createReview, get, patch, post, publishReview } from '../../../test/support/reviews.js';

/** Until every search job enqueued so far has run. */
async function indexed(t: TestApp): Promise<void> {
  await vi.waitFor(
    async () => {
      const pending = await t.ctx.db.selectFrom('jobs').select('id').where('kind', 'like', 'search.%').where('state', 'in', ['queued', 'running']).execute();
      expect(pending).toHaveLength(0);
    },
    { timeout: 15_000, interval: 25 },
  );
}

const searchAs = (t: TestApp, role: 'admin' | 'viewer', query: string) => t.requestAs<SearchPage>(role, { method: 'GET', url: `/api/search?${query}` });
const ids = (page: SearchPage) => page.items.map((hit) => hit.incidentId);

describe.each(databaseKinds)('search and related incidents on %s', (kind) => {
  const t = useTestApp(kind);
  const runner = useRunners();
  const world = {} as { failover: Incident; failoverReview: Review; mention: Incident; secret: Incident; later: Incident; laterReview: Review };

  // A worker for every test (useRunners stops them after each); the setup below starts its own.
  const startRunner = () => runner({ ...t.ctx, now: () => new Date() }, t.ctx.hooks.jobs);
  beforeEach(startRunner);

  beforeAll(async () => {
    startRunner();
    const failover = await createReview(t, { title: 'Database failover stalled checkout', severity: 'sev1', services: ['payments-api', 'checkout'], labels: ['db'], impactStartedAt: '2026-03-10T09:00:00Z' });
    await patch(t, `/api/reviews/${failover.review.id}`, { version: failover.review.version, summary: 'The primary database failover left the replica lagging.', learnings: 'Indexes ship with their migrations.' });
    await post(t, `/api/incidents/${failover.incident.id}/timeline`, { occurredAt: '2026-03-10T09:05:00Z', text: 'Zebrafish alarm fired for the replica lag' });
    await post(t, `/api/reviews/${failover.review.id}/factors`, { kind: 'contributor', title: 'Missing index after migration', category: 'technical', tags: ['data-migration'] });
    await post(t, `/api/reviews/${failover.review.id}/whys`, { title: 'Checkout stalled', steps: [{ why: 'Why did queries stall?', because: 'A table scan on orders' }] });
    await post(t, `/api/reviews/${failover.review.id}/action-items`, { title: 'Add a canary check to the migration review' });
    await t.request({ method: 'PUT', url: `/api/reviews/${failover.review.id}/questions/went_well`, payload: { answer: 'Paging worked within a minute' } });

    const mention = await createReview(t, { title: 'Slow dashboard', severity: 'sev3', services: ['dashboard'], impactStartedAt: '2026-05-01T12:00:00Z' });
    await patch(t, `/api/reviews/${mention.review.id}`, { version: mention.review.version, summary: 'Dashboards were slow for an hour.' });
    await post(t, `/api/incidents/${mention.incident.id}/timeline`, { occurredAt: '2026-05-01T12:10:00Z', text: 'Someone asked whether a failover was under way; it was not' });

    const secret = await createReview(t, { title: 'Confidential failover of the vault', severity: 'sev1', services: ['payments-api'], restricted: true, impactStartedAt: '2026-02-01T08:00:00Z' });
    await post(t, `/api/reviews/${secret.review.id}/factors`, { kind: 'contributor', title: 'Vault migration left no index', category: 'technical', tags: ['data-migration'] });

    const later = await createReview(t, { title: 'Orders stalled again after a migration', severity: 'sev2', services: ['payments-api'], impactStartedAt: '2026-06-01T10:00:00Z' });
    await post(t, `/api/reviews/${later.review.id}/factors`, { kind: 'contributor', title: 'Migration without an index check', category: 'technical', tags: ['data-migration'] });
    await indexed(t);
    Object.assign(world, { failover: failover.incident, failoverReview: failover.review, mention: mention.incident, secret: secret.incident, later: later.incident, laterReview: later.review });
  });

  it('ranks a title and summary hit above a passing mention, with highlighted extracts naming the field', async () => {
    const { body, status } = await searchAs(t, 'viewer', 'q=failover');
    expect(status).toBe(200);
    expect(ids(body)).toEqual([world.failover.id, world.mention.id]);
    expect(body.total).toBe(2);
    const [best, passing] = body.items;
    expect(best!.matches.map((m) => m.field)).toEqual(['title', 'summary']);
    expect(best!.matches[0]!.segments).toContainEqual({ text: 'failover', highlight: true });
    expect(passing!.matches.map((m) => m.field)).toEqual(['timeline']);
    expect(passing!.matches[0]!.segments.filter((s) => s.highlight).map((s) => s.text)).toEqual(['failover']);
  });

  it.each([
    ['timeline', 'zebrafish'],
    ['factors', 'missing index'],
    ['whys', 'table scan'],
    ['actionItems', 'canary'],
    ['answers', 'paging worked'],
    ['learnings', 'indexes ship'],
  ])('finds words of the %s', async (field, words) => {
    const { body } = await searchAs(t, 'viewer', `q=${encodeURIComponent(words)}`);
    const hit = body.items.find((h) => h.incidentId === world.failover.id);
    expect(hit?.matches.map((m) => m.field)).toContain(field);
  });

  it('matches the last word as a prefix while it is typed, highlighting the word it starts', async () => {
    const typed = (await searchAs(t, 'viewer', 'q=zebraf')).body;
    expect(ids(typed)).toEqual([world.failover.id]);
    expect(typed.items[0]!.matches).toContainEqual({ field: 'timeline', segments: expect.arrayContaining([{ text: 'Zebrafish', highlight: true }]) });
    expect(ids((await searchAs(t, 'viewer', 'q=zebraf%20')).body)).toEqual([]);
  });

  it('ranks only the most recently written matches when asked to (the palette), counting those', async () => {
    const all = (await searchAs(t, 'admin', 'q=failover')).body;
    expect((await searchAs(t, 'admin', 'q=failover&rank=recent')).body).toEqual(all);
    expect((await searchAs(t, 'admin', 'q=fail&rank=recent&limit=1')).body).toMatchObject({ items: [all.items[0]], total: 3, totalCapped: false });
    const request = { textQuery: fullTextQuery(kind, tokeniseQuery('failover')), visible: sql<SqlBool>`1 = 1`, filters: { facets: [] }, offset: 0, limit: 5 };
    // The two latest of the three are the passing mention and the restricted vault, whose title ranks it first.
    const latestTwo = await searchIndex(t.ctx.db, kind, { ...request, ranking: { recent: 2 } });
    expect(latestTwo.rows.map((row) => row.incident_id)).toEqual([world.secret.id, world.mention.id]);
    expect(latestTwo).toMatchObject({ total: 2, capped: true });
    expect((await searchAs(t, 'viewer', 'q=vault&rank=recent')).body).toEqual({ items: [], total: 0, totalCapped: false, nextCursor: null });
    expect(ids((await searchAs(t, 'viewer', 'q=failover&rank=recent&severity=sev3')).body)).toEqual([world.mention.id]);
  });

  it('finds the best matches a viewer may see when many better ones are hidden from them', async () => {
    // More restricted matches than a search first joins (the page and a margin of 100), each outranking the visible ones.
    const hidden = 130;
    const now = new Date().toISOString();
    const incidentIds = (
      await t.ctx.db.insertInto('incidents').values(Array.from({ length: hidden + 2 }, (_, i) => ({
        title: i < hidden ? 'Zeppelin zeppelin' : 'Airship', severity: 'sev4', user_facing: 0, services: '[]', labels: '[]', commander: null, responders: '[]', customer_impact: null,
        status: 'resolved', impact_started_at: null, detected_at: null, responded_at: null, mitigated_at: null, resolved_at: null, started_at_ms: Date.parse('2025-01-01T00:00:00Z') + i,
        restricted: i < hidden ? 1 : 0, created_at: now, updated_at: now,
      }))).returning('id').execute()
    ).map((row) => row.id);
    const firstReviewId = 1_000_000;
    try {
      await t.ctx.db.insertInto('search_documents').values(incidentIds.map((incidentId, i) => ({
        review_id: firstReviewId + i, incident_id: incidentId, severity: 'sev4', state: 'published', owner_user_id: null, owner_name: null,
        started_at_ms: Date.parse('2025-01-01T00:00:00Z') + i, indexed_at_ms: 0, title: i < hidden ? 'Zeppelin zeppelin' : 'Airship',
        summary: i < hidden ? 'The zeppelin drifted' : '', impact: '', factors: '', whys: '', learnings: '', timeline: i < hidden ? '' : 'A zeppelin was seen', answers: '', action_items: '',
      }))).execute();
      const visibleOnes = incidentIds.slice(hidden).reverse();
      const viewer = (await searchAs(t, 'viewer', 'q=zeppelin&limit=2')).body;
      expect(ids(viewer)).toEqual(visibleOnes);
      expect(viewer).toMatchObject({ total: 2, totalCapped: false, nextCursor: null });
      expect(ids((await searchAs(t, 'viewer', 'q=zeppelin&limit=1')).body)).toEqual(visibleOnes.slice(0, 1));
      expect((await searchAs(t, 'admin', 'q=zeppelin&limit=2')).body.total).toBe(hidden + 2);
    } finally {
      await t.ctx.db.deleteFrom('search_documents').where('review_id', '>=', firstReviewId).execute();
      await t.ctx.db.deleteFrom('incidents').where('id', 'in', incidentIds).execute();
    }
  });

  it.each([
    ['service=payments-api', () => [world.later.id, world.failover.id]],
    ['service=PAYMENTS-API&q=failover', () => [world.failover.id]],
    ['factorCategory=technical', () => [world.later.id, world.failover.id]],
    ['tag=data-migration&q=stalled', () => [world.later.id, world.failover.id]],
    ['severity=sev3', () => [world.mention.id]],
    ['severity=sev1,sev2', () => [world.later.id, world.failover.id]],
    ['label=db', () => [world.failover.id]],
    ['from=2026-04-01&to=2026-05-31', () => [world.mention.id]],
    ['from=2026-03-10T09:00:00Z&to=2026-03-10T09:00:01Z', () => [world.failover.id]],
    ['owner=nobody', () => []],
    ['state=draft&q=failover', () => [world.failover.id, world.mention.id]],
    ['state=published', () => []],
  ])('filters by %s (restricted incidents left out)', async (query, expected) => {
    const { body } = await searchAs(t, 'viewer', query);
    expect(ids(body).sort()).toEqual(expected().sort());
    expect(body.total).toBe(expected().length);
  });

  it('shows restricted incidents only to their members, in results and counts', async () => {
    const viewer = await searchAs(t, 'viewer', 'q=failover');
    expect(ids(viewer.body)).not.toContain(world.secret.id);
    expect(viewer.body.total).toBe(2);
    const admin = await searchAs(t, 'admin', 'q=failover');
    expect(ids(admin.body)).toContain(world.secret.id);
    expect(admin.body.total).toBe(3);
    expect((await searchAs(t, 'viewer', 'q=vault')).body).toEqual({ items: [], total: 0, totalCapped: false, nextCursor: null });
  });

  it('counts matches only up to a cap, saying there are more', async () => {
    expect((await searchAs(t, 'admin', 'q=failover')).body).toMatchObject({ total: 3, totalCapped: false });
    const request = { textQuery: fullTextQuery(kind, tokeniseQuery('failover')), visible: sql<SqlBool>`1 = 1`, filters: { facets: [] }, offset: 0, limit: 1 };
    expect(await searchIndex(t.ctx.db, kind, { ...request, countUpTo: 2 })).toMatchObject({ total: 2, capped: true });
    expect(await searchIndex(t.ctx.db, kind, { ...request, countUpTo: 3 })).toMatchObject({ total: 3, capped: false });
  });

  it('tells common words from rare ones cheaply (counted up to a cap, or estimated by ANALYZE)', async () => {
    const counts = async (terms: string[], cap: number) =>
      new Map((await documentCounts(kind, terms, cap).execute(t.ctx.db)).rows.map((row) => [row.term, Number(row.documents)]));
    if (kind === 'sqlite') {
      expect(await counts(['failover', 'zebrafish', 'nowhere'], 2)).toEqual(new Map([['failover', 2], ['zebrafish', 1], ['nowhere', 0]]));
      return;
    }
    await sql`analyze search_documents`.execute(t.ctx.db);
    const estimated = await counts(['failover', 'nowhere'], 2);
    expect(estimated.get('failover')).toBeGreaterThan(0);
    expect(estimated.get('nowhere') ?? 0).toBe(0);
  });

  it('pages with a cursor', async () => {
    const first = (await searchAs(t, 'admin', 'q=failover&limit=2')).body;
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(3);
    const second = (await searchAs(t, 'admin', `q=failover&limit=2&cursor=${first.nextCursor}`)).body;
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(3);
  });

  it.each(['"', '"unbalanced', '*', 'fail*', '-failover', 'title:failover', '(failover', 'failover)', 'NEAR(a b)', 'a OR b', 'AND', 'NOT failover', "'", '\\', '%', ':*', '&|!', '   ', 'x'.repeat(500), 'é', '😀'])(
    'answers %j with 200',
    async (q) => {
      const { status } = await searchAs(t, 'viewer', `q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
    },
  );

  it.each(['limit=0', 'limit=51', 'severity=sev9', 'state=nope', 'from=yesterday', 'cursor=forged', 'q=' + 'x'.repeat(501), 'unknown=1'])('refuses %s with 400', async (query) => {
    expect((await searchAs(t, 'viewer', query)).status).toBe(400);
  });

  it('follows an edit and a publication', async () => {
    const review = await get<Review>(t, `/api/reviews/${world.laterReview.id}`);
    await patch(t, `/api/reviews/${review.id}`, { version: review.version, summary: 'A kumquat-shaped spike in orders.' });
    await indexed(t);
    expect(ids((await searchAs(t, 'viewer', 'q=kumquat')).body)).toEqual([world.later.id]);
    await post(t, `/api/incidents/${world.later.id}/timeline`, { occurredAt: '2026-06-01T10:05:00Z', text: 'Orders queue backed up' });
    await publishReview(t, review.id);
    await indexed(t);
    const published = (await searchAs(t, 'viewer', 'state=published')).body;
    expect(ids(published)).toEqual([world.later.id]);
    expect(published.items[0]!.state).toBe('published');
  });

  it('relates earlier incidents by services, factors and words, with reasons, never restricted ones for non-members', async () => {
    const url = `/api/reviews/${world.laterReview.id}/related`;
    const viewer = (await t.requestAs<RelatedIncidentList>('viewer', { method: 'GET', url })).body;
    expect(viewer.items.map((item) => item.incidentId)).toEqual([world.failover.id]);
    expect(viewer.items[0]!.reasons).toEqual(
      expect.arrayContaining([`the same contributor category, *Technical*, in #${world.failover.id}`, 'factors also tagged *Data migration*', 'also affected *payments-api*']),
    );
    const admin = (await t.requestAs<RelatedIncidentList>('admin', { method: 'GET', url })).body;
    expect(admin.items.map((item) => item.incidentId).sort()).toEqual([world.failover.id, world.secret.id].sort());
    expect(admin.items[0]!.reasons[0]).toMatch(/in #\d+ and #\d+/);
    // Only earlier incidents: the first one has nothing before it that it shares anything with.
    expect((await get<RelatedIncidentList>(t, `/api/reviews/${world.failoverReview.id}/related`)).items.map((i) => i.incidentId)).toEqual([world.secret.id]);
    expect((await t.requestAs('viewer', { method: 'GET', url: `/api/reviews/${world.failoverReview.id}/related?limit=0` })).status).toBe(400);
  });

  it('reindexes at start-up what the index does not hold (e.g. just after the migration)', async () => {
    await t.ctx.db.deleteFrom('search_facets').execute();
    await t.ctx.db.deleteFrom('search_documents').execute();
    expect((await searchAs(t, 'admin', 'q=failover')).body.total).toBe(0);
    expect(await reindexIfBehind(t.ctx)).toBe(true);
    await indexed(t);
    expect((await searchAs(t, 'admin', 'q=failover')).body.total).toBe(3);
    expect(await reindexIfBehind(t.ctx)).toBe(false);
  });

  it('answers 404 for the related incidents of a review the caller may not see', async () => {
    const secretReview = (await get<{ review: { id: number } | null }>(t, `/api/incidents/${world.secret.id}`)).review!;
    expect((await t.requestAs('viewer', { method: 'GET', url: `/api/reviews/${secretReview.id}/related` })).status).toBe(404);
  });
});
