/** Small Markdown building blocks for the review export; pure string functions. */

/** A table cell: one line, pipes escaped, empty shown as an en dash. */
export function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || String(value).trim() === '') return '–';
  return String(value)
    .trim()
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
}

export function table(headers: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map((row) => line(row.map(cell)))].join('\n');
}

/** A Markdown link (for a table cell); brackets in the text become parentheses, and the URL's characters that would end the link or a table cell are percent-encoded. */
export const link = (text: string, url: string): string =>
  `[${inline(text).replace(/\[/g, '(').replace(/\]/g, ')')}](${url.replace(/[()|<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;

/** A heading's text on one line (headings cannot span lines). */
export const inline = (text: string): string => text.replace(/\s*\r?\n\s*/g, ' ').trim();

/** Free text written by people: kept as Markdown, trailing space trimmed; `empty` when blank. */
export const block = (text: string | null | undefined, empty: string): string =>
  text === null || text === undefined || text.trim() === '' ? `_${empty}_` : text.trim();

/** "2026-03-10T09:05:00+01:00" → "2026-03-10 09:05:00 +01:00": the instant exactly as recorded, easier to read. */
export const timestamp = (iso: string | null | undefined): string =>
  iso ? iso.replace('T', ' ').replace(/(Z|[+-]\d{2}:?\d{2})$/, (offset) => ` ${offset === 'Z' ? 'UTC' : offset}`) : 'unknown';

export const section = (heading: string, ...parts: string[]): string => [`## ${heading}`, ...parts.filter((p) => p !== '')].join('\n\n');
