import { type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../context.js';
import { ofServices } from '../incidents/incidents.service.js';
import { publishedAtMs } from '../reviews/reviews.service.js';

/**
 * Every SQL statement of the knowledge base: published reviews with their incidents, filtered by
 * the caller's visibility inside each query (counts and groups included), and the reads table.
 */

/** Published reviews joined to their incidents, keeping those `visible` allows. */
const publishedReviews = (db: Executor, visible: Expression<SqlBool>) =>
  db.selectFrom('reviews').innerJoin('incidents', 'incidents.id', 'reviews.incident_id').where('reviews.state', '=', 'published').where(visible);

export interface PublishedReviewRow {
  review_id: number;
  incident_id: number;
  title: string;
  severity: string;
  services: string;
  summary: string | null;
  learnings: string | null;
  impact_started_at: string | null;
  detected_at: string | null;
  responded_at: string | null;
  incident_created_at: string;
  published_at_ms: number;
}

const reviewColumns = [
  'reviews.id as review_id',
  'reviews.incident_id',
  'incidents.title',
  'incidents.severity',
  'incidents.services',
  'reviews.summary',
  'reviews.learnings',
  'incidents.impact_started_at',
  'incidents.detected_at',
  'incidents.responded_at',
  'incidents.created_at as incident_created_at',
] as const;

export interface PublishedFilter {
  reviewIds?: number[];
  /** A service, lower-cased as incident_tags stores it. */
  service?: string;
  /** Any of these services (a team's), lower-cased; none matches an empty list. */
  services?: string[];
  category?: string;
  publishedFrom?: string;
  publishedBefore?: string;
}

/** Published reviews `visible` allows, narrowed by `filter`. */
function filtered(db: Executor, visible: Expression<SqlBool>, filter: PublishedFilter) {
  let select = publishedReviews(db, visible);
  if (filter.reviewIds) select = select.where('reviews.id', 'in', filter.reviewIds);
  if (filter.service !== undefined) {
    const service = filter.service;
    select = select.where((eb) =>
      eb.exists(eb.selectFrom('incident_tags').select('incident_tags.incident_id').whereRef('incident_tags.incident_id', '=', 'incidents.id').where('incident_tags.kind', '=', 'service').where('incident_tags.value', '=', service)),
    );
  }
  if (filter.services !== undefined) select = select.where(ofServices(filter.services));
  if (filter.category !== undefined) {
    const category = filter.category;
    select = select.where((eb) => eb.exists(eb.selectFrom('review_factors').select('review_factors.id').whereRef('review_factors.review_id', '=', 'reviews.id').where('review_factors.category', '=', category)));
  }
  if (filter.publishedFrom) select = select.where(publishedAtMs(db), '>=', Date.parse(filter.publishedFrom));
  if (filter.publishedBefore) select = select.where(publishedAtMs(db), '<', Date.parse(filter.publishedBefore));
  return select;
}

export async function countPublished(db: Executor, visible: Expression<SqlBool>, filter: PublishedFilter = {}): Promise<number> {
  const row = await filtered(db, visible, filter).select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Published reviews, most recently published first. */
export async function listPublished(db: Executor, visible: Expression<SqlBool>, filter: PublishedFilter, limit?: number): Promise<PublishedReviewRow[]> {
  if (filter.reviewIds?.length === 0) return [];
  let select = filtered(db, visible, filter)
    .select([...reviewColumns, publishedAtMs(db).as('published_at_ms')])
    .orderBy('published_at_ms', 'desc')
    .orderBy('reviews.id', 'desc');
  if (limit !== undefined) select = select.limit(limit);
  return (await select.execute()) as PublishedReviewRow[];
}

/** Services of published reviews with how many reviews each, most first. */
export async function countByService(db: Executor, visible: Expression<SqlBool>, limit: number): Promise<Array<{ service: string; reviews: number }>> {
  const rows = await publishedReviews(db, visible)
    .innerJoin('incident_tags', 'incident_tags.incident_id', 'incidents.id')
    .where('incident_tags.kind', '=', 'service')
    .select((eb) => ['incident_tags.value as service', eb.fn.countAll<number | string>().as('reviews')])
    .groupBy('incident_tags.value')
    .orderBy('reviews', 'desc')
    .orderBy('incident_tags.value')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ service: row.service, reviews: Number(row.reviews) }));
}

/** Factor categories of published reviews with how many reviews name each, most first. */
export async function countByCategory(db: Executor, visible: Expression<SqlBool>): Promise<Array<{ category: string; reviews: number }>> {
  const rows = await publishedReviews(db, visible)
    .innerJoin('review_factors', 'review_factors.review_id', 'reviews.id')
    .where('review_factors.category', 'is not', null)
    .select((eb) => ['review_factors.category', eb.fn.count<number | string>('reviews.id').distinct().as('reviews')])
    .groupBy('review_factors.category')
    .orderBy('reviews', 'desc')
    .orderBy('review_factors.category')
    .execute();
  return rows.map((row) => ({ category: row.category!, reviews: Number(row.reviews) }));
}

/** The published reviews read by the most people (each user counted once a day), most first. */
export async function mostRead(db: Executor, visible: Expression<SqlBool>, limit: number): Promise<Array<{ reviewId: number; reads: number }>> {
  const rows = await publishedReviews(db, visible)
    .innerJoin('review_reads', 'review_reads.review_id', 'reviews.id')
    .select((eb) => ['reviews.id', eb.fn.countAll<number | string>().as('reads')])
    .groupBy('reviews.id')
    .orderBy('reads', 'desc')
    .orderBy('reviews.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ reviewId: row.id, reads: Number(row.reads) }));
}

export interface FactorRow {
  review_id: number;
  kind: string;
  title: string;
  category: string | null;
  tags: string;
}

/** The factors of the given reviews, in the order they were recorded. */
export async function factorsOf(db: Executor, reviewIds: number[]): Promise<FactorRow[]> {
  if (reviewIds.length === 0) return [];
  return db
    .selectFrom('review_factors')
    .select(['review_id', 'kind', 'title', 'category', 'tags'])
    .where('review_id', 'in', reviewIds)
    .orderBy('review_id')
    .orderBy('id')
    .execute();
}

/** Counts a read once per user, review and day: a second read that day changes nothing. */
export async function recordRead(db: Executor, read: { reviewId: number; userId: number; day: string; readAtIso: string }): Promise<void> {
  await db
    .insertInto('review_reads')
    .values({ review_id: read.reviewId, user_id: read.userId, day: read.day, read_at: read.readAtIso })
    .onConflict((oc) => oc.columns(['review_id', 'user_id', 'day']).doNothing())
    .execute();
}
