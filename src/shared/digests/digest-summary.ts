import type { Digest } from './digest.schema.js';

/** What a chat message holds at most (Slack's section text stops at 3,000 characters). */
const MAX_SUMMARY = 2_500;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Nothing published, recurring, open or overdue: a week not worth a message. */
export const isQuietWeek = (digest: Digest): boolean =>
  digest.published.length === 0 && digest.recurringContributors.length === 0 && digest.openActionItems === 0 && digest.overdueActionItems.length === 0;

/** The digest in a few plain lines, for a chat message: counts, titles, recurring categories, overdue items; the page has the rest. */
export function digestSummary(digest: Digest): string {
  const lines = [`${plural(digest.published.length, 'review')} published, ${plural(digest.openActionItems, 'open action item')}, ${digest.overdueActionItems.length} overdue.`];
  if (digest.published.length) {
    lines.push('', 'Published:');
    for (const review of digest.published) lines.push(`• #${review.incidentId} ${review.title} (${review.severity.toUpperCase()})${review.learnings.length ? `: ${plural(review.learnings.length, 'lesson')}` : ''}`);
  }
  if (digest.recurringContributors.length) {
    lines.push('', 'Contributors that recur:');
    for (const c of digest.recurringContributors) lines.push(`• ${c.label}: ${c.thisWeek} this week, ${c.before} before${c.isNew ? ' (first recurrence)' : ''}`);
  }
  if (digest.overdueActionItems.length) {
    lines.push('', 'Overdue action items:');
    for (const item of digest.overdueActionItems) lines.push(`• ${item.title} (${item.owner?.name ?? 'no owner'}, due ${item.dueDate})`);
  }
  const text = lines.join('\n');
  return text.length <= MAX_SUMMARY ? text : `${text.slice(0, MAX_SUMMARY).replace(/\n[^\n]*$/, '')}\n… and more in the digest.`;
}
