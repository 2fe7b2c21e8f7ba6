import { defaultFactorTaxonomy } from '../../shared/reviews/factor-taxonomy.js';
import { relatedReasons, type RelatedEvidence } from '../../shared/search/related-reasons.js';
import { wordsOf } from '../../shared/search/search-terms.js';
import type { RelatedIncidentList } from '../../shared/search/search.schema.js';
import { visibleIncidents } from '../access/visibility.js';
import type { AppContext } from '../context.js';
import { documentCounts, fullTextQuery } from '../db/search-dialect.js';
import { getReview } from '../reviews/reviews.service.js';
import { distinctiveTerms, type DistinctiveSource } from './distinctive-terms.js';
import { candidates, facetNeighbours, indexedReview } from './related.repo.js';
import type { FacetKind } from './search-document.js';
import { searchIndex } from './search.repo.js';
import { toHit } from './search.service.js';

const CANDIDATES = 30;
/** A word in this many reviews or more says little about any one of them. */
const COMMON_IN = 250;
/**
 * The text match ranks only this many of its most recent matches: PostgreSQL's counts are
 * estimates, so a word it takes for rare may still be in thousands of reviews.
 */
const TEXT_RANKED = 250;
/** The rare words asked for by text: a handful keeps the match small. */
const TEXT_TERMS = 5;
/** The best text match counts as much as a shared contributor category and a tag. */
const TEXT_WEIGHT = 5;

const categoryLabel = (key: string) => defaultFactorTaxonomy.categories.find((c) => c.key === key)?.label ?? key;
const tagLabel = (key: string) => defaultFactorTaxonomy.tags.find((t) => t.key === key)?.label ?? key;

/** The most distinctive words of a review that few reviews share (none: no text evidence). */
async function rareTerms(ctx: AppContext, source: DistinctiveSource): Promise<string[]> {
  const words = distinctiveTerms(source, TEXT_TERMS * 3);
  if (!words.length) return [];
  const counts = (await documentCounts(ctx.dialect, words, COMMON_IN).execute(ctx.db)).rows;
  const common = new Set(counts.filter((row) => Number(row.documents) >= COMMON_IN).map((row) => row.term));
  return words.filter((word) => !common.has(word)).slice(0, TEXT_TERMS);
}

/**
 * F18: the earlier incidents most like this review's, among those the caller may see: by shared
 * services, factor categories and tags, and by text (its most distinctive words, leaving out words
 * common to many reviews, the most recent TEXT_RANKED matches ranked by the index), each with the
 * reasons in words.
 */
export async function relatedIncidents(ctx: AppContext, reviewId: number, limit: number): Promise<RelatedIncidentList> {
  // getReview answers 404 unless the caller may see the review; nothing read alongside is answered before it.
  const [, own] = await Promise.all([getReview(ctx, reviewId), indexedReview(ctx.db, reviewId)]);
  if (!own) return { items: [] };
  const visible = visibleIncidents(ctx.actor);
  const beforeMs = Number(own.row.started_at_ms);
  const byWords = async () => {
    const terms = await rareTerms(ctx, own.row);
    if (!terms.length) return { terms, rows: [] };
    const textQuery = fullTextQuery(ctx.dialect, { terms, prefixLast: false }, 'any');
    const filters = { facets: [], toMs: beforeMs };
    return { terms, ...(await searchIndex(ctx.db, ctx.dialect, { textQuery, visible, filters, offset: 0, limit: CANDIDATES, ranking: { recent: TEXT_RANKED }, count: false })) };
  };
  const [byFacets, byText] = await Promise.all([facetNeighbours(ctx.db, { facets: own.facets, beforeMs, visible, limit: CANDIDATES }), byWords()]);
  const { terms } = byText;
  const bestText = Math.max(0, ...byText.rows.map((row) => Number(row.score)));
  const scores = new Map<number, number>();
  for (const { review_id, weight } of byFacets) scores.set(review_id, weight);
  for (const row of byText.rows) {
    if (row.review_id === reviewId) continue;
    scores.set(row.review_id, (scores.get(row.review_id) ?? 0) + (bestText > 0 ? (TEXT_WEIGHT * Number(row.score)) / bestText : 0));
  }
  const chosen = [...scores.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, limit).map(([id]) => id);
  const found = await candidates(ctx.db, chosen, visible);

  const ownValues = (kind: FacetKind) => new Set(own.facets.filter((f) => f.kind === kind).map((f) => f.value));
  const shared = (id: number, kind: FacetKind) => found.facets.filter((f) => f.review_id === id && f.kind === kind && ownValues(kind).has(f.value)).map((f) => f.value);
  const rows = chosen.map((id) => found.rows.find((row) => row.review_id === id)).filter((row) => row !== undefined);
  const evidence: RelatedEvidence[] = rows.map((row) => {
    const theirWords = new Set(wordsOf(`${row.title} ${row.summary} ${row.factors} ${row.whys}`));
    const services = JSON.parse(row.services) as string[];
    return {
      incidentId: row.incident_id,
      sharedServices: shared(row.review_id, 'service').map((value) => services.find((s) => s.toLowerCase() === value) ?? value),
      sharedContributorCategories: shared(row.review_id, 'contributor_category').map(categoryLabel),
      sharedCategories: shared(row.review_id, 'category').map(categoryLabel),
      sharedTags: shared(row.review_id, 'tag').map(tagLabel),
      sharedWords: terms.filter((term) => theirWords.has(term)).slice(0, 3),
    };
  });
  const reasons = relatedReasons(evidence);
  return {
    items: rows.map((row) => {
      const { score: _score, matches: _matches, ...brief } = toHit({ ...row, score: 0 }, []);
      return { ...brief, reasons: reasons.get(row.incident_id) ?? [] };
    }),
  };
}
