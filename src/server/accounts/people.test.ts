import { describe, expect, it } from 'vitest';
import type { Person } from '../../shared/accounts/people.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { createUser, signedIn } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';

type People = { items: Person[] };

describe.each(databaseKinds)('the people directory on %s', (kind) => {
  const t = useTestApp(kind, testConfig());
  const people = (q: string, role: 'viewer' | 'responder' | 'admin' = 'responder') =>
    t.requestAs<People>(role, { method: 'GET', url: `/api/people?q=${encodeURIComponent(q)}` });

  it('finds active users by the start of their name, of a word in it, or (admins only) of their email; id and name only', async () => {
    const sara = await createUser(t, { name: 'Sara Lindqvist', email: `sara.${kind}@people.example.com` });
    const lars = await createUser(t, { name: 'Lars Ødegaard', email: `l.odegaard.${kind}@people.example.com`, role: 'admin' });
    await createUser(t, { name: 'Sarah Disabled', email: `sarah.${kind}@people.example.com`, disabled: true });

    const byName = await people('SAR');
    expect(byName.status).toBe(200);
    expect(byName.body.items).toEqual([{ id: sara.id, name: 'Sara Lindqvist' }]);
    expect(Object.keys(byName.body.items[0]!)).toEqual(['id', 'name']);

    expect((await people('lindq')).body.items.map((p) => p.id)).toEqual([sara.id]);
    // By email for admins only: a responder could otherwise spell out any address one prefix at a time.
    expect((await people(`l.odegaard.${kind}`, 'admin')).body.items.map((p) => p.id)).toEqual([lars.id]);
    expect((await people(`l.odegaard.${kind}`)).body.items).toEqual([]);
    expect((await people('l.')).body.items).toEqual([]);
    expect((await people('indqvist')).body.items).toEqual([]);
    expect((await people('people.example.com')).body.items).toEqual([]);
  });

  it('treats LIKE wildcards as text and answers at most 20, sorted by name', async () => {
    for (let i = 0; i < 23; i++) await createUser(t, { name: `Zed ${String(i).padStart(2, '0')}`, email: `zed${i}.${kind}@example.com` });
    const page = (await people('zed')).body.items;
    expect(page).toHaveLength(20);
    expect(page.map((p) => p.name)).toEqual(Array.from({ length: 20 }, (_, i) => `Zed ${String(i).padStart(2, '0')}`));
    expect((await people('%')).body.items).toEqual([]);
    expect((await people('z_d')).body.items).toEqual([]);
    expect((await people('')).body.items).toHaveLength(20);
  });

  it('is for responders and admins: viewers get 403, anonymous callers 401', async () => {
    expect((await people('sara', 'admin')).status).toBe(200);
    expect((await people('sara', 'viewer')).status).toBe(403);
    expect((await t.requestAs(null, { method: 'GET', url: '/api/people?q=sara' })).status).toBe(401);
    const responder = await signedIn(t, 'responder');
    expect((await responder.request({ method: 'GET', url: '/api/people' })).status).toBe(200);
  });
});
