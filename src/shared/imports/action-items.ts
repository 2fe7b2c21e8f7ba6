import type { List, ListItem, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type Section, nodeLines, plainInline } from './markdown.js';

export interface ImportedActionItem {
  title: string;
  description: string | null;
  done: boolean;
  owner: string | null;
  line: number;
}

/** Headings whose lists are things to do (the section and everything under it). */
export const ACTION_HEADING =
  /action[\s-]*items?|actions?\b(?! taken)|corrective|preventi(?:ve|on)|remediation|follow[\s-]*ups?|follow[\s-]*up (?:items|actions|work|improvements)|next steps|future improvements|improvements|to[\s-]?dos?\b|tasks\b|what we(?:'| a)re doing|what we will do|mitigations? (?:planned|to come)|recommendations?|work items|going forward/i;
const NOT_ACTIONS = /actions? taken|response actions|call to action|should (?:i|you)|can (?:i|you)|you can/i;

const DONE_MARK = /(?:^|\s)(?:✅|✔️?|☑)|\((?:done|completed?|fixed|resolved|closed)\)|\b(?:status:\s*)?(?:done|completed|fixed|resolved|closed)\s*[.)\]]?$/i;
const DONE_STATUS = /^(?:done|complete|completed|closed|fixed|resolved|finished|yes|shipped|merged|✅)/i;
const INLINE_ACTION = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:action(?:\s+(?:item|point))?|todo|follow[\s-]?up)(?:\*\*|__)?\s*[:\-–]\s*(?:\*\*|__)?\s*(.+)$/i;

export const isActionHeading = (heading: string) => ACTION_HEADING.test(heading) && !NOT_ACTIONS.test(heading);
const LABEL =
  /^\W*(?:action[\s-]*items?|corrective|preventi(?:ve|on)|remediation|follow[\s-]*ups?|next steps|future improvements|improvements|recommendations?|to[\s-]?dos?)\b/i;
const isLabel = (text: string) => text.trim().length < 60 && !/[.!?]$/.test(text.trim()) && LABEL.test(text) && isActionHeading(text);

/** "**Do X**: because Y" → title "Do X", description "because Y"; otherwise the first sentence is the title when long. */
function splitTitle(text: string): { title: string; description: string | null } {
  const bold = /^(?:\*\*|__)(.+?)(?:\*\*|__)\s*[:\-–—]?\s*(.*)$/.exec(text);
  if (bold && bold[1]!.length > 3) return { title: plainInline(bold[1]!).replace(/[:.]$/, ''), description: plainInline(bold[2]!) || null };
  return { title: plainInline(text), description: null };
}

export function readActionList(list: List, lines: string[], out: ImportedActionItem[]): void {
  for (const item of list.children) out.push(readItem(item, lines));
}

function readItem(item: ListItem, lines: string[]): ImportedActionItem {
  const own: string[] = [];
  const details: string[] = [];
  for (const child of item.children) {
    if (child.type === 'list') details.push(...child.children.map((c) => plainInline(toString(c))));
    else own.push(...nodeLines(lines, child).map((l) => l.text.trim()));
  }
  const first = (own[0] ?? '').replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
  const checkbox = /^\[([ xX]?)\]\s*/.exec(first);
  const body = [checkbox ? first.slice(checkbox[0].length) : first, ...own.slice(1)].join(' ').trim();
  const { title, description } = splitTitle(body);
  const done = item.checked === true || (checkbox ? /x/i.test(checkbox[1]!) : DONE_MARK.test(body));
  const extra = details.filter(Boolean).join('\n');
  return {
    title: title.replace(/\s*\((?:done|completed?)\)\s*$/i, '').replace(/^(?:✅|✔️?|☑)\s*/, ''),
    description: [description, extra].filter(Boolean).join('\n') || null,
    done,
    owner: null,
    line: item.position?.start.line ?? 0,
  };
}

export function readActionTable(table: Table, out: ImportedActionItem[]): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const titles = header.children.map((cell) => toString(cell).trim().toLowerCase());
  const find = (pattern: RegExp) => titles.findIndex((t) => pattern.test(t));
  const titleAt = Math.max(0, find(/action|item|task|description|what|title|summary|remediation/));
  const statusAt = find(/status|state|done/);
  const ownerAt = find(/owner|assignee|who|responsible/);
  for (const row of rows) {
    const cells = row.children.map((cell) => toString(cell).trim());
    const title = plainInline(cells[titleAt] ?? '');
    if (!title) continue;
    const status = statusAt >= 0 ? (cells[statusAt] ?? '') : '';
    out.push({ title, description: null, done: DONE_STATUS.test(status), owner: ownerAt >= 0 ? cells[ownerAt] || null : null, line: row.position?.start.line ?? 0 });
  }
}

/** Action items of an action-like section: its lists and tables, and lone paragraphs of one line each. */
export function readActionSection(section: Section, lines: string[], out: ImportedActionItem[]): void {
  for (const block of section.blocks) {
    if (block.type === 'list') readActionList(block, lines, out);
    else if (block.type === 'table') readActionTable(block, out);
  }
}

/** "Action item: ..." lines and checkbox lists anywhere else in the document. */
export function readInlineActions(blocks: RootContent[], lines: string[], out: ImportedActionItem[]): void {
  let labelled = false;
  for (const block of blocks) {
    // "Action Items" or "**Follow-ups:**" as a line of its own, then a list: a heading in all but name.
    if (labelled && block.type === 'list') {
      labelled = false;
      readActionList(block, lines, out);
      continue;
    }
    labelled = block.type === 'paragraph' && isLabel(toString(block));
    if (block.type === 'paragraph') {
      for (const { line, text } of nodeLines(lines, block)) {
        const match = INLINE_ACTION.exec(text);
        if (match) out.push({ title: plainInline(match[1]!), description: null, done: DONE_MARK.test(match[1]!), owner: null, line });
      }
    } else if (block.type === 'list') {
      for (const item of block.children) {
        const first = nodeLines(lines, item)[0]?.text ?? '';
        // "- **Review actions**:" with the actions nested under it.
        const label = plainInline(first.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''));
        if (label.length < 40 && label.endsWith(':') && isActionHeading(label)) {
          for (const child of item.children) if (child.type === 'list') readActionList(child, lines, out);
          continue;
        }
        const inline = INLINE_ACTION.exec(first);
        if (item.checked !== null && item.checked !== undefined) out.push(readItem(item, lines));
        else if (/^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]?\]/.test(first)) out.push(readItem(item, lines));
        else if (inline) out.push({ title: plainInline(inline[1]!), description: null, done: DONE_MARK.test(inline[1]!), owner: null, line: item.position?.start.line ?? 0 });
      }
    }
  }
}
