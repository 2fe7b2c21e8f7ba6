import type { TimelinePrecision } from '../../timeline/timeline.schema.js';
import type { ProposedChatEntry } from './chat-message.js';

/** A chat message as the timeline entry it becomes when kept: added as written, linked back to its message. */
export interface ChatTimelineEntry {
  occurredAt: string;
  kind: 'note';
  text: string;
  source: 'chat';
  precision: TimelinePrecision;
  provenance: { label: string; ref: string; excerpt: string };
}

const EXCERPT_MAX = 10_000;
const TEXT_MAX = 10_000;

/** A transcript line written with seconds ("10:42:07") is exact; otherwise to the minute. Slack stamps every message exactly. */
const precisionOf = (entry: ProposedChatEntry): TimelinePrecision =>
  entry.provenance.source !== 'transcript' || /\b\d{1,2}:\d{2}:\d{2}\b/.test(entry.provenance.excerpt.split('\n')[0] ?? '') ? 'exact' : 'minute';

export function chatTimelineEntry(entry: ProposedChatEntry): ChatTimelineEntry {
  const { source, channel, file, ref, excerpt } = entry.provenance;
  const slack = source !== 'transcript';
  return {
    occurredAt: entry.occurredAt,
    kind: 'note',
    text: `${entry.author}: ${entry.text}`.slice(0, TEXT_MAX),
    source: 'chat',
    precision: precisionOf(entry),
    provenance: {
      label: slack ? `Slack #${channel ?? 'unknown'}` : 'Chat transcript',
      // Slack's ts names the message within its channel's day file (an export) or its channel (read from Slack).
      ref: slack ? `${file ?? channel ?? ''}#${ref}` : ref,
      excerpt: (excerpt || entry.text).slice(0, EXCERPT_MAX),
    },
  };
}
