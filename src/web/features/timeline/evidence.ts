import type { TimelineEntry } from '../../../shared/timeline/timeline.schema.js';
import { formatDate } from '../../ui/format.js';
import { sourceLabels } from './kinds.js';

/** How a row writes its time: an unknown time is never shown (its instant only orders the entry). */
export function entryTime(entry: Pick<TimelineEntry, 'occurredAt' | 'precision'>, format: 'timeSeconds' | 'datetimeSeconds'): string {
  if (entry.precision === 'unknown') return 'time unknown';
  const time = formatDate(entry.occurredAt, format);
  if (entry.precision === 'approximate') return `≈ ${time}`;
  if (entry.precision === 'range') return `${time} (range)`;
  return time;
}

export const precisionLabels: Record<TimelineEntry['precision'], string> = {
  exact: 'Exact (to the second)',
  minute: 'To the minute',
  approximate: 'Approximate',
  range: 'A range (start shown)',
  unknown: 'Unknown (placed by order only)',
};

/** Where an entry's evidence comes from, in a few words: its provenance label, else the kind of source. */
export const evidenceSource = (entry: Pick<TimelineEntry, 'source' | 'provenance'>): string => entry.provenance?.label ?? sourceLabels[entry.source] ?? entry.source;

/** A source whose clock can be corrected in one step: a kind of source, and the provenance label within it. */
export interface ClockSource {
  key: string;
  source: TimelineEntry['source'];
  label: string | null;
  name: string;
  /** The entries that move, with the versions read: the server refuses the move if they changed since. */
  entries: Array<{ id: number; version: number }>;
}

export function clockSources(entries: TimelineEntry[]): ClockSource[] {
  const sources = new Map<string, ClockSource>();
  for (const entry of entries) {
    const label = entry.provenance?.label ?? null;
    const key = `${entry.source}|${label ?? ''}`;
    const known = sources.get(key);
    const seen = { id: entry.id, version: entry.version };
    if (known) known.entries.push(seen);
    else sources.set(key, { key, source: entry.source, label, name: label ? `${label} (${sourceLabels[entry.source] ?? entry.source})` : (sourceLabels[entry.source] ?? entry.source), entries: [seen] });
  }
  return [...sources.values()].sort((a, b) => a.name.localeCompare(b.name));
}
