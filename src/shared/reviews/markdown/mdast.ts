/**
 * Markdown built as a syntax tree (mdast) and serialised by mdast-util-to-markdown, never by
 * string concatenation: whatever people typed ends up escaped where it is text, and only safe
 * links survive. Pure, so the server and the browser render exports the same way.
 */
import type { BlockContent, Heading, ListItem, Nodes, Parent, PhrasingContent, Root, RootContent, TableCell, TableRow } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';

export type Phrasing = PhrasingContent;
export type Block = RootContent;

export const text = (value: string): Phrasing => ({ type: 'text', value });
export const strong = (...children: Phrasing[]): Phrasing => ({ type: 'strong', children });
export const emphasis = (...children: Phrasing[]): Phrasing => ({ type: 'emphasis', children });
export const paragraph = (...children: Phrasing[]): Block => ({ type: 'paragraph', children });
/** A heading on one line: headings cannot span lines. */
export const heading = (depth: Heading['depth'], value: string): Block => ({ type: 'heading', depth, children: [text(oneLine(value))] });

export const oneLine = (value: string): string => value.replace(/\s*\r?\n\s*/g, ' ').trim();

/** http(s) and mailto URLs, and links within the page; anything else (javascript:, data:, ...) is refused. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so compare without them.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  return scheme === undefined || ['http', 'https', 'mailto'].includes(scheme.toLowerCase());
}

/** A link when the URL is safe, else just its text. */
export const link = (label: string, url: string): Phrasing => (isSafeUrl(url) ? { type: 'link', url, children: [text(oneLine(label))] } : text(oneLine(label)));

type CellValue = string | number | null | undefined | Phrasing | Phrasing[];

function cellOf(value: CellValue): TableCell {
  if (Array.isArray(value)) return { type: 'tableCell', children: value };
  if (value !== null && typeof value === 'object') return { type: 'tableCell', children: [value] };
  const shown = value === null || value === undefined || String(value).trim() === '' ? '–' : oneLine(String(value));
  return { type: 'tableCell', children: [text(shown)] };
}

export function table(headers: string[], rows: CellValue[][]): Block {
  const row = (cells: CellValue[]): TableRow => ({ type: 'tableRow', children: cells.map(cellOf) });
  return { type: 'table', align: headers.map(() => null), children: [row(headers), ...rows.map(row)] };
}

export function list(items: Array<Phrasing[] | Block[]>, ordered = false): Block {
  const item = (children: Phrasing[] | Block[]): ListItem => ({
    type: 'listItem',
    spread: false,
    children: isPhrasing(children) ? [{ type: 'paragraph', children }] : (children as BlockContent[]),
  });
  return { type: 'list', ordered, spread: false, children: items.map(item) };
}

const phrasingTypes = new Set(['text', 'strong', 'emphasis', 'link', 'inlineCode', 'break', 'delete']);
const isPhrasing = (nodes: Phrasing[] | Block[]): nodes is Phrasing[] => nodes.every((node) => phrasingTypes.has(node.type));

/**
 * Markdown people wrote (a summary, an answer), as a tree that is safe to export: raw HTML becomes
 * visible text, links and images keep only safe URLs (else their text stays), and headings are
 * pushed below `minDepth` so they stay inside the section they belong to.
 */
export function userMarkdown(markdown: string, minDepth: Heading['depth'] = 3): Block[] {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return sanitise(tree, minDepth).children;
}

function sanitise<T extends Parent>(parent: T, minDepth: Heading['depth']): T {
  const children: Nodes[] = [];
  for (const child of parent.children as Nodes[]) {
    if (child.type === 'html') children.push({ type: 'text', value: child.value });
    else if (child.type === 'definition') {
      if (isSafeUrl(child.url)) children.push(child);
    } else if ((child.type === 'link' || child.type === 'image') && !isSafeUrl(child.url)) {
      if (child.type === 'link') children.push(...sanitise(child, minDepth).children);
      else children.push({ type: 'text', value: child.alt ?? '' });
    } else if ('children' in child) {
      const clean = sanitise(child, minDepth);
      children.push(clean.type === 'heading' ? { ...clean, depth: Math.max(clean.depth, minDepth) as Heading['depth'] } : clean);
    } else children.push(child);
  }
  return { ...parent, children };
}

/** People's text, or a placeholder in italics when they wrote nothing. */
export const userBlock = (markdown: string | null | undefined, empty: string, minDepth: Heading['depth'] = 3): Block[] =>
  markdown?.trim() ? userMarkdown(markdown.trim(), minDepth) : [paragraph(emphasis(text(empty)))];

/** A `## heading` and its content. */
export const section = (title: string, ...content: Block[]): Block[] => [heading(2, title), ...content];

export function renderMarkdown(blocks: Block[]): string {
  const root: Root = { type: 'root', children: blocks };
  return toMarkdown(root, { extensions: [gfmToMarkdown({ tablePipeAlign: false })], bullet: '-', emphasis: '_', rule: '-', listItemIndent: 'one' });
}

/** "2026-03-10T09:05:00+01:00" → "2026-03-10 09:05:00 +01:00": the instant exactly as recorded, easier to read. */
export const timestamp = (iso: string | null | undefined): string =>
  iso ? iso.replace('T', ' ').replace(/(Z|[+-]\d{2}:?\d{2})$/, (offset) => ` ${offset === 'Z' ? 'UTC' : offset}`) : 'unknown';
