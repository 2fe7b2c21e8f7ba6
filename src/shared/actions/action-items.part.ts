/** Action items (F8): what the review turned into work, with the factors each addresses. */
import { definePart } from '../reviews/review-part.js';
import { emphasis, link, list, paragraph, section, strong, table, text, type Block } from '../reviews/markdown/mdast.js';
import type { ActionItem } from './action-item.schema.js';

function notes(item: ActionItem, n: number): Block[][] {
  const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();
  const found: Block[][] = [];
  if (item.description?.trim()) found.push([paragraph(strong(text(`${n}.`)), text(` ${oneLine(item.description)}`))]);
  if (item.secondOrderEffects?.trim()) found.push([paragraph(strong(text(`${n}. Second-order effects:`)), text(` ${oneLine(item.secondOrderEffects)}`))]);
  return found;
}

export const actionItemsPart = definePart({
  key: 'actionItems',
  label: 'Action items',
  count: ({ actionItems }) => actionItems.length,
  markdown(doc) {
    if (doc.actionItems.length === 0) return section('Action items', paragraph(emphasis(text('No action items yet.'))));
    const titles = new Map(doc.factors.map((f) => [f.id, f.title]));
    const rows = doc.actionItems.map((a, i) => [
      i + 1,
      a.externalUrl ? link(a.title, a.externalUrl) : a.title,
      a.owner?.name,
      a.dueDate ? `${a.dueDate}${a.overdue ? ' (overdue)' : ''}` : null,
      a.priority,
      a.class,
      a.kind,
      a.status === 'declined' ? `declined: ${a.declineReason ?? ''}` : a.status.replace('_', ' '),
      a.factorIds.map((id) => titles.get(id)).filter(Boolean).join('; '),
    ]);
    const itemNotes = doc.actionItems.flatMap((a, i) => notes(a, i + 1));
    const heads = ['#', 'Action', 'Owner', 'Due', 'Priority', 'Class', 'Kind', 'Status', 'Addresses'];
    return section('Action items', table(heads, rows), ...(itemNotes.length ? [list(itemNotes)] : []));
  },
  texts: ({ actionItems }) =>
    actionItems.flatMap((a) => [
      { field: `actionItems.${a.id}.title`, text: a.title },
      { field: `actionItems.${a.id}.description`, text: a.description },
    ]),
});
