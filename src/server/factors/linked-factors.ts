import type { Factor } from '../../shared/reviews/factor.schema.js';
import type { AppContext } from '../context.js';
import { toLinkedFactor } from './earlier-factors.js';
import * as links from './factor-links.repo.js';

/**
 * Factors as the factors API returns them: with the earlier factors each links to and the other
 * incidents it recurs in (linked to, or from their factors and five-whys conclusions), only on
 * incidents the caller may see. Three queries whatever the number of factors.
 */
export async function withLinks(ctx: AppContext, factors: Factor[]): Promise<Factor[]> {
  const ids = factors.map((factor) => factor.id);
  const [to, from, fromWhys] = await Promise.all([links.listLinkedTo(ctx.db, ctx.actor, ids), links.listLinkedFrom(ctx.db, ctx.actor, ids), links.listLinkingChainIncidents(ctx.db, ctx.actor, ids)]);
  return factors.map((factor) => {
    const linkedFactors = to.filter((row) => row.from_factor_id === factor.id).map(toLinkedFactor);
    const linkedFrom = [...from, ...fromWhys].filter((row) => row.to_factor_id === factor.id);
    const incidents = [...new Set([...linkedFactors.map((linked) => linked.incidentId), ...linkedFrom.map((row) => row.incident_id)])].sort((a, b) => a - b);
    return { ...factor, linkedFactors, recurs: { incidents } };
  });
}

export const withLinksOne = async (ctx: AppContext, factor: Factor): Promise<Factor> => (await withLinks(ctx, [factor]))[0]!;
