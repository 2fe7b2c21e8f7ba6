import { notFound } from '../../shared/errors.js';
import { defaultFactorTaxonomy, type FactorTaxonomy } from '../../shared/reviews/factor-taxonomy.js';
import type { Factor, FactorCreate, FactorUpdate } from '../../shared/reviews/factor.schema.js';
import type { AppContext, Executor } from '../context.js';
import { invalidField } from '../http/version-conflict.js';
import { editPartRecord, editReview, type PartChange, type PartRecords } from '../reviews/review-edits.js';
import { getReview } from '../reviews/reviews.service.js';
import { listTimeline } from '../timeline/timeline.service.js';
import { factorFields, toFactor, toFactors, toFactorValues, type FactorFields } from './factor.mapper.js';
import * as repo from './factors.repo.js';

/** Incidents the caller may see (`visible`) with a contributor of one of `categories`, started after `fromMs` and before `untilMs`: the most recent first. */
export const incidentsWithContributorCategories = (ctx: AppContext, visible: Parameters<typeof repo.incidentsWithContributorCategories>[1], categories: string[], range: { fromMs?: number; untilMs?: number }, limit: number) =>
  categories.length === 0 ? Promise.resolve([]) : repo.incidentsWithContributorCategories(ctx.db, visible, categories, range, limit);
import { withLinks, withLinksOne } from './linked-factors.js';

/** The taxonomy in force; the default until it becomes configurable. */
export const taxonomyFor = (_ctx: AppContext): FactorTaxonomy => defaultFactorTaxonomy;

async function readFactor(db: Executor, id: number): Promise<Factor | null> {
  const row = await repo.findFactor(db, id);
  if (!row) return null;
  const links = await repo.listTimelineLinks(db, { factorId: id });
  return toFactor(row, links.map((link) => link.timeline_entry_id));
}

/** Every factor of a review with its timeline links: two queries whatever the number of factors. */
export async function readFactorsOfReview(db: Executor, reviewId: number): Promise<Factor[]> {
  const [rows, links] = await Promise.all([repo.listFactors(db, reviewId), repo.listTimelineLinks(db, { reviewId })]);
  return toFactors(rows, links);
}

export async function listFactors(ctx: AppContext, reviewId: number): Promise<Factor[]> {
  const review = await getReview(ctx, reviewId);
  return withLinks(ctx, await readFactorsOfReview(ctx.db, review.id));
}

/** The factor as stored, 404 when missing or not visible. */
async function findFactor(ctx: AppContext, id: number): Promise<Factor> {
  const factor = await readFactor(ctx.db, id);
  if (!factor) throw notFound('Factor', id);
  await getReview(ctx, factor.reviewId);
  return factor;
}

/** The factor with its links to earlier incidents' factors (see linked-factors.ts). */
export const getFactor = async (ctx: AppContext, id: number): Promise<Factor> => withLinksOne(ctx, await findFactor(ctx, id));

/** Category and tags must come from the taxonomy; only a contributor can be an accepted risk. */
function checkFields(ctx: AppContext, fields: FactorFields): void {
  const taxonomy = taxonomyFor(ctx);
  if (fields.category !== null && !taxonomy.categories.some((c) => c.key === fields.category)) {
    throw invalidField('category', `is not a category of the taxonomy (${taxonomy.categories.map((c) => c.key).join(', ')})`);
  }
  const unknownTag = fields.tags.findIndex((tag) => !taxonomy.tags.some((t) => t.key === tag));
  if (unknownTag >= 0) throw invalidField(`tags.${unknownTag}`, 'is not a tag of the taxonomy (see GET /api/taxonomy)');
  if (fields.acceptedRisk && fields.kind !== 'contributor') throw invalidField('acceptedRisk', 'only a contributor can be accepted as a risk');
}

/** Linked entries must be on the incident's timeline (deleted entries cannot be linked). */
async function checkTimelineLinks(ctx: AppContext, incidentId: number, entryIds: number[] | undefined): Promise<void> {
  if (!entryIds?.length) return;
  const known = new Set((await listTimeline(ctx, incidentId)).map((entry) => entry.id));
  const unknown = entryIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw invalidField(`timelineEntryIds.${unknown}`, "is not an entry of this incident's timeline");
}

const factorRecords: PartRecords<Factor> = { what: 'Factor', read: readFactor };

const factorChange = (action: string, change: PartChange['event'] & { type: 'factor.changed' }, before: Factor | null, after: Factor | null): PartChange => ({
  event: change,
  audit: { action, entityType: 'factor', entityId: change.factorId, before, after },
});

export async function createFactor(ctx: AppContext, reviewId: number, input: FactorCreate): Promise<Factor> {
  const review = await getReview(ctx, reviewId);
  const { timelineEntryIds, ...fields } = input;
  checkFields(ctx, fields);
  await checkTimelineLinks(ctx, review.incidentId, timelineEntryIds);
  const nowIso = ctx.now().toISOString();
  const created = await editReview(ctx, review.id, async (trx) => {
    const id = await repo.insertFactor(trx, { ...toFactorValues(fields, nowIso), review_id: review.id, created_at: nowIso });
    await repo.replaceTimelineLinks(trx, id, timelineEntryIds);
    const created = (await readFactor(trx, id))!;
    const event = { type: 'factor.changed', incidentId: review.incidentId, reviewId: review.id, factorId: id, change: 'created' } as const;
    return { result: created, change: factorChange('factor.create', event, null, created) };
  });
  return withLinksOne(ctx, created);
}

export async function updateFactor(ctx: AppContext, id: number, update: FactorUpdate): Promise<Factor> {
  const { version, timelineEntryIds, ...changes } = update;
  const review = await getReview(ctx, (await findFactor(ctx, id)).reviewId);
  await checkTimelineLinks(ctx, review.incidentId, timelineEntryIds);
  const updated = await editPartRecord(
    ctx,
    factorRecords,
    id,
    version,
    async (trx, current) => {
      // Merge onto the record as it is in this transaction, not as first read.
      const merged = { ...factorFields(current), ...changes };
      checkFields(ctx, merged);
      if (!(await repo.updateFactor(trx, id, version, toFactorValues(merged, ctx.now().toISOString())))) return false;
      if (timelineEntryIds) await repo.replaceTimelineLinks(trx, id, timelineEntryIds);
      return true;
    },
    (current, after) => factorChange('factor.update', { type: 'factor.changed', incidentId: review.incidentId, reviewId: review.id, factorId: id, change: 'updated' }, current, after),
  );
  return withLinksOne(ctx, updated!);
}

/** Deleting a factor also removes it from the whys chains and action items that linked it. */
export async function deleteFactor(ctx: AppContext, id: number, version: number): Promise<void> {
  const review = await getReview(ctx, (await findFactor(ctx, id)).reviewId);
  await editPartRecord(
    ctx,
    factorRecords,
    id,
    version,
    async (trx, _current, review) => {
      for (const react of ctx.hooks.factorDeleted) await react(ctx, trx, { factorId: id, review });
      return repo.deleteFactor(trx, id, version);
    },
    (current) => factorChange('factor.delete', { type: 'factor.changed', incidentId: review.incidentId, reviewId: review.id, factorId: id, change: 'deleted' }, current, null),
  );
}

/** For whys chains and action items: every id must be a factor of the same review. */
export async function checkFactorsOfReview(db: Executor, reviewId: number, factorIds: number[] | undefined): Promise<void> {
  if (!factorIds?.length) return;
  const known = new Set(await repo.listFactorIds(db, reviewId));
  const unknown = factorIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw invalidField(`factorIds.${unknown}`, 'is not a factor of this review');
}
