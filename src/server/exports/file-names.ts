/**
 * File names of exports, derived only from what identifies a review (its incident's id, title and
 * start), never from when it was exported, so a re-export writes the same names and diffs cleanly.
 */

const MAX_SLUG = 60;

/** "Database failover: 5xx on EU checkout!" → "database-failover-5xx-on-eu-checkout": ASCII letters, digits and dashes. */
export function slugOf(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= MAX_SLUG) return words || 'untitled';
  const cut = words.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_SLUG).replace(/-+$/, '');
}

export interface ExportedIncident {
  id: number;
  title: string;
  /** ISO 8601 as recorded; its own calendar date is used, whatever the reader's zone. */
  startedAt: string;
}

/** "2026-03-05-inc-42-database-failover" */
export const exportBaseName = ({ id, title, startedAt }: ExportedIncident): string => `${startedAt.slice(0, 10)}-inc-${id}-${slugOf(title)}`;

/** "2026/2026-03-05-inc-42-database-failover.md": a folder per year of the incident. */
export const wikiPathOf = (incident: ExportedIncident, extension: string): string => `${incident.startedAt.slice(0, 4)}/${exportBaseName(incident)}.${extension}`;

/** A Content-Disposition header that downloads `fileName` (already ASCII-safe, but quoted anyway). */
export const attachment = (fileName: string): string => `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
