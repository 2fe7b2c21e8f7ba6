/**
 * A part of the review document (summary, timeline, factors, ...), declared once: how it counts
 * toward completeness, how it renders to Markdown, and which free-text fields the language checker
 * reads. The registry (review-parts.ts) lists them; the server (what each loads and its cache
 * fingerprint) and the web app (its editor and read components) keep registries keyed the same
 * way, which the typechecker holds complete.
 */
import type { ReviewDocument } from './review-document.schema.js';
import type { Block } from './markdown/mdast.js';
import type { SectionSource } from './review-templates.js';

export const partKeys = ['summary', 'impact', 'timeline', 'factors', 'whys', 'questions', 'actionItems', 'learnings'] as const;
export type PartKey = (typeof partKeys)[number];

/** What a part reads: the review and the parts' records, as the editor's caches or the server hold them. */
export type DocumentParts = Pick<ReviewDocument, 'review' | 'incident' | 'timeline' | 'factors' | 'whys' | 'questions' | 'actionItems'>;

export interface FreeText {
  /** Named as the API and the UI name it: `summary`, `factors.12.title`, ... */
  field: string;
  text: string | null;
}

export interface ReviewPart<K extends PartKey = PartKey> {
  key: K;
  label: string;
  /** How many items the part holds for one of a template section's sources naming it. */
  count(parts: DocumentParts, source: Extract<SectionSource, { part: K }>): number;
  /** Its `##` sections of the Markdown export. */
  markdown(doc: ReviewDocument): Block[];
  texts(parts: DocumentParts): FreeText[];
}

export const definePart = <K extends PartKey>(part: ReviewPart<K>): ReviewPart<K> => part;
