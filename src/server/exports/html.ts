import type { Nodes, Table } from 'mdast';
import { isSafeUrl } from '../../shared/reviews/markdown/mdast.js';
import { parseMarkdown } from './markdown-tree.js';

/**
 * Markdown as a standalone HTML page: one file with its own CSS (no fonts, scripts or images to
 * fetch), readable on screen and printed. Everything people wrote is escaped; only http(s),
 * mailto and in-page links survive; raw HTML in the Markdown is shown as text.
 */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => entities[c]!);

function tableHtml(node: Table): string {
  const [head, ...body] = node.children;
  const cells = (row: Table['children'][number], tag: 'th' | 'td') =>
    row.children.map((cell, i) => `<${tag}${node.align?.[i] ? ` style="text-align:${node.align[i]}"` : ''}>${children(cell.children)}</${tag}>`).join('');
  return `<div class="table"><table>${head ? `<thead><tr>${cells(head, 'th')}</tr></thead>` : ''}<tbody>${body.map((row) => `<tr>${cells(row, 'td')}</tr>`).join('\n')}</tbody></table></div>\n`;
}

const children = (nodes: Nodes[]): string => nodes.map(nodeHtml).join('');

function nodeHtml(node: Nodes): string {
  switch (node.type) {
    case 'root':
      return children(node.children);
    case 'heading':
      return `<h${node.depth}>${children(node.children)}</h${node.depth}>\n`;
    case 'paragraph':
      return `<p>${children(node.children)}</p>\n`;
    case 'text':
      return escapeHtml(node.value);
    case 'strong':
      return `<strong>${children(node.children)}</strong>`;
    case 'emphasis':
      return `<em>${children(node.children)}</em>`;
    case 'delete':
      return `<del>${children(node.children)}</del>`;
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'code':
      return `<pre><code>${escapeHtml(node.value)}</code></pre>\n`;
    case 'break':
      return '<br>';
    case 'thematicBreak':
      return '<hr>\n';
    case 'blockquote':
      return `<blockquote>${children(node.children)}</blockquote>\n`;
    case 'link':
      return isSafeUrl(node.url) ? `<a href="${escapeHtml(node.url)}">${children(node.children)}</a>` : children(node.children);
    case 'image':
      return escapeHtml(node.alt ?? ''); // self-contained: nothing is fetched
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      return `<${tag}${node.ordered && node.start && node.start !== 1 ? ` start="${node.start}"` : ''}>\n${children(node.children)}</${tag}>\n`;
    }
    case 'listItem': {
      const box = node.checked === true ? '☑ ' : node.checked === false ? '☐ ' : '';
      // A tight item's paragraph is shown inline, as Markdown renderers do.
      const inner = node.spread ? children(node.children) : node.children.map((child) => (child.type === 'paragraph' ? children(child.children) : nodeHtml(child))).join('');
      return `<li>${box}${inner}</li>\n`;
    }
    case 'table':
      return tableHtml(node);
    case 'html':
      return escapeHtml(node.value);
    default:
      return 'children' in node ? children(node.children as Nodes[]) : 'value' in node ? escapeHtml(String(node.value)) : '';
  }
}

const styles = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1f2329; font: 15px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 860px; margin: 2rem auto; padding: 2.5rem 3rem; background: #fff; border: 1px solid #e3e5e8; border-radius: 8px; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; padding-bottom: .3rem; border-bottom: 1px solid #e3e5e8; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
p, ul, ol, blockquote, pre, .table { margin: 0 0 .9rem; }
a { color: #1864ab; }
code { font: .9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f1f3f5; padding: .1em .3em; border-radius: 3px; }
pre { background: #f1f3f5; padding: .8rem 1rem; border-radius: 6px; overflow-x: auto; }
pre code { background: none; padding: 0; }
blockquote { margin-left: 0; padding: .2rem 1rem; border-left: 3px solid #ced4da; color: #495057; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border: 1px solid #dee2e6; padding: .4rem .6rem; text-align: left; vertical-align: top; }
th { background: #f1f3f5; font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafbfc; }
hr { border: 0; border-top: 1px solid #e3e5e8; margin: 1.5rem 0; }
footer { max-width: 860px; margin: 0 auto 2rem; color: #868e96; font-size: .8rem; text-align: center; }
@media print {
  @page { margin: 18mm 16mm; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; margin: 0; padding: 0; border: 0; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, pre, blockquote, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tbody tr:nth-child(even) td { background: none; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; color: #555; }
  footer { display: none; }
}
`;

/** `markdown` as a whole HTML document titled `title`. */
export function renderHtml(markdown: string, { title, footer }: { title: string; footer?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<main>
${nodeHtml(parseMarkdown(markdown))}</main>
${footer ? `<footer>${escapeHtml(footer)}</footer>\n` : ''}</body>
</html>
`;
}
