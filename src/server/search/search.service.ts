import { DateTime } from 'luxon';
import { MAX_STORED_INT } from '../../shared/common.schema.js';
import { severitySchema, reviewStateSchema } from '../../shared/incidents/incident.schema.js';
import { searchFields } from '../../shared/search/search-fields.js';
import { tokeniseQuery } from '../../shared/search/search-terms.js';
import type { SearchHit, SearchMatch, SearchPage, SearchQuery } from '../../shared/search/search.schema.js';
import { visibleIncidents } from '../access/visibility.js';
import type { AppContext } from '../context.js';
import { fullTextQuery } from '../db/search-dialect.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { ownerFilter, type OwnerFilter } from '../people/person.mapper.js';
import type { FacetKind } from './search-document.js';
import { searchIndex, snippetsOf, TOTAL_CAP, type SearchFilters, type SearchRow } from './search.repo.js';
import { snippetSegments } from './snippets.js';

const MAX_MATCHES_PER_HIT = 3;

/** A day in the organisation's zone (its start, or with `endOfDay` the next day's start), or an instant. */
function instantMs(ctx: AppContext, value: string, endOfDay: boolean): number {
  if (value.length > 10) return Date.parse(value);
  const day = DateTime.fromISO(value, { zone: ctx.config.calendar.timeZone }).startOf('day');
  return (endOfDay ? day.plus({ days: 1 }) : day).toMillis();
}

/** An owner id past the column's range names nobody: compared as such, never sent to the database. */
const storableOwner = (owner: OwnerFilter): OwnerFilter => ('userId' in owner && owner.userId > MAX_STORED_INT ? { userId: -1 } : owner);

export function filtersOf(ctx: AppContext, query: Omit<SearchQuery, 'q' | 'limit' | 'cursor' | 'rank'>): SearchFilters {
  const facets: SearchFilters['facets'] = [];
  const facet = (kind: FacetKind, value: string | undefined) => value && facets.push({ kind, value: value.trim().toLowerCase() });
  facet('service', query.service);
  facet('label', query.label);
  facet('category', query.factorCategory);
  facet('tag', query.tag);
  return {
    facets,
    severity: query.severity,
    state: query.state,
    owner: query.owner === undefined ? undefined : storableOwner(ownerFilter(ctx.actor, query.owner)),
    fromMs: query.from === undefined ? undefined : instantMs(ctx, query.from, false),
    toMs: query.to === undefined ? undefined : instantMs(ctx, query.to, true),
  };
}

export function toHit(row: SearchRow, matches: SearchMatch[]): SearchHit {
  return {
    incidentId: row.incident_id,
    reviewId: row.review_id,
    title: row.title,
    severity: severitySchema.parse(row.severity),
    state: reviewStateSchema.parse(row.state),
    services: JSON.parse(row.services) as string[],
    startedAt: new Date(Number(row.started_at_ms)).toISOString(),
    score: Number(row.score),
    matches,
  };
}

/**
 * GET /api/search: the reviews the caller may see whose text has every word (the last one as a
 * prefix while typed), best first, with where each was found. Text with no usable words finds
 * nothing; no text at all lists the most recent reviews that pass the filters. `rank=recent`
 * ranks only the 1,000 most recently written matches (the palette, answering each keystroke).
 */
export async function search(ctx: AppContext, query: SearchQuery): Promise<SearchPage> {
  const offset = decodeCursor(query.cursor, ['offset'] as const)?.offset ?? 0;
  const terms = tokeniseQuery(query.q);
  if (query.q.trim() && !terms.terms.length) return { items: [], total: 0, totalCapped: false, nextCursor: null };
  const textQuery = terms.terms.length ? fullTextQuery(ctx.dialect, terms) : null;
  const recent = query.rank === 'recent' && textQuery !== null;
  const { rows, total: counted, capped } = await searchIndex(ctx.db, ctx.dialect, {
    textQuery,
    visible: visibleIncidents(ctx.actor),
    filters: filtersOf(ctx, query),
    offset: Math.max(0, offset),
    limit: query.limit,
    ranking: recent ? { recent: TOTAL_CAP } : 'all',
  });
  const total = counted ?? 0;
  const snippets = textQuery === null ? [] : await snippetsOf(ctx.db, ctx.dialect, textQuery, rows.map((row) => row.review_id));
  const snippetsByReview = new Map(snippets.map((row) => [Number(row.review_id), row]));
  const items = rows.map((row) => {
    const marked = snippetsByReview.get(row.review_id);
    const matches = searchFields
      .map((field) => ({ field, segments: snippetSegments(marked?.[field]) }))
      .filter((match): match is SearchMatch => match.segments !== null)
      .slice(0, MAX_MATCHES_PER_HIT);
    return toHit(row, matches);
  });
  const next = offset + rows.length;
  // Ranking only the recent matches, the pages end with them.
  const more = rows.length === query.limit && ((capped && !recent) || next < total);
  return { items, total, totalCapped: capped, nextCursor: more ? encodeCursor({ offset: next }) : null };
}
