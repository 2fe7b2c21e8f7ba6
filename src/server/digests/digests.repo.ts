import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../context.js';
import { ofServices } from '../incidents/incidents.service.js';

/** The digest's statements: incidents `visible` allows and, when given, of some services (a service, or a team's; lower-cased as incident_tags stores them). */

/** A condition for queries with `incidents` in scope: incidents of any of `services`, or all of them (null). */
const ofService = (services: string[] | null): Expression<SqlBool> => (services === null ? sql<SqlBool>`1 = 1` : ofServices(services));

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
