import { Migrator } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Problem } from '../../shared/errors.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import type { TimelineComment } from '../../shared/timeline/timeline.schema.js';
import { createUser, signedIn } from '../../../test/support/accounts.js';
import { useTestApp } from '../../../test/support/app.js';
import { createTestDatabase, databaseKinds } from '../../../test/support/databases.js';
import { createIncident } from '../../../test/support/factories.js';
import { useRunners } from '../../../test/support/jobs.js';
import { createReview, get, patch, post } from '../../../test/support/reviews.js';
import type { User } from '../../shared/accounts/account.schema.js';
import { migrateToLatest } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { renamePerson } from './people.service.js';
import { renamePersonJob } from './rename-person.job.js';

type Page<T> = { items: T[] };

describe.each(databaseKinds)('people as accounts on %s', (kind) => {
  const t = useTestApp(kind);
  const runner = useRunners();

  it('renaming a user renames them on incidents and action items once the job has run', async () => {
    const ana = await createUser(t, { name: 'Ana Before', role: 'responder' });
    const { incident, review } = await createReview(t, { commander: { userId: ana.id } });
    const item = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Alert on pool saturation', owner: { userId: ana.id } });
    expect(JSON.stringify(await get(t, `/api/reviews/${review.id}/document`))).toContain('Ana Before'); // now cached
    await patch<User>(t, `/api/users/${ana.id}`, { version: ana.version, name: 'Ana After' });
    expect((await get<Incident>(t, `/api/incidents/${incident.id}`)).commander?.name).toBe('Ana Before');
    t.clock.now = new Date(t.clock.now.getTime() + 1_000); // the test's clock stands still; a real one moves on
    runner(t.ctx, [renamePersonJob]);
    await vi.waitFor(async () => {
      expect((await get<Incident>(t, `/api/incidents/${incident.id}`)).commander).toEqual({ userId: ana.id, name: 'Ana After' });
      expect((await get<ActionItem>(t, `/api/action-items/${item.id}`)).owner).toEqual({ userId: ana.id, name: 'Ana After' });
    });
    // The cached review document follows: the rename moved the rows' updated_at, part of its key.
    const document = JSON.stringify(await get(t, `/api/reviews/${review.id}/document`));
    expect([document.includes('Ana After'), document.includes('Ana Before')]).toEqual([true, false]);
  });

  it('names users by id, by exact e-mail or name, and keeps anyone else as a plain name', async () => {
    const priya = await createUser(t, { name: 'Priya Shah', email: 'priya@example.com', role: 'responder' });
    const tom = await createUser(t, { name: 'Tom Berg', role: 'responder' });
    const incident = await createIncident(t, { commander: 'PRIYA@example.com', responders: [{ userId: tom.id }, 'tom berg', { name: 'Priya Shah' }, 'Alex (vendor)'] });
    expect(incident.commander).toEqual({ userId: priya.id, name: 'Priya Shah' });
    expect(incident.responders).toEqual([
      { userId: tom.id, name: 'Tom Berg' },
      { userId: tom.id, name: 'Tom Berg' },
      { userId: null, name: 'Priya Shah' },
      { userId: null, name: 'Alex (vendor)' },
    ]);
    const unknown = await t.request<Problem>({ method: 'POST', url: '/api/incidents', payload: { title: 'x', severity: 'sev3', commander: { userId: 999_999 } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'commander', in: 'body', message: 'no user with id 999999' }]);
  });

  it('gives the review to the commander, and lists "my reviews" and "my action items" for whoever asks', async () => {
    const me = await signedIn(t, 'responder');
    const incident = await createIncident(t, { severity: 'sev1', userFacing: true, commander: { userId: me.user.id } });
    const review = (await post<Incident>(t, `/api/incidents/${incident.id}/resolve`, {})).review!;
    expect(review.owner).toEqual({ userId: me.user.id, name: me.user.name });
    const mine = await me.request<Page<Review>>({ method: 'GET', url: '/api/reviews?owner=me' });
    expect(mine.body.items.map((r) => r.id)).toEqual([review.id]);

    const item = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Alert on saturation', owner: { userId: me.user.id } });
    await post(t, `/api/reviews/${review.id}/action-items`, { title: 'Someone else', owner: 'Ana (no account)' });
    const myItems = await me.request<Page<ActionItem>>({ method: 'GET', url: '/api/action-items?owner=me' });
    expect(myItems.body.items.map((i) => i.id)).toEqual([item.id]);
    const byName = await get<Page<ActionItem>>(t, '/api/action-items?owner=ana%20(no%20account)');
    expect(byName.items.map((i) => i.title)).toEqual(['Someone else']);
  });

  it('takes the signed-in user as the author and the person asking for a review, never a typed name', async () => {
    const me = await signedIn(t, 'responder');
    const incident = await createIncident(t);
    const review = await me.request<Review>({ method: 'POST', url: `/api/incidents/${incident.id}/review`, payload: {} });
    expect(review.body.requestedBy).toEqual({ userId: me.user.id, name: me.user.name });
    const entry = await me.request<{ id: number; author: unknown }>({ method: 'POST', url: `/api/incidents/${incident.id}/timeline`, payload: { occurredAt: '2026-03-10T09:00:00Z', text: 'x' } });
    expect(entry.body.author).toEqual({ userId: me.user.id, name: me.user.name });
  });

  it('resolves @mentions in comments to users', async () => {
    const ana = await createUser(t, { name: 'Ana Lima', email: 'ana.lima@example.com' });
    const { incident } = await createReview(t);
    const entry = await post<{ id: number }>(t, `/api/incidents/${incident.id}/timeline`, { occurredAt: '2026-03-10T09:00:00Z', text: 'Alert fired' });
    const comment = await post<TimelineComment>(t, `/api/timeline/${entry.id}/comments`, { text: '@Ana Lima was this the first page? cc @nobody' });
    expect(comment.mentions).toEqual([{ userId: ana.id, name: 'Ana Lima' }]);
    const event = await t.database.handle.db.selectFrom('events').select('data').where('type', '=', 'comment.added').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toMatchObject({ mentions: [ana.id] });
  });

  it("keeps a renamed user's name current wherever they are named", async () => {
    const ana = await createUser(t, { name: 'Ana Old', role: 'responder' });
    const incident = await createIncident(t, { commander: { userId: ana.id }, responders: [{ userId: ana.id }] });
    await t.database.handle.db.updateTable('users').set({ name: 'Ana New' }).where('id', '=', ana.id).execute();
    expect(await renamePerson(t.ctx.db, ana.id, 'Ana New', new Date().toISOString())).toBeGreaterThan(0);
    const read = await get<Incident>(t, `/api/incidents/${incident.id}`);
    expect([read.commander, read.responders[0]]).toEqual([
      { userId: ana.id, name: 'Ana New' },
      { userId: ana.id, name: 'Ana New' },
    ]);
  });
});

describe.each(databaseKinds)('the people migration on %s', (kind) => {
  it('matches the names already stored to users by e-mail or name, and keeps the rest as names', async () => {
    const database = await createTestDatabase(kind, { migrate: false });
    const db = database.handle.db;
    try {
      const before = Object.keys(migrations).filter((name) => name < '2026-12-02-0009-people');
      await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(before.at(-1)!);
      const now = new Date().toISOString();
      const user = (name: string, email: string) => ({ email, name, role: 'responder', created_at: now, updated_at: now });
      const [priya] = await db.insertInto('users').values([user('Priya Shah', 'priya@example.com'), user('Sam Lee', 'sam1@example.com'), user('Sam Lee', 'sam2@example.com')]).returning('id').execute();
      const [incident] = await db
        .insertInto('incidents')
        .values({
          title: 'Old', severity: 'sev2', user_facing: 0, services: '[]', labels: '[]', commander: 'priya shah', responders: '["Sam Lee","priya@example.com","Vendor"]',
          customer_impact: null, status: 'active', impact_started_at: null, detected_at: null, responded_at: null, mitigated_at: null, resolved_at: null,
          started_at_ms: 0, created_at: now, updated_at: now,
        } as never)
        .returning('id')
        .execute();
      await migrateToLatest(db);
      const row = await db.selectFrom('incidents').select(['commander', 'commander_user_id', 'responders']).where('id', '=', incident!.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ commander: 'Priya Shah', commander_user_id: priya!.id });
      // Two users share "Sam Lee": that name stays a plain name rather than guessing.
      expect(JSON.parse(row.responders)).toEqual([
        { userId: null, name: 'Sam Lee' },
        { userId: priya!.id, name: 'Priya Shah' },
        { userId: null, name: 'Vendor' },
      ]);
    } finally {
      await database.drop();
    }
  });
});
