import { calendarDayOf, calendarMonthOf } from '../../shared/knowledge-base/calendar-month.js';
import type { KnowledgeBaseHome, KnowledgeBaseReview } from '../../shared/knowledge-base/knowledge-base.schema.js';
import { incidentStartOf } from '../../shared/knowledge-base/incident-start.js';
import type { Severity } from '../../shared/incidents/incident.schema.js';
import { visibleIncidents } from '../access/visibility.js';
import type { AppContext } from '../context.js';
import { taxonomyFor } from '../factors/factors.service.js';
import { getReview } from '../reviews/reviews.service.js';
import * as repo from './knowledge-base.repo.js';

/**
 * The knowledge base (F15): every published review the caller may read. Restricted incidents are
 * filtered inside each query, so they are absent from the lists and from every count and group.
 */

const RECENT = 12;
const GROUPS = 8;
const PER_GROUP = 3;
const MOST_READ = 8;
const THIS_MONTH_REVIEWS = 50;

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** Rows to API shapes, with each review's factor categories and tags. */
async function toKnowledgeBaseReviews(ctx: AppContext, rows: repo.PublishedReviewRow[]): Promise<KnowledgeBaseReview[]> {
  const factors = await repo.factorsOf(ctx.db, rows.map((row) => row.review_id));
  return rows.map((row) => {
    const own = factors.filter((factor) => factor.review_id === row.review_id);
    return {
      reviewId: row.review_id,
      incidentId: row.incident_id,
      title: row.title,
      severity: row.severity as Severity,
      services: JSON.parse(row.services) as string[],
      summary: row.summary,
      incidentStartedAt: incidentStartOf({ impactStartedAt: row.impact_started_at, detectedAt: row.detected_at, respondedAt: row.responded_at, createdAt: row.incident_created_at }),
      publishedAt: new Date(row.published_at_ms).toISOString(),
      factorCategories: unique(own.flatMap((factor) => (factor.category ? [factor.category] : []))).sort(),
      factorTags: unique(own.flatMap((factor) => JSON.parse(factor.tags) as string[])).sort(),
    };
  });
}

/** Published reviews the caller may read, most recently published first (the wiki export reads them all). */
export async function listPublishedReviews(ctx: AppContext, filter: repo.PublishedFilter = {}, limit?: number): Promise<KnowledgeBaseReview[]> {
  return toKnowledgeBaseReviews(ctx, await repo.listPublished(ctx.db, visibleIncidents(ctx.actor), filter, limit));
}

/** Published reviews the caller may read, each with its lessons: the review's learnings, then its learning factors. */
export async function publishedWithLessons(ctx: AppContext, filter: repo.PublishedFilter, limit: number): Promise<Array<KnowledgeBaseReview & { lessons: string[] }>> {
  const rows = await repo.listPublished(ctx.db, visibleIncidents(ctx.actor), filter, limit);
  const [reviews, factors] = await Promise.all([toKnowledgeBaseReviews(ctx, rows), repo.factorsOf(ctx.db, rows.map((row) => row.review_id))]);
  return reviews.map((review, i) => ({
    ...review,
    lessons: [
      ...(rows[i]!.learnings?.trim() ? [rows[i]!.learnings!.trim()] : []),
      ...factors.filter((factor) => factor.review_id === review.reviewId && factor.kind === 'learning').map((factor) => factor.title),
    ],
  }));
}

async function thisMonth(ctx: AppContext): Promise<KnowledgeBaseHome['thisMonth']> {
  const { timeZone } = ctx.config.calendar;
  const month = calendarMonthOf(ctx.now(), timeZone);
  const published = { publishedFrom: month.startIso, publishedBefore: month.endIso };
  const [reviews, rows] = await Promise.all([repo.countPublished(ctx.db, visibleIncidents(ctx.actor), published), repo.listPublished(ctx.db, visibleIncidents(ctx.actor), published, THIS_MONTH_REVIEWS)]);
  const titles = new Map(rows.map((row) => [row.review_id, { incidentId: row.incident_id, incidentTitle: row.title }]));
  const factors = await repo.factorsOf(ctx.db, rows.map((row) => row.review_id));
  const of = (reviewId: number) => ({ reviewId, ...titles.get(reviewId)! });
  const learnings = [
    ...rows.flatMap((row) => (row.learnings?.trim() ? [{ ...of(row.review_id), text: row.learnings.trim() }] : [])),
    ...factors.filter((factor) => factor.kind === 'learning').map((factor) => ({ ...of(factor.review_id), text: factor.title })),
  ];
  const contributors = factors.filter((factor) => factor.kind === 'contributor').map((factor) => ({ ...of(factor.review_id), title: factor.title, category: factor.category }));
  return { month: month.month, timeZone, reviews, learnings, contributors };
}

/** The knowledge base's home: recent, by service, by factor category, most read, and what we learned this month. */
export async function knowledgeBaseHome(ctx: AppContext): Promise<KnowledgeBaseHome> {
  const visible = visibleIncidents(ctx.actor);
  const labels = new Map(taxonomyFor(ctx).categories.map((category) => [category.key, category.label]));
  const [published, recent, services, categories, reads] = await Promise.all([
    repo.countPublished(ctx.db, visible),
    listPublishedReviews(ctx, {}, RECENT),
    repo.countByService(ctx.db, visible, GROUPS),
    repo.countByCategory(ctx.db, visible),
    repo.mostRead(ctx.db, visible, MOST_READ),
  ]);
  const byService = await Promise.all(services.map(async (group) => ({ ...group, latest: await listPublishedReviews(ctx, { service: group.service }, PER_GROUP) })));
  const byCategory = await Promise.all(
    categories.map(async (group) => ({ ...group, label: labels.get(group.category) ?? group.category, latest: await listPublishedReviews(ctx, { category: group.category }, PER_GROUP) })),
  );
  const mostReadReviews = await listPublishedReviews(ctx, { reviewIds: reads.map((read) => read.reviewId) });
  const mostRead = reads.flatMap(({ reviewId, reads: count }) => {
    const review = mostReadReviews.find((candidate) => candidate.reviewId === reviewId);
    return review ? [{ review, reads: count }] : [];
  });
  return { published, recent, byService, byCategory, mostRead, thisMonth: await thisMonth(ctx) };
}

/**
 * Records that the caller read the review (once per user, review and day, in the organisation's
 * zone). 404 for a review the caller may not see; a caller without an account (none today) records nothing.
 */
export async function recordReviewRead(ctx: AppContext, reviewId: number): Promise<void> {
  await getReview(ctx, reviewId);
  const userId = ctx.actor?.userId;
  if (userId == null) return;
  const now = ctx.now();
  await repo.recordRead(ctx.db, { reviewId, userId, day: calendarDayOf(now, ctx.config.calendar.timeZone), readAtIso: now.toISOString() });
}
