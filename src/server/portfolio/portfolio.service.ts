import { closedActionItemStatuses, type ActionItem, type ActionItemStatus } from '../../shared/actions/action-item.schema.js';
import { AppError } from '../../shared/errors.js';
import type { Severity } from '../../shared/incidents/incident.schema.js';
import type { MergeInput, Portfolio } from '../../shared/portfolio/portfolio.schema.js';
import { byRank, groupSimilar, rankOf, type PortfolioItem } from '../../shared/portfolio/similar-items.js';
import { visibleIncidents } from '../access/visibility.js';
import { getActionItem, updateActionItem } from '../actions/action-items.service.js';
import type { AppContext } from '../context.js';
import { incidentsWithContributorCategories, taxonomyFor } from '../factors/factors.service.js';
import { invalidField } from '../http/version-conflict.js';
import * as repo from './portfolio.repo.js';

/**
 * The improvement portfolio (B8): open action items across all incidents, alike ones grouped and
 * ranked by how much they address; and, for done items, whether incidents with the contributor
 * categories they addressed came back after they were done. Restricted incidents are filtered in
 * each query, so their items neither show nor count for non-members.
 */

/** Bounds the work on a large installation: the most recent open items, the most recently done. */
const OPEN_ITEMS = 5_000;
const DONE_ITEMS = 200;
/** Sooner than this after an item was done, no recurrence says little. */
const TOO_SOON_DAYS = 30;

type ItemRow = Awaited<ReturnType<typeof repo.openItems>>[number];

function categoriesByItem(rows: Array<{ action_item_id: number; category: string }>): Map<number, string[]> {
  const byItem = new Map<number, string[]>();
  for (const row of rows) byItem.set(row.action_item_id, [...new Set([...(byItem.get(row.action_item_id) ?? []), row.category])].sort());
  return byItem;
}

/** When the item became done: its last change to done in the audit log (or its creation as done). */
function doneAtOf(row: ItemRow, history: Array<{ entity_id: string; at: string; before: string | null; after: string | null }>): string {
  let doneAt: string | null = null;
  for (const entry of history) {
    if (entry.entity_id !== String(row.id)) continue;
    const before = entry.before ? (JSON.parse(entry.before) as { status?: ActionItemStatus }) : null;
    const after = entry.after ? (JSON.parse(entry.after) as { status?: ActionItemStatus }) : null;
    if (after?.status === 'done' && before?.status !== 'done') doneAt = entry.at;
  }
  return doneAt ?? row.updated_at;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function portfolio(ctx: AppContext): Promise<Portfolio> {
  const visible = visibleIncidents(ctx.actor);
  const [open, done] = await Promise.all([repo.openItems(ctx.db, visible, closedActionItemStatuses, OPEN_ITEMS), repo.doneItems(ctx.db, visible, DONE_ITEMS)]);
  const [categoryRows, history] = await Promise.all([repo.categoriesOfItems(ctx.db, [...open, ...done].map((row) => row.id)), repo.statusHistory(ctx.db, done.map((row) => row.id))]);
  const categories = categoriesByItem(categoryRows);
  const labels = new Map(taxonomyFor(ctx).categories.map((category) => [category.key, category.label]));
  const labelled = (keys: string[]) => keys.map((key) => ({ key, label: labels.get(key) ?? key }));

  const items = open.map((row): PortfolioItem & { row: ItemRow } => ({
    id: row.id,
    text: `${row.title}\n${row.description ?? ''}`,
    incidentId: row.incident_id,
    severity: row.severity as Severity,
    userFacing: row.user_facing === 1,
    categories: categories.get(row.id) ?? [],
    row,
  }));
  const groups = groupSimilar(items)
    .map((group) => ({ group, rank: rankOf(group) }))
    .sort((a, b) => byRank(a.rank, b.rank))
    .map(({ group, rank }) => ({
      items: group.map(({ row, categories: itemCategories }) => ({
        actionItemId: row.id,
        title: row.title,
        status: row.status as ActionItemStatus,
        owner: row.owner === null ? null : { userId: row.owner_user_id, name: row.owner },
        dueDate: row.due_date,
        reviewId: row.review_id,
        incidentId: row.incident_id,
        incidentTitle: row.incident_title,
        severity: row.severity as Severity,
        categories: itemCategories,
      })),
      incidents: rank.incidents,
      categories: labelled(rank.categories),
      impact: rank.impact,
      reason: [
        `${plural(group.length, 'similar item')} from ${plural(rank.incidents, 'incident')}`,
        rank.categories.length ? `addressing ${labelled(rank.categories).map((c) => c.label).join(', ')}` : null,
        `impact ${rank.impact}`,
      ]
        .filter(Boolean)
        .join(' · '),
    }));

  const doneAt = new Map(done.map((row) => [row.id, doneAtOf(row, history)]));
  const doneCategories = [...new Set(done.flatMap((row) => categories.get(row.id) ?? []))];
  const earliest = Math.min(...[...doneAt.values()].map((at) => Date.parse(at)));
  const later = (await incidentsWithContributorCategories(ctx, visible, doneCategories, { fromMs: earliest }, 5_000)).reverse();
  const now = ctx.now().getTime();
  const effectiveness = done.map((row) => {
    const at = doneAt.get(row.id)!;
    const own = categories.get(row.id) ?? [];
    const recurredIn = [...new Map(later.filter((r) => own.includes(r.category!) && r.started_at_ms > Date.parse(at) && r.id !== row.incident_id).map((r) => [r.id, r])).values()].map((r) => ({
      incidentId: r.id,
      title: r.title,
      startedAt: new Date(r.started_at_ms).toISOString(),
    }));
    const verdict = own.length === 0 ? 'no_category' : recurredIn.length ? 'recurred' : now - Date.parse(at) < TOO_SOON_DAYS * 86_400_000 ? 'too_soon' : 'no_recurrence';
    return { actionItemId: row.id, title: row.title, incidentId: row.incident_id, doneAt: at, categories: labelled(own), verdict: verdict as Portfolio['effectiveness'][number]['verdict'], recurredIn };
  });
  return { groups, effectiveness, openItemsConsidered: open.length };
}

const isOpen = (item: ActionItem) => !closedActionItemStatuses.includes(item.status);

/**
 * Merges duplicates into one tracked item: each duplicate is closed as declined, its reason naming
 * the item that tracks it, through the action items' own service (audited, evented, one at a time).
 */
export async function mergeDuplicates(ctx: AppContext, input: MergeInput): Promise<{ kept: ActionItem; merged: ActionItem[] }> {
  const ids = [...new Set(input.mergeIds)];
  if (ids.includes(input.keepId)) throw invalidField('mergeIds', 'must not contain keepId');
  const kept = await getActionItem(ctx, input.keepId);
  if (!isOpen(kept)) throw invalidField('keepId', `action item ${kept.id} is ${kept.status}: keep an open one`);
  const duplicates = await Promise.all(ids.map((id) => getActionItem(ctx, id)));
  const closed = duplicates.find((item) => !isOpen(item));
  if (closed) throw new AppError('conflict', `Action item ${closed.id} is already ${closed.status}`);
  const merged: ActionItem[] = [];
  for (const item of duplicates) {
    const declineReason = `Merged into action item #${kept.id} "${kept.title}" (from incident #${kept.incidentId}), which tracks it.`;
    merged.push(await updateActionItem(ctx, item.id, { version: item.version, status: 'declined', declineReason }));
  }
  return { kept, merged };
}
