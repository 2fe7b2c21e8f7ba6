import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Severity } from '../../shared/incidents/incident.schema.js';
import type { ActionItemTrend, BacklogHealth, ContributorTrend, DurationTrend, IncidentTrend, ReviewDeadlineTrend } from '../../shared/trends/trends.schema.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, patch, post, publishReview } from '../../../test/support/reviews.js';

/**
 * Known answers: a seeded set of incidents (three of them restricted, with extreme values so any
 * leak shows), every expected number computed here from the seed, independently of the service.
 */

const MIN = 60_000;
const DAY = 86_400_000;
const NOW = '2026-12-15T12:00:00.000Z';
const severityOf = (i: number) => (['sev1', 'sev2', 'sev3', 'sev4'] as const)[i % 4] as Severity;
const categories = ['technical', 'process', 'human'];

interface Seed {
  i: number;
  startMs: number;
  severity: Severity;
  service: string;
  restricted: boolean;
  detect: number;
  respondAfterDetect: number;
  mitigate: number | null;
  resolve: number;
  reviewed: boolean;
}

const seeds: Seed[] = Array.from({ length: 30 }, (_, i) => {
  const restricted = i % 10 === 9;
  const detect = restricted ? 5000 * MIN : (((i * 13) % 50) + 1) * MIN;
  const respondAfterDetect = restricted ? 9000 * MIN : ((i * 7) % 20) * MIN;
  const mitigate = i % 4 === 3 ? null : detect + respondAfterDetect + ((i * i) % 300) * MIN;
  return {
    i,
    startMs: Date.UTC(2026, i % 6, 1 + ((i * 7) % 27), 10),
    severity: restricted ? 'sev1' : severityOf(i),
    service: i % 3 === 0 ? 'payments-api' : 'search',
    restricted,
    detect,
    respondAfterDetect,
    mitigate,
    resolve: (mitigate ?? detect + respondAfterDetect) + (i + 1) * 60 * MIN,
    reviewed: i < 12,
  };
});

/** Percentile by linear interpolation between closest ranks, the textbook way. */
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const iso = (ms: number, offsetHours = 0) => DateTime.fromMillis(ms, { zone: offsetHours ? `UTC+${offsetHours}` : 'UTC' }).toISO()!;
const monthOf = (ms: number) => new Date(ms).getUTCMonth(); // the query's months are January..June 2026 in UTC
const QUERY = 'from=2026-01-01&to=2026-06-30&interval=month';

const reviewDueMs = (s: Seed) => s.startMs + 10 * DAY;
const published = (s: Seed): { atMs: number } | null => (s.i % 4 === 0 ? { atMs: reviewDueMs(s) - DAY } : s.i % 4 === 1 ? { atMs: reviewDueMs(s) + 3 * DAY } : null);
const ownerOf = (s: Seed) => (s.i % 2 ? 'Ann Berg' : 'Bo Chen');
const overdueDue = (s: Seed) => s.i % 3 === 0;

async function seed(t: TestApp) {
  for (const s of seeds) {
    t.clock.now = new Date(s.startMs + DAY);
    const incident = {
      title: `Incident ${s.i}`,
      severity: s.severity,
      services: [s.service],
      restricted: s.restricted,
      status: 'resolved' as const,
      impactStartedAt: iso(s.startMs),
      detectedAt: iso(s.startMs + s.detect, s.i % 2 ? 2 : 0),
      respondedAt: iso(s.startMs + s.detect + s.respondAfterDetect),
      mitigatedAt: s.mitigate === null ? null : iso(s.startMs + s.mitigate, 5),
      resolvedAt: iso(s.startMs + s.resolve),
    };
    if (!s.reviewed) {
      await post(t, '/api/incidents', incident);
      continue;
    }
    const { review } = await createReview(t, incident);
    await post(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title: `Cause ${s.i}`, category: categories[s.i % 3], tags: s.i % 2 ? ['deploy', 'config'] : ['deploy'] });
    t.clock.now = new Date(s.startMs + 2 * DAY);
    const open = { title: `Alert on ${s.i}`, owner: ownerOf(s), class: s.i % 2 ? 'detect' : 'prevent', dueDate: overdueDue(s) ? '2026-11-01' : '2027-01-31', status: 'accepted' };
    await post(t, `/api/reviews/${review.id}/action-items`, open);
    const done = await post<{ id: number; version: number }>(t, `/api/reviews/${review.id}/action-items`, { title: `Fix ${s.i}`, owner: ownerOf(s), class: 'mitigate', status: 'in_progress' });
    t.clock.now = new Date(s.startMs + 40 * DAY);
    await patch(t, `/api/action-items/${done.id}`, { version: done.version, status: 'done' });
    await t.ctx.db.updateTable('reviews').set({ due_at_ms: reviewDueMs(s), due_at: iso(reviewDueMs(s)) }).where('id', '=', review.id).execute();
    const publish = published(s);
    if (publish) {
      t.clock.now = new Date(publish.atMs);
      await publishReview(t, review.id);
    }
  }
  t.clock.now = new Date(NOW);
}

/** What a caller who sees `visible` seeds must be told. */
function expected(visible: Seed[]) {
  const months = [0, 1, 2, 3, 4, 5];
  const inMonth = (m: number, ms: (s: Seed) => number = (s) => s.startMs) => visible.filter((s) => monthOf(ms(s)) === m);
  const reviewed = visible.filter((s) => s.reviewed);
  const durations: Record<string, (s: Seed) => number | null> = {
    detect: (s) => s.detect,
    respond: (s) => s.detect + s.respondAfterDetect,
    mitigate: (s) => s.mitigate,
    resolve: (s) => s.resolve,
    gap: (s) => s.respondAfterDetect,
  };
  const dist = (list: Seed[], metric: string) => {
    const values = list.map((s) => durations[metric]!(s)).filter((v): v is number => v !== null).map((v) => v / MIN);
    return { count: values.length, median: percentile(values, 0.5), p90: percentile(values, 0.9), q1: percentile(values, 0.25), max: percentile(values, 1) };
  };
  const late = (s: Seed) => {
    const p = published(s);
    return p ? p.atMs > reviewDueMs(s) : Date.parse(NOW) > reviewDueMs(s);
  };
  const lateDays = (s: Seed) => ((published(s)?.atMs ?? Date.parse(NOW)) - reviewDueMs(s)) / DAY;
  return {
    incidents: Object.fromEntries((['sev1', 'sev2', 'sev3', 'sev4'] as const).map((sev) => [sev, months.map((m) => inMonth(m).filter((s) => s.severity === sev).length)])),
    durations: Object.fromEntries(Object.keys(durations).map((metric) => [metric, { overall: dist(visible, metric), byMonth: months.map((m) => dist(inMonth(m), metric)) }])),
    categories: Object.fromEntries(categories.map((c) => [c, reviewed.filter((s) => categories[s.i % 3] === c).length])),
    tags: { deploy: reviewed.length, config: reviewed.filter((s) => s.i % 2).length },
    deadlines: months.map((m) => {
      const due = inMonth(m, reviewDueMs).filter((s) => s.reviewed);
      const lateOnes = due.filter(late);
      const days = lateOnes.map(lateDays);
      return { due: due.length, met: due.filter((s) => published(s) && !late(s)).length, late: lateOnes.length, pending: 0, medianDaysLate: percentile(days, 0.5), p90DaysLate: percentile(days, 0.9) };
    }),
    created: months.map((m) => inMonth(m, (s) => s.startMs + 2 * DAY).filter((s) => s.reviewed).length * 2),
    done: months.map((m) => inMonth(m, (s) => s.startMs + 40 * DAY).filter((s) => s.reviewed).length),
    open: reviewed.length,
    overdue: reviewed.filter(overdueDue).length,
    overdueByOwner: ['Ann Berg', 'Bo Chen'].map((owner) => ({ owner, overdue: reviewed.filter((s) => ownerOf(s) === owner && overdueDue(s)).length })),
    openByClass: { detect: reviewed.filter((s) => s.i % 2).length, prevent: reviewed.filter((s) => !(s.i % 2)).length },
  };
}

describe.each(databaseKinds)('trends on %s', (kind) => {
  const t = useTestApp(kind);
  beforeAll(() => seed(t), 120_000);

  const as = async <T>(role: 'viewer' | 'admin', path: string) => {
    const response = await t.requestAs<T>(role, { method: 'GET', url: path });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  describe.each(['viewer', 'admin'] as const)('as %s', (role) => {
    const want = () => expected(role === 'admin' ? seeds : seeds.filter((s) => !s.restricted));

    it('counts incidents per month by severity; restricted ones only for who may see them', async () => {
      const trend = await as<IncidentTrend>(role, `/api/trends/incidents?${QUERY}`);
      expect(trend.buckets.map((b) => b.key)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
      expect(Object.fromEntries(trend.series.map((s) => [s.severity, s.counts]))).toEqual(want().incidents);
      expect(trend.totals.reduce((a, b) => a + b, 0)).toBe(role === 'admin' ? 30 : 27);
    });

    it('shows time to detect, respond, mitigate, resolve and the detection-to-response gap as medians and p90s', async () => {
      const trend = await as<DurationTrend>(role, `/api/trends/durations?${QUERY}`);
      for (const metric of trend.metrics) {
        const { overall, byMonth } = want().durations[metric.metric]!;
        expect(metric.overall.count, metric.metric).toBe(overall.count);
        for (const key of ['median', 'p90', 'q1', 'max'] as const) expect(metric.overall[key], `${metric.metric} ${key}`).toBeCloseTo(overall[key]!, 6);
        metric.byBucket.forEach((bucket, i) => {
          expect(bucket.count).toBe(byMonth[i]!.count);
          if (bucket.count) expect(bucket.median, `${metric.metric} month ${i}`).toBeCloseTo(byMonth[i]!.median!, 6);
          if (bucket.count) expect(bucket.p90).toBeCloseTo(byMonth[i]!.p90!, 6);
        });
      }
    });

    it('counts the incidents behind each recurring contributor category and tag', async () => {
      const trend = await as<ContributorTrend>(role, `/api/trends/contributors?${QUERY}`);
      expect(Object.fromEntries(trend.categories.map((c) => [c.name, c.incidents]))).toEqual(want().categories);
      expect(Object.fromEntries(trend.tags.map((c) => [c.name, c.incidents]))).toEqual(want().tags);
      expect(trend.categories.find((c) => c.name === 'technical')).toMatchObject({ label: 'Technical', recurs: true });
      expect(trend.byService.reduce((sum, row) => sum + row.incidents, 0)).toBe(Object.values(want().categories).reduce((a, b) => a + b, 0));
    });

    it('tells review deadlines met and missed, and the days late', async () => {
      const trend = await as<ReviewDeadlineTrend>(role, `/api/trends/review-deadlines?${QUERY}`);
      trend.rows.forEach((row, i) => {
        const w = want().deadlines[i]!;
        expect({ due: row.due, met: row.met, late: row.late, pending: row.pending }).toEqual({ due: w.due, met: w.met, late: w.late, pending: w.pending });
        if (w.late) expect(row.daysLate.median).toBeCloseTo(w.medianDaysLate!, 6);
        if (w.late) expect(row.daysLate.p90).toBeCloseTo(w.p90DaysLate!, 6);
      });
    });

    it('counts action items created, done, open, overdue and by owner', async () => {
      const trend = await as<ActionItemTrend>(role, `/api/trends/action-items?${QUERY}`);
      const w = want();
      expect(trend.created).toEqual(w.created);
      expect(trend.done).toEqual(w.done);
      expect({ open: trend.open, overdue: trend.overdue }).toEqual({ open: w.open, overdue: w.overdue });
      expect(trend.openByAge.reduce((sum, band) => sum + band.count, 0)).toBe(w.open);
      for (const { owner, overdue } of w.overdueByOwner) expect(trend.byOwner.find((row) => row.owner === owner)?.overdue).toBe(overdue);
      expect(trend.byService.reduce((sum, row) => sum + row.open, 0)).toBe(w.open);
    });

    it('reports the backlog: open items by age and class, owners with overdue items, items past N working days', async () => {
      const health = await as<BacklogHealth>(role, '/api/trends/backlog?workingDays=20');
      const w = want();
      const total = (cls: 'detect' | 'prevent') => health.byAgeAndClass.reduce((sum, band) => sum + band[cls], 0);
      expect({ detect: total('detect'), prevent: total('prevent') }).toEqual(w.openByClass);
      expect(health.owners).toEqual(expect.arrayContaining(w.overdueByOwner.filter((o) => o.overdue).map((o) => expect.objectContaining(o))));
      expect(health.openPast.count).toBe(w.open);
      expect(health.openPast.oldest[0]!.title).toBe('Alert on 0');
      expect(health.tracker).toMatchObject({ connected: false, closedInTracker: { count: 0 }, openInTracker: { count: 0 } });
    });
  });

  it('filters by service and severity as the incident list does', async () => {
    const trend = await as<IncidentTrend>('viewer', `/api/trends/incidents?${QUERY}&service=payments&severity=sev1,sev4`);
    const visible = seeds.filter((s) => !s.restricted && s.service === 'payments-api' && ['sev1', 'sev4'].includes(s.severity));
    expect(trend.totals.reduce((a, b) => a + b, 0)).toBe(visible.length);
  });

  it('counts review deadlines a reader may see: a restricted incident’s for its members, filtered or not', async () => {
    const deadlines = async (query: string) =>
      (await as<ReviewDeadlineTrend>('viewer', `/api/trends/review-deadlines?${QUERY}${query}`)).rows.map((row) => ({ due: row.due, met: row.met, late: row.late }));
    const counts = (visible: Seed[]) => expected(visible).deadlines.map((w) => ({ due: w.due, met: w.met, late: w.late }));
    const secret = seeds.find((s) => s.restricted && s.reviewed)!;
    const payments = (s: Seed) => s.service === 'payments-api';
    expect(await deadlines('&service=payments')).toEqual(counts(seeds.filter((s) => !s.restricted && payments(s))));
    const viewer = await t.ctx.db.selectFrom('users').select('id').where('role', '=', 'viewer').executeTakeFirstOrThrow();
    const incident = await t.ctx.db.selectFrom('incidents').select('id').where('title', '=', `Incident ${secret.i}`).executeTakeFirstOrThrow();
    const access = (memberIds: number[]) => t.request({ method: 'PUT', url: `/api/incidents/${incident.id}/access`, payload: { restricted: true, memberIds } });
    expect((await access([viewer.id])).status).toBe(200);
    try {
      const seen = seeds.filter((s) => !s.restricted || s === secret);
      expect(await deadlines('')).toEqual(counts(seen));
      expect(await deadlines('&service=payments')).toEqual(counts(seen.filter(payments)));
    } finally {
      await access([]);
    }
  });

  it("links a point to its incidents: the incident list takes the bucket's instants and a contributor category", async () => {
    const trend = await as<ContributorTrend>('viewer', `/api/trends/contributors?${QUERY}`);
    const technical = trend.categories.find((c) => c.name === 'technical')!;
    const month = technical.counts.findIndex((count) => count > 0);
    const bucket = trend.buckets[month]!;
    const list = await as<{ items: Array<{ id: number }> }>('viewer', `/api/incidents?category=technical&from=${encodeURIComponent(bucket.from)}&to=${encodeURIComponent(bucket.to)}&limit=200`);
    expect(list.items).toHaveLength(technical.counts[month]!);
  });

  it.each([
    { path: '/api/trends/incidents?interval=year', field: 'interval' },
    { path: '/api/trends/durations?from=2026-05-01&to=2026-01-01', field: 'to' },
    { path: '/api/trends/action-items?from=2001-01-01&interval=week', field: 'interval' },
    { path: '/api/trends/contributors?from=2026-13-01', field: 'from' },
    { path: '/api/trends/backlog?workingDays=0', field: 'workingDays' },
    { path: '/api/trends/review-deadlines?severity=sev9', field: 'severity.0' },
  ])('answers $path with a problem naming $field', async ({ path, field }) => {
    const response = await t.requestAs<{ code: string; errors: Array<{ field: string }> }>('viewer', { method: 'GET', url: path });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body.errors.map((e) => e.field)).toContain(field);
  });
});
