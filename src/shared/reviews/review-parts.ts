/**
 * The registry of review parts, in their default order. A new part is one definition (review-part.ts)
 * and one line here; the server's and the web app's registries are typed against `partKeys`.
 */
import { actionItemsPart } from '../actions/action-items.part.js';
import { timelinePart } from '../timeline/timeline.part.js';
import { factorsPart } from './factors.part.js';
import { questionsPart } from './questions.part.js';
import { partKeys, type PartKey, type ReviewPart } from './review-part.js';
import { templateSections, type ReviewTemplate } from './review-templates.js';
import { impactPart, learningsPart, summaryPart } from './text-parts.js';
import { whysPart } from './whys.part.js';

export const reviewParts: { readonly [K in PartKey]: ReviewPart<K> } = {
  summary: summaryPart,
  impact: impactPart,
  timeline: timelinePart,
  factors: factorsPart,
  whys: whysPart,
  questions: questionsPart,
  actionItems: actionItemsPart,
  learnings: learningsPart,
};

/**
 * The parts in the order the template shows them (by the first section that names each); a part
 * the template does not name keeps its place after the part it follows in the registry.
 */
export function partsInTemplateOrder(template: ReviewTemplate): PartKey[] {
  const ordered: PartKey[] = [];
  for (const section of templateSections[template].sections) for (const source of section.sources) if (!ordered.includes(source.part)) ordered.push(source.part);
  partKeys.forEach((key, index) => {
    if (ordered.includes(key)) return;
    const previous = partKeys.slice(0, index).reverse().find((k) => ordered.includes(k));
    ordered.splice(previous === undefined ? 0 : ordered.indexOf(previous) + 1, 0, key);
  });
  return ordered;
}
