import { describe, expect, it } from 'vitest';
import { evictOnEvents, ReviewDocumentCache } from './review-document.cache.js';

describe('ReviewDocumentCache', () => {
  it('serves an entry only for its key, and builds once for concurrent readers', async () => {
    const cache = new ReviewDocumentCache();
    let builds = 0;
    const build = (json: string) => async () => {
      builds++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return json;
    };
    const [a, b] = await Promise.all([cache.getOrBuild(1, 'k1', build('{"v":1}')), cache.getOrBuild(1, 'k1', build('{"v":1}'))]);
    expect(builds).toBe(1);
    expect(a).toBe(b);
    expect(cache.get(1, 'k1')?.json.toString()).toBe('{"v":1}');
    expect(cache.get(1, 'k2')).toBeUndefined();
    const next = await cache.getOrBuild(1, 'k2', build('{"v":2}'));
    expect(next.json.toString()).toBe('{"v":2}');
    expect(next.etag).not.toBe(a.etag);
    expect(builds).toBe(2);
  });

  it('evicts the least recently used documents beyond its budget, and forgets failed builds', async () => {
    const cache = new ReviewDocumentCache(10);
    await cache.getOrBuild(1, 'a', async () => '12345');
    await cache.getOrBuild(2, 'b', async () => '12345');
    cache.get(1, 'a');
    await cache.getOrBuild(3, 'c', async () => '123');
    expect(cache.get(2, 'b')).toBeUndefined();
    expect(cache.get(1, 'a')).toBeDefined();
    expect(cache.get(3, 'c')).toBeDefined();
    await expect(cache.getOrBuild(4, 'd', async () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect((await cache.getOrBuild(4, 'd', async () => '1')).json.toString()).toBe('1');
  });

  it('forgets what committed events made stale: a review by its id, a timeline by its incident, everything on a resync', async () => {
    const cache = new ReviewDocumentCache();
    const subscriber = evictOnEvents(cache);
    const fill = async () => {
      await cache.getOrBuild(1, '10|a', async () => '{}');
      await cache.getOrBuild(2, '20|b', async () => '{}');
    };
    const at = { id: 1, at: '', actor: { userId: 1, name: 'Ana' } };
    await fill();
    await subscriber.onEvents([{ ...at, type: 'factor.changed', incidentId: 10, reviewId: 1, factorId: 3, change: 'updated' }]);
    expect([cache.get(1, '10|a'), cache.get(2, '20|b')].map(Boolean)).toEqual([false, true]);
    await fill();
    await subscriber.onEvents([{ ...at, type: 'timeline.entry_deleted', incidentId: 20, entryId: 4 }]);
    expect([cache.get(1, '10|a'), cache.get(2, '20|b')].map(Boolean)).toEqual([true, false]);
    await fill();
    await subscriber.onResync?.();
    expect([cache.get(1, '10|a'), cache.get(2, '20|b')].map(Boolean)).toEqual([false, false]);
  });
});
