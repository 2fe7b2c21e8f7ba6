import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../context.js';
import type { Database } from '../db/schema.js';

/** The digest's statements: incidents `visible` allows and, when given, of some services (a service, or a team's; lower-cased as incident_tags stores them). */

/** A condition for queries with `incidents` in scope: incidents of any of `services`, or all of them (null). */
function ofService(services: string[] | null): Expression<SqlBool> {
  if (services === null) return sql<SqlBool>`1 = 1`;
  if (services.length === 0) return sql<SqlBool>`1 = 0`;
  const eb = expressionBuilder<Database, 'incidents'>();
  return eb.exists(
    eb.selectFrom('incident_tags').select('incident_tags.incident_id').whereRef('incident_tags.incident_id', '=', 'incidents.id').where('incident_tags.kind', '=', 'service').where('incident_tags.value', 'in', services),
  );
}

const contributorIncidents = (db: Executor, visible: Expression<SqlBool>, services: string[] | null) =>
  db
    .selectFrom('review_factors')
    .innerJoin('reviews', 'reviews.id', 'review_factors.review_id')
    .innerJoin('incidents', 'incidents.id', 'reviews.incident_id')
    .where('review_factors.kind', '=', 'contributor')
    .where('review_factors.category', 'is not', null)
    .where(visible)
    .where(ofService(services));

/** Per contributor category: incidents that started in [fromMs, untilMs) with a contributor of it. */
export const categoriesBetween = (db: Executor, visible: Expression<SqlBool>, services: string[] | null, fromMs: number, untilMs: number) =>
  contributorIncidents(db, visible, services)
    .select((eb) => ['review_factors.category', eb.fn.count<number>('incidents.id').distinct().as('incidents')])
    .where('incidents.started_at_ms', '>=', fromMs)
    .where('incidents.started_at_ms', '<', untilMs)
    .groupBy('review_factors.category')
    .execute();

const openItems = (db: Executor, visible: Expression<SqlBool>, services: string[] | null, closed: readonly string[]) =>
  db
    .selectFrom('action_items')
    .innerJoin('reviews', 'reviews.id', 'action_items.review_id')
    .innerJoin('incidents', 'incidents.id', 'reviews.incident_id')
    .where('action_items.status', 'not in', closed)
    .where(visible)
    .where(ofService(services));

export const countOpenItems = async (db: Executor, visible: Expression<SqlBool>, services: string[] | null, closed: readonly string[]) =>
  Number((await openItems(db, visible, services, closed).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);

export const overdueItems = (db: Executor, visible: Expression<SqlBool>, services: string[] | null, closed: readonly string[], today: string, limit: number) =>
  openItems(db, visible, services, closed)
    .select(['action_items.id', 'action_items.title', 'action_items.owner', 'action_items.owner_user_id', 'action_items.due_date', 'reviews.id as review_id', 'incidents.id as incident_id'])
    .where('action_items.due_date', '<', today)
    .orderBy('action_items.due_date')
    .orderBy('action_items.id')
    .limit(limit)
    .execute();
