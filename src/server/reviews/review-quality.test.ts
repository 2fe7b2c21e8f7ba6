import { describe, expect, it, vi } from 'vitest';
import type { Review } from '../../shared/reviews/review.schema.js';
import type { z } from 'zod';
import type { qualityScoreSchema } from '../../shared/reviews/review-quality.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { useRunners } from '../../../test/support/jobs.js';
import { createReview, get, patch, post } from '../../../test/support/reviews.js';

type Quality = z.infer<typeof qualityScoreSchema>;

describe.each(databaseKinds)('review quality score on %s', (kind) => {
  const t = useTestApp(kind);
  const runner = useRunners();

  it('scores a review, names the field of each blaming phrase, and shows the score in lists', async () => {
    const { review } = await createReview(t, { commander: 'Sara Lind', responders: ['Bob Marley'] });
    const empty = await get<Quality>(t, `/api/reviews/${review.id}/quality`);
    expect(empty.parts.completeness).toBeLessThan(50);

    await patch(t, `/api/reviews/${review.id}`, {
      version: review.version,
      summary: 'The outage was caused by Bob. Bob should have checked the migration. Sara restarted the pods at 09:05.',
      impact: 'Card payments failed for 38 minutes.',
    });
    const contributor = await post<{ id: number }>(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: 'Migration review has no index check', category: 'process' });
    await post(t, `/api/reviews/${review.id}/action-items`, { title: 'Be more careful', factorIds: [contributor.id] });

    const quality = await get<Quality>(t, `/api/reviews/${review.id}/quality`);
    expect(quality.score).toBeGreaterThanOrEqual(0);
    expect(quality.score).toBeLessThan(100);
    const summaryFindings = quality.languageFindings.filter((f) => f.field === 'summary');
    expect(summaryFindings.map((f) => f.rule)).toEqual(expect.arrayContaining(['person-as-cause', 'counterfactual']));
    expect(summaryFindings.every((f) => !f.excerpt.includes('restarted'))).toBe(true);
    expect(quality.actionFindings.map((f) => f.rule)).toContain('relies-on-vigilance');
    expect(quality.reasons.length).toBeGreaterThan(0);

    // Lists show the score stored by the job that follows the review's changes.
    runner({ ...t.ctx, now: () => new Date() }, t.ctx.hooks.jobs);
    const listedScore = async () => (await get<{ items: Review[] }>(t, '/api/reviews?limit=200')).items.find((r) => r.id === review.id)?.qualityScore;
    await vi.waitFor(async () => expect(await listedScore()).toBe(quality.score), { timeout: 15_000, interval: 100 });
  });
});
