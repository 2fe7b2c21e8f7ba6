/**
 * Why an earlier incident is related to this one, in words (F18). Pure, so the wording is
 * table-tested. A name is wrapped in *asterisks*; the web app shows it emphasised.
 */
export interface RelatedEvidence {
  incidentId: number;
  sharedServices: string[];
  /** Shared categories of contributing factors (labels), and of other factors. */
  sharedContributorCategories: string[];
  sharedCategories: string[];
  sharedTags: string[];
  /** Distinctive words of this review also found in the other one. */
  sharedWords: string[];
}

const MAX_NAMED = 3;

/** "a", "a and b", "a, b and c" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const named = (names: readonly string[]) => listInWords(names.slice(0, MAX_NAMED).map((name) => `*${name}*`));
const incidentRefs = (ids: readonly number[]) => listInWords([...ids].sort((a, b) => a - b).map((id) => `#${id}`));

/**
 * The reasons for each related incident. A shared category names every related incident that has
 * it ("in #12 and #40"), so the list reads as one pattern rather than the same line repeated.
 */
export function relatedReasons(related: readonly RelatedEvidence[]): Map<number, string[]> {
  const holders = (pick: (evidence: RelatedEvidence) => string[], value: string) =>
    related.filter((evidence) => pick(evidence).includes(value)).map((evidence) => evidence.incidentId);
  const reasons = new Map<number, string[]>();
  for (const evidence of related) {
    const lines: string[] = [];
    for (const category of evidence.sharedContributorCategories.slice(0, MAX_NAMED)) {
      lines.push(`the same contributor category, *${category}*, in ${incidentRefs(holders((e) => e.sharedContributorCategories, category))}`);
    }
    const otherCategories = evidence.sharedCategories.filter((category) => !evidence.sharedContributorCategories.includes(category));
    for (const category of otherCategories.slice(0, MAX_NAMED)) {
      lines.push(`the same factor category, *${category}*, in ${incidentRefs(holders((e) => e.sharedCategories, category))}`);
    }
    if (evidence.sharedTags.length) lines.push(`factors also tagged ${named(evidence.sharedTags)}`);
    if (evidence.sharedServices.length) lines.push(`also affected ${named(evidence.sharedServices)}`);
    if (evidence.sharedWords.length) lines.push(`also mentions ${named(evidence.sharedWords)}`);
    reasons.set(evidence.incidentId, lines.length ? lines : ['similar wording']);
  }
  return reasons;
}
