import { describe, expect, it } from 'vitest';
import type { Session } from '../../shared/accounts/account.schema.js';
import { apiToken, signedIn } from '../../../test/support/accounts.js';
import { useTestApp } from '../../../test/support/app.js';
import { createTestDatabase, databaseKinds, testConfig } from '../../../test/support/databases.js';
import { PRINCIPAL_CACHE_MS, PrincipalCache, principalCacheOf } from './principal-cache.js';
import type { Principal } from './principal.js';

const principal = (tokenId: number) => ({ via: 'token', tokenId, session: null }) as Principal;

describe('PrincipalCache', () => {
  const now = 1_000_000;

  it(`answers with what was set for ${PRINCIPAL_CACHE_MS} ms, then forgets it`, () => {
    const cache = new PrincipalCache();
    const alice = principal(1);
    cache.set('hash-a', alice, cache.generation, now, Infinity);
    expect(cache.get('hash-a', now)).toBe(alice);
    expect(cache.get('hash-a', now + PRINCIPAL_CACHE_MS - 1)).toBe(alice);
    expect(cache.get('hash-a', now + PRINCIPAL_CACHE_MS)).toBeUndefined();
    expect(cache.get('hash-a', now)).toBeUndefined(); // an expired entry is dropped, not kept for a clock going back
    expect(cache.get('hash-b', now)).toBeUndefined();
  });

  it('forgets a token at its own expiry when that comes sooner', () => {
    const cache = new PrincipalCache();
    const expiresAt = now + 1_000;
    cache.set('hash-a', principal(1), cache.generation, now, expiresAt);
    expect(cache.get('hash-a', expiresAt - 1)).toBeDefined();
    expect(cache.get('hash-a', expiresAt)).toBeUndefined();
  });

  it('forgets an entry when the clock steps back, so a clock correction cannot stretch its life', () => {
    const cache = new PrincipalCache();
    cache.set('hash-a', principal(1), cache.generation, now, Infinity);
    expect(cache.get('hash-a', now - 1)).toBeUndefined();
  });

  it('forgets everything on clear', () => {
    const cache = new PrincipalCache();
    cache.set('hash-a', principal(1), cache.generation, now, Infinity);
    cache.set('hash-b', principal(2), cache.generation, now, Infinity);
    cache.clear();
    expect(cache.get('hash-a', now)).toBeUndefined();
    expect(cache.get('hash-b', now)).toBeUndefined();
  });

  it('ignores a lookup that a clear overtook: a token read before its revocation committed is not kept', () => {
    const cache = new PrincipalCache();
    const generation = cache.generation; // the lookup starts
    cache.clear(); // a revocation commits meanwhile
    cache.set('hash-a', principal(1), generation, now, Infinity);
    expect(cache.get('hash-a', now)).toBeUndefined();
  });

  it('is one cache per database handle', async () => {
    const [first, second] = await Promise.all([createTestDatabase('sqlite'), createTestDatabase('sqlite')]);
    try {
      expect(principalCacheOf(first.handle.db)).toBe(principalCacheOf(first.handle.db));
      expect(principalCacheOf(first.handle.db)).not.toBe(principalCacheOf(second.handle.db));
    } finally {
      await Promise.all([first.drop(), second.drop()]);
    }
  });
});

describe.each(databaseKinds)('API tokens resolved from the principal cache on %s', (kind) => {
  const t = useTestApp(kind, testConfig());
  const sessionOf = (token: { request: typeof t.request }) => token.request<Session>({ method: 'GET', url: '/api/auth/session' });
  const later = (ms: number) => (t.clock.now = new Date(t.clock.now.getTime() + ms));

  it('refuses a revoked token on the very next call', async () => {
    const sara = await signedIn(t, 'responder');
    const token = await apiToken(t, sara);
    expect((await sessionOf(token)).status).toBe(200);
    expect((await sara.request({ method: 'DELETE', url: `/api/tokens/${token.id}` })).status).toBe(204);
    expect((await sessionOf(token)).status).toBe(401);
  });

  it("acts with its user's new role from the very next call", async () => {
    const admin = await signedIn(t, 'admin');
    const sara = await signedIn(t, 'responder');
    const token = await apiToken(t, sara);
    expect((await sessionOf(token)).body.user.role).toBe('responder');
    const changed = await admin.request({ method: 'PATCH', url: `/api/users/${sara.user.id}`, payload: { version: sara.user.version, role: 'viewer' } });
    expect(changed.status).toBe(200);
    expect((await sessionOf(token)).body.user.role).toBe('viewer');
  });

  it('refuses the token of a user disabled since, on the very next call', async () => {
    const admin = await signedIn(t, 'admin');
    const sara = await signedIn(t, 'responder');
    const token = await apiToken(t, sara);
    expect((await sessionOf(token)).status).toBe(200);
    const disabled = await admin.request({ method: 'PATCH', url: `/api/users/${sara.user.id}`, payload: { version: sara.user.version, disabled: true } });
    expect(disabled.status).toBe(200);
    expect((await sessionOf(token)).status).toBe(401);
  });

  it(`honours a change made in the database behind the services' back within ${PRINCIPAL_CACHE_MS} ms, not before`, async () => {
    const sara = await signedIn(t, 'responder');
    const token = await apiToken(t, sara);
    expect((await sessionOf(token)).status).toBe(200);
    // As another app instance on the same PostgreSQL would: this instance is not told.
    await t.ctx.db.updateTable('api_tokens').set({ revoked_at: t.clock.now.toISOString() }).where('id', '=', token.id).execute();
    expect((await sessionOf(token)).status).toBe(200);
    later(PRINCIPAL_CACHE_MS - 1);
    expect((await sessionOf(token)).status).toBe(200);
    later(1);
    expect((await sessionOf(token)).status).toBe(401);
  });

  it(`refuses a token the moment it expires, even when that is sooner than ${PRINCIPAL_CACHE_MS} ms after it was cached`, async () => {
    const sara = await signedIn(t, 'responder');
    const expiresAt = new Date(t.clock.now.getTime() + PRINCIPAL_CACHE_MS / 2).toISOString();
    const token = await apiToken(t, sara, 'responder', { expiresAt });
    expect(token.expiresAt).toBe(expiresAt);
    expect((await sessionOf(token)).status).toBe(200);
    later(PRINCIPAL_CACHE_MS / 2 - 1);
    expect((await sessionOf(token)).status).toBe(200);
    later(1);
    expect((await sessionOf(token)).status).toBe(401);
  });
});
