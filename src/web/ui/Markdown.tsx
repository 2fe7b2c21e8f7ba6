import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { useMemo } from 'react';

/**
 * User-written Markdown (summary, impact, learnings, answers, descriptions) as inert HTML:
 *   - raw HTML in the source is shown as text, never parsed (`<img onerror=…>` stays visible text);
 *   - images become links, so a review never loads anything from elsewhere;
 *   - DOMPurify then keeps only formatting tags and http(s)/mailto/relative links, whatever marked
 *     produced; every remaining link gets rel="noopener noreferrer", external ones open in a new tab;
 *   - headings start at h4, below the document's own sections.
 */
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(6, depth + 3);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    image: ({ href, text }: Tokens.Image) => `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>`,
    checkbox: ({ checked }: Tokens.Checkbox) => (checked ? '☑ ' : '☐ '),
  },
});

const purifier = DOMPurify(window);
const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];
const CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', 'title', 'start', 'align'],
  // http(s), mailto, and links within the app (/…, #…, ?…); javascript:, data: and the rest go.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[/?#](?!\/))/i,
  ALLOW_DATA_ATTR: false,
};

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  if (!node.hasAttribute('href')) return;
  node.setAttribute('rel', 'noopener noreferrer');
  if (/^https?:/i.test(node.getAttribute('href') ?? '')) node.setAttribute('target', '_blank');
});

/** Markdown → sanitised HTML string. Exported for tests; components use <Markdown>. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string;
  return purifier.sanitize(html, CONFIG);
}

interface Props {
  text: string | null | undefined;
  /** Shown (as plain text) when there is nothing written. */
  empty?: string;
  className?: string;
  /** Tighter spacing for descriptions inside lists and tables. */
  compact?: boolean;
}

export function Markdown({ text, empty, className, compact }: Props) {
  const html = useMemo(() => (text?.trim() ? renderMarkdown(text) : ''), [text]);
  if (!html) return empty ? <p className="hs-empty">{empty}</p> : null;
  const classes = ['hs-markdown', compact ? 'hs-markdown-compact' : '', className ?? ''].filter(Boolean).join(' ');
  return <div className={classes} data-testid="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
