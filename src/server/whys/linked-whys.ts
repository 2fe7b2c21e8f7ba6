import type { Whys } from '../../shared/reviews/whys.schema.js';
import type { AppContext } from '../context.js';
import { toLinkedFactor } from '../factors/earlier-factors.js';
import * as repo from './why-links.repo.js';

/**
 * Chains as the whys API returns them: with the earlier factors each links to, only on incidents the
 * caller may see. One query whatever the number of chains.
 */
export async function withLinks(ctx: AppContext, chains: Whys[]): Promise<Whys[]> {
  const rows = await repo.listLinkedTo(ctx.db, ctx.actor, chains.map((chain) => chain.id));
  return chains.map((chain) => ({ ...chain, linkedFactors: rows.filter((row) => row.whys_id === chain.id).map(toLinkedFactor) }));
}

export const withLinksOne = async (ctx: AppContext, chain: Whys): Promise<Whys> => (await withLinks(ctx, [chain]))[0]!;

