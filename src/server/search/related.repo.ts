import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../context.js';
import type { FacetKind } from './search-document.js';

/** How much sharing a value of each kind makes two reviews alike (a contributor category also counts as a category). */
export const facetWeights: Partial<Record<FacetKind, number>> = { contributor_category: 3, category: 1, tag: 2, service: 2 };
const relatedKinds = Object.keys(facetWeights) as FacetKind[];

export async function indexedReview(db: Executor, reviewId: number) {
  const [row, facets] = await Promise.all([
    db.selectFrom('search_documents').select(['started_at_ms', 'title', 'summary', 'impact', 'factors', 'whys', 'learnings', 'timeline']).where('review_id', '=', reviewId).executeTakeFirst(),
    db.selectFrom('search_facets').select(['kind', 'value']).where('review_id', '=', reviewId).execute(),
  ]);
  if (!row) return null;
  return { row, facets: (facets as Array<{ kind: FacetKind; value: string }>).filter((facet) => relatedKinds.includes(facet.kind)) };
}

/**
 * How many of the most recent reviews sharing one value are weighed: a category or tag is shared by a
 * good part of all reviews, and reading them all would grow with the organisation's history.
 */
const PER_VALUE = 200;

/**
 * Reviews of incidents that started before `beforeMs`, that `visible` lets through, by how many of
 * `facets` they share: for each value only the PER_VALUE latest to start that have it, each read
 * newest first along the index (kind, value, started_at_ms, review_id, incident_id).
 */
export async function facetNeighbours(
  db: Executor,
  request: { facets: Array<{ kind: FacetKind; value: string }>; beforeMs: number; visible: Expression<SqlBool>; limit: number },
): Promise<Array<{ review_id: number; weight: number }>> {
  if (!request.facets.length) return [];
  const sharing = request.facets.map(({ kind, value }) => {
    const latest = db
      .selectFrom('search_facets')
      .innerJoin('incidents', 'incidents.id', 'search_facets.incident_id')
      .where('search_facets.kind', '=', kind)
      .where('search_facets.value', '=', value)
      .where('search_facets.started_at_ms', '<', request.beforeMs)
      .where(request.visible)
      .select(['search_facets.review_id', 'search_facets.started_at_ms', sql.lit(facetWeights[kind] ?? 0).as('weight')])
      .orderBy('search_facets.started_at_ms', 'desc')
      .orderBy('search_facets.review_id', 'desc')
      .limit(PER_VALUE);
    // Wrapped, as a compound select's members may not have their own LIMIT.
    return db.selectFrom(latest.as('latest')).selectAll();
  });
  const all = sharing.slice(1).reduce((union, next) => union.unionAll(next), sharing[0]!);
  const rows = await db
    .selectFrom(all.as('shared'))
    .select((eb) => ['shared.review_id', eb.fn.sum<number | string>('shared.weight').as('weight'), eb.fn.max('shared.started_at_ms').as('started_at_ms')])
    .groupBy('shared.review_id')
    .orderBy('weight', 'desc')
    .orderBy('started_at_ms', 'desc')
    .limit(request.limit)
    .execute();
  return rows.map((row) => ({ review_id: row.review_id, weight: Number(row.weight) }));
}

/**
 * The indexed rows of `reviewIds` that `visible` lets through, and the related facets of those rows.
 * Both are read at once: the facets are kept only for the rows `visible` let through.
 */
export async function candidates(db: Executor, reviewIds: readonly number[], visible: Expression<SqlBool>) {
  if (!reviewIds.length) return { rows: [], facets: [] };
  const [rows, facets] = await Promise.all([
    db
      .selectFrom('search_documents')
      .innerJoin('incidents', 'incidents.id', 'search_documents.incident_id')
      .where('search_documents.review_id', 'in', reviewIds)
      .where(visible)
      .select([
        'search_documents.review_id', 'search_documents.incident_id', 'search_documents.title', 'search_documents.severity', 'search_documents.state',
        'incidents.services', 'search_documents.started_at_ms', 'search_documents.summary', 'search_documents.factors', 'search_documents.whys',
      ])
      .execute(),
    // Kinds are picked here, not in SQL: `kind in (…)` would tempt SQLite to read every facet of those kinds along the primary key.
    db.selectFrom('search_facets').select(['review_id', 'kind', 'value']).where('review_id', 'in', reviewIds).execute(),
  ]);
  const shown = new Set(rows.map((row) => row.review_id));
  return { rows, facets: (facets as Array<{ review_id: number; kind: FacetKind; value: string }>).filter((facet) => shown.has(facet.review_id) && relatedKinds.includes(facet.kind)) };
}
