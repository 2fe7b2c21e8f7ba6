/** A plain text table: a header, a rule, one line per row; columns as wide as their widest cell. */
export function table(header: string[], rows: string[][]): string {
  if (rows.length === 0) return '(none)';
  const clean = rows.map((row) => row.map((cell) => cell.replace(/\s+/g, ' ')));
  const widths = header.map((h, c) => Math.min(60, Math.max(h.length, ...clean.map((r) => (r[c] ?? '').length))));
  const cut = (cell: string, width: number) => (cell.length > width ? `${cell.slice(0, width - 1)}…` : cell);
  const line = (cells: string[]) => cells.map((cell, c) => cut(cell, widths[c]!).padEnd(widths[c]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...clean.map(line)].join('\n');
}

/** Field: value lines, for one record. */
export function fields(pairs: Array<[string, string | number | boolean | null | undefined]>): string {
  const width = Math.max(...pairs.map(([name]) => name.length));
  return pairs.map(([name, value]) => `${`${name}:`.padEnd(width + 1)} ${value === null || value === undefined || value === '' ? '-' : String(value)}`).join('\n');
}

export const person = (p: { name: string } | null | undefined): string => p?.name ?? '-';
