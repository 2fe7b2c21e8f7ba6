import type { TimelineEntry } from '../../../shared/timeline/timeline.schema.js';

/** Always in time order: by instant (offsets honoured), then by id for entries at the same moment. */
export function sortEntries(entries: TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((entry) => ({ entry, at: Date.parse(entry.occurredAt) }))
    .sort((a, b) => a.at - b.at || a.entry.id - b.entry.id)
    .map(({ entry }) => entry);
}
