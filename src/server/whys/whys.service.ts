import { notFound } from '../../shared/errors.js';
import type { Whys, WhysCreate, WhysUpdate } from '../../shared/reviews/whys.schema.js';
import type { AppContext, Executor } from '../context.js';
import { recordChange } from '../events/record-change.js';
import type { FactorDeletedReaction } from '../factors/factor-reactions.js';
import { checkFactorsOfReview } from '../factors/factors.service.js';
import { editPartRecord, editReview, type PartChange, type PartRecords } from '../reviews/review-edits.js';
import { getReview } from '../reviews/reviews.service.js';
import { withLinks, withLinksOne } from './linked-whys.js';
import { toWhys, toWhysList, toWhysValues, whysFields } from './whys.mapper.js';
import * as repo from './whys.repo.js';

async function readWhys(db: Executor, id: number): Promise<Whys | null> {
  const row = await repo.findWhys(db, id);
  if (!row) return null;
  const links = await repo.listFactorLinks(db, { whysId: id });
  return toWhys(row, links.map((link) => link.factor_id));
}

/** Every chain of a review, in order, with its factor links: two queries. */
export async function readWhysOfReview(db: Executor, reviewId: number): Promise<Whys[]> {
  const [rows, links] = await Promise.all([repo.listWhys(db, reviewId), repo.listFactorLinks(db, { reviewId })]);
  return toWhysList(rows, links);
}

export async function listWhys(ctx: AppContext, reviewId: number): Promise<Whys[]> {
  const review = await getReview(ctx, reviewId);
  return withLinks(ctx, await readWhysOfReview(ctx.db, review.id));
}

/** The chain as stored, 404 when missing or not visible. */
async function findWhys(ctx: AppContext, id: number): Promise<Whys> {
  const whys = await readWhys(ctx.db, id);
  if (!whys) throw notFound('Five-whys chain', id);
  await getReview(ctx, whys.reviewId);
  return whys;
}

/** The chain with its links to earlier incidents' factors (see linked-whys.ts). */
export const getWhys = async (ctx: AppContext, id: number): Promise<Whys> => withLinksOne(ctx, await findWhys(ctx, id));

const whysRecords: PartRecords<Whys> = { what: 'Five-whys chain', read: readWhys };

const whysChange = (action: string, event: PartChange['event'] & { type: 'whys.changed' }, before: Whys | null, after: Whys | null): PartChange => ({
  event,
  audit: { action, entityType: 'whys', entityId: event.whysId, before, after },
});

export async function createWhys(ctx: AppContext, reviewId: number, input: WhysCreate): Promise<Whys> {
  const review = await getReview(ctx, reviewId);
  const { factorIds, position, ...fields } = input;
  const nowIso = ctx.now().toISOString();
  const created = await editReview(ctx, review.id, async (trx) => {
    await checkFactorsOfReview(trx, review.id, factorIds);
    const at = position ?? (await repo.nextPosition(trx, review.id));
    const id = await repo.insertWhys(trx, { ...toWhysValues({ ...fields, position: at }, nowIso), review_id: review.id, created_at: nowIso });
    await repo.replaceFactorLinks(trx, id, factorIds);
    const created = (await readWhys(trx, id))!;
    const event = { type: 'whys.changed', incidentId: review.incidentId, reviewId: review.id, whysId: id, change: 'created' } as const;
    return { result: created, change: whysChange('whys.create', event, null, created) };
  });
  return withLinksOne(ctx, created);
}

export async function updateWhys(ctx: AppContext, id: number, update: WhysUpdate): Promise<Whys> {
  const { version, factorIds, ...changes } = update;
  const review = await getReview(ctx, (await findWhys(ctx, id)).reviewId);
  const updated = await editPartRecord(
    ctx,
    whysRecords,
    id,
    version,
    async (trx, current) => {
      await checkFactorsOfReview(trx, current.reviewId, factorIds);
      const values = toWhysValues({ ...whysFields(current), ...changes }, ctx.now().toISOString());
      if (!(await repo.updateWhys(trx, id, version, values))) return false;
      if (factorIds) await repo.replaceFactorLinks(trx, id, factorIds);
      return true;
    },
    (current, after) => whysChange('whys.update', { type: 'whys.changed', incidentId: review.incidentId, reviewId: review.id, whysId: id, change: 'updated' }, current, after),
  );
  return withLinksOne(ctx, updated!);
}

export async function deleteWhys(ctx: AppContext, id: number, version: number): Promise<void> {
  const review = await getReview(ctx, (await findWhys(ctx, id)).reviewId);
  await editPartRecord(
    ctx,
    whysRecords,
    id,
    version,
    (trx) => repo.deleteWhys(trx, id, version),
    (current) => whysChange('whys.delete', { type: 'whys.changed', incidentId: review.incidentId, reviewId: review.id, whysId: id, change: 'deleted' }, current, null),
  );
}

/** A deleted factor leaves the chains that named it, each recorded as a change (factors/factor-reactions.ts). */
export const unlinkDeletedFactorFromWhys: FactorDeletedReaction = async (ctx, trx, { factorId, review }) => {
  for (const id of await repo.listWhysIdsOfFactor(trx, factorId)) {
    const before = (await readWhys(trx, id))!;
    await repo.replaceFactorLinks(trx, id, before.factorIds.filter((linked) => linked !== factorId));
    await repo.touchWhys(trx, id, ctx.now().toISOString());
    const change = whysChange('whys.update', { type: 'whys.changed', incidentId: review.incidentId, reviewId: review.id, whysId: id, change: 'updated' }, before, await readWhys(trx, id));
    await recordChange(ctx, trx, change.event, change.audit);
  }
};
