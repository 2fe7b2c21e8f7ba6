import type { Heading, List, Nodes, PhrasingContent, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import PDFDocument from 'pdfkit';
import { isSafeUrl } from '../../shared/reviews/markdown/mdast.js';
import { parseMarkdown } from './markdown-tree.js';

/**
 * Markdown as a PDF, generated on the server with pdfkit: headings (also as the PDF's outline),
 * paragraphs with bold, italics, code and links, lists, tables with a header row, code blocks and
 * quotes; "Page n of N" in every footer and the title in the document's metadata. Generic: the
 * review export and the customer-safe summary give it their Markdown.
 */

type Doc = PDFKit.PDFDocument;

const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const BODY_SIZE = 10.5;
const TABLE_SIZE = 8.5;
const HEADING_SIZES: Record<Heading['depth'], number> = { 1: 20, 2: 15, 3: 12.5, 4: 11, 5: 10.5, 6: 10.5 };
const INDENT = 16;
const TEXT = '#1f2329';
const MUTED = '#6b7280';
const RULE = '#d0d4d9';

/**
 * The 14 standard PDF fonts only encode Windows-1252: other characters would come out as garbage,
 * so they are shown as "?" (embedding a Unicode font would add megabytes to every export).
 */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const printable = (value: string): string => [...value].map((c) => (c.charCodeAt(0) <= 0xff || winAnsiExtras.has(c) ? c : '?')).join('');

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  link?: string;
}
type RunStyle = Omit<Run, 'text'>;

function runsOf(nodes: PhrasingContent[], style: RunStyle = { bold: false, italic: false, code: false }): Run[] {
  return nodes.flatMap((node): Run[] => {
    switch (node.type) {
      case 'text':
        return [{ ...style, text: node.value }];
      case 'inlineCode':
        return [{ ...style, code: true, text: node.value }];
      case 'break':
        return [{ ...style, text: '\n' }];
      case 'strong':
        return runsOf(node.children, { ...style, bold: true });
      case 'emphasis':
        return runsOf(node.children, { ...style, italic: true });
      case 'link':
        return runsOf(node.children, isSafeUrl(node.url) ? { ...style, link: node.url } : style);
      case 'image':
        return [{ ...style, text: node.alt ?? '' }];
      default:
        return 'children' in node ? runsOf(node.children as PhrasingContent[], style) : [{ ...style, text: 'value' in node ? String(node.value) : '' }];
    }
  });
}

const fontOf = ({ bold, italic, code }: RunStyle): string =>
  code ? (bold ? 'Courier-Bold' : 'Courier') : bold && italic ? 'Helvetica-BoldOblique' : bold ? 'Helvetica-Bold' : italic ? 'Helvetica-Oblique' : 'Helvetica';

/** A paragraph of styled runs at `x`, `width` wide. */
function writeRuns(doc: Doc, runs: Run[], x: number, width: number, size = BODY_SIZE, color = TEXT): void {
  const shown = runs.filter((run) => run.text !== '');
  if (shown.length === 0) return;
  doc.fillColor(color).fontSize(size);
  shown.forEach((run, i) => {
    const options: PDFKit.Mixins.TextOptions = { width, continued: i < shown.length - 1, lineGap: 2, link: run.link ?? null, underline: Boolean(run.link) };
    doc.font(fontOf(run));
    doc.fillColor(run.link ? '#1864ab' : color);
    if (i === 0) doc.text(printable(run.text), x, doc.y, options);
    else doc.text(printable(run.text), options);
  });
  doc.fillColor(TEXT);
}

const contentWidth = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;

/** Starts a new page when less than `height` is left, so a heading is never alone at a page's foot. */
function keepSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN.bottom) doc.addPage();
}

function heading(doc: Doc, node: Heading, x: number): void {
  const size = HEADING_SIZES[node.depth];
  doc.moveDown(node.depth <= 2 ? 0.9 : 0.5);
  keepSpace(doc, size * 2 + 90); // the heading and the start of what follows
  const title = printable(toString(node));
  if (node.depth <= 2) doc.outline.addItem(title);
  doc.font('Helvetica-Bold').fontSize(size).fillColor(TEXT).text(title, x, doc.y, { width: contentWidth(doc) - (x - MARGIN.left) });
  if (node.depth <= 2) {
    const y = doc.y + 2;
    doc.moveTo(x, y).lineTo(doc.page.width - MARGIN.right, y).lineWidth(0.6).strokeColor(RULE).stroke();
    doc.y = y + 4;
  }
  doc.moveDown(0.3);
}

function list(doc: Doc, node: List, x: number): void {
  const start = node.start ?? 1;
  node.children.forEach((item, i) => {
    const marker = item.checked === true ? '[x]' : item.checked === false ? '[ ]' : node.ordered ? `${start + i}.` : '•';
    keepSpace(doc, BODY_SIZE * 2);
    const y = doc.y;
    doc.font('Helvetica').fontSize(BODY_SIZE).fillColor(TEXT).text(marker, x, y, { width: INDENT + 6, lineBreak: false });
    doc.y = y;
    for (const child of item.children) {
      if (child.type === 'paragraph') writeRuns(doc, runsOf(child.children), x + INDENT + 6, contentWidth(doc) - (x - MARGIN.left) - INDENT - 6);
      else block(doc, child, x + INDENT + 6);
    }
    doc.moveDown(0.15);
  });
  doc.moveDown(0.4);
}

const CELL_PADDING = 4;

/**
 * Column widths: each column at least as wide as its longest word (no word is broken across lines),
 * the rest shared in proportion to how much the column holds, so a timeline's events get the room.
 */
function columnWidths(doc: Doc, rows: string[][], width: number): number[] {
  const columns = Math.max(...rows.map((row) => row.length));
  const widest = (c: number) => Math.max(...rows.flatMap((row, r) => (row[c] ?? '').split(/\s+/).map((word) => doc.font(r === 0 ? 'Helvetica-Bold' : 'Helvetica').widthOfString(word))));
  const minimum = Array.from({ length: columns }, (_, c) => Math.min(widest(c), width / 3) + 2 * CELL_PADDING + 2);
  const least = minimum.reduce((sum, w) => sum + w, 0);
  if (least >= width) return minimum.map((w) => (w / least) * width);
  const weights = Array.from({ length: columns }, (_, c) => Math.min(80, Math.max(1, ...rows.map((row) => (row[c] ?? '').length))));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return minimum.map((w, c) => w + (weights[c]! / total) * (width - least));
}

function table(doc: Doc, node: Table, x: number): void {
  const rows = node.children.map((row) => row.children.map((cell) => printable(toString(cell))));
  const [head, ...body] = rows;
  // A table of facts has a blank header row (Markdown tables need one; the review's shows "–").
  const hasHeader = head !== undefined && head.some((cell) => !/^[\s–]*$/.test(cell));
  const width = contentWidth(doc) - (x - MARGIN.left);
  const data = [
    ...(hasHeader ? [head.map((text) => ({ text, type: 'TH' as const, font: { src: 'Helvetica-Bold' }, backgroundColor: '#eef0f3' }))] : []),
    ...body.map((row) => row.map((text) => ({ text }))),
  ];
  if (data.length === 0) return;
  keepSpace(doc, TABLE_SIZE * 6);
  doc.fontSize(TABLE_SIZE);
  const widths = columnWidths(doc, hasHeader ? rows : body, width);
  doc.font('Helvetica').fillColor(TEXT);
  doc.table({
    position: { x, y: doc.y },
    maxWidth: width,
    columnStyles: widths,
    defaultStyle: { border: 0.5, borderColor: RULE, padding: [3, CELL_PADDING, 3, CELL_PADDING] },
    data,
  });
  doc.x = MARGIN.left;
  doc.moveDown(0.6);
}

function block(doc: Doc, node: RootContent | Nodes, x: number): void {
  switch (node.type) {
    case 'heading':
      return heading(doc, node, x);
    case 'paragraph':
      writeRuns(doc, runsOf(node.children), x, contentWidth(doc) - (x - MARGIN.left));
      doc.moveDown(0.5);
      return;
    case 'list':
      return list(doc, node, x);
    case 'table':
      return table(doc, node, x);
    case 'code':
      doc.font('Courier').fontSize(TABLE_SIZE + 0.5).fillColor(TEXT).text(printable(node.value), x + INDENT / 2, doc.y, { width: contentWidth(doc) - (x - MARGIN.left) - INDENT });
      doc.moveDown(0.5);
      return;
    case 'blockquote':
      for (const child of node.children) {
        if (child.type === 'paragraph') writeRuns(doc, runsOf(child.children), x + INDENT, contentWidth(doc) - (x - MARGIN.left) - INDENT, BODY_SIZE, MUTED);
        else block(doc, child, x + INDENT);
      }
      doc.moveDown(0.5);
      return;
    case 'thematicBreak': {
      const y = doc.y + 4;
      doc.moveTo(x, y).lineTo(doc.page.width - MARGIN.right, y).lineWidth(0.6).strokeColor(RULE).stroke();
      doc.y = y + 8;
      return;
    }
    case 'html':
      writeRuns(doc, [{ text: node.value, bold: false, italic: false, code: true }], x, contentWidth(doc) - (x - MARGIN.left));
      doc.moveDown(0.5);
      return;
    default:
      if ('children' in node) for (const child of node.children as Nodes[]) block(doc, child, x);
  }
}

/** "Page n of N" (and the title) in the footer of every page, written once the page count is known. */
function footers(doc: Doc, title: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    doc.page.margins.bottom = 0; // writing below the bottom margin must not start a new page
    const y = doc.page.height - MARGIN.bottom + 24;
    const width = contentWidth(doc);
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    doc.text(printable(title), MARGIN.left, y, { width: width * 0.7, height: 10, ellipsis: true, lineBreak: false });
    doc.text(`Page ${page + 1} of ${count}`, MARGIN.left + width * 0.7, y, { width: width * 0.3, align: 'right', lineBreak: false });
  }
}

/** `markdown` as a PDF titled `title` (in its metadata and footers). */
export function renderPdf(markdown: string, { title }: { title: string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true, displayTitle: true, lang: 'en', info: { Title: printable(title), Creator: 'Hindsight' } });
  const bytes = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const node of parseMarkdown(markdown).children) block(doc, node, MARGIN.left);
  footers(doc, title);
  doc.end();
  return bytes;
}
