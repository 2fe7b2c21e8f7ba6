import { parse } from 'csv-parse/sync';

/** One CSV record: its cells and the line it starts on (1-based), for messages that point at the file. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

const lineBreaks = (cells: string[]) => cells.reduce((count, cell) => count + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

/**
 * Reads RFC 4180 CSV (csv-parse): quoted cells may hold commas, doubled quotes and line breaks; CRLF,
 * LF or CR; blank lines are skipped. Returns null when the file is not CSV (a quote never closed).
 */
export function readCsv(content: string): CsvRecord[] | null {
  try {
    // With `info`, each row comes as {record, info}; the typings know only plain rows.
    const records = parse(content, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    // csv-parse counts the line a record ends on; a cell's line breaks take it back to where it started.
    return records.map(({ record, info }) => ({ line: info.lines - lineBreaks(record), cells: record }));
  } catch {
    return null;
  }
}
