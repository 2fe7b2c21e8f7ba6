import { DateTime } from 'luxon';
import { inWindow, type ChatWindow, type ProposedChatEntry } from './chat-message.js';

export interface TranscriptOptions extends ChatWindow {
  /** The day (YYYY-MM-DD) of messages whose line gives none. */
  date?: string | null;
  /** The zone the times were written in (IANA); UTC when absent. */
  timeZone?: string | null;
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?`;
const DATE = String.raw`(\d{4}-\d{2}-\d{2})[ T]`;

/**
 * The copy formats of common chat tools, one message header each:
 * `[10:42] Ada: text`, `[2024-03-05 10:42:13] <ada> text`, `2024-03-05 10:42 Ada: text`, `10:42 <ada> text`,
 * and Slack's copy, a line `Ada Lovelace  10:42 AM` followed by the message's lines.
 */
const INLINE = new RegExp(String.raw`^\[?(?:${DATE})?${TIME}\]?\s+(?:<([^>]{1,80})>|([^:\s][^:]{0,79}?):)\s*(.*)$`);
const SLACK_COPY = new RegExp(String.raw`^([^\d\[<:][^:]{0,79}?)\s+\[?${TIME}\]?$`);

interface Header {
  date: string | null;
  hour: number;
  minute: number;
  second: number;
  author: string;
  text: string;
}

function clock(hours: string, minutes: string, seconds: string | undefined, meridiem: string | undefined): { hour: number; minute: number; second: number } | null {
  let hour = Number(hours);
  const minute = Number(minutes);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/p/i.test(meridiem) ? 12 : 0);
  }
  return hour < 24 && minute < 60 ? { hour, minute, second: Number(seconds ?? 0) } : null;
}

function header(line: string): Header | null {
  const inline = INLINE.exec(line);
  if (inline) {
    const [, date, h, m, s, meridiem, ircName, name, text] = inline;
    const time = clock(h!, m!, s, meridiem);
    return time && { date: date ?? null, ...time, author: (ircName ?? name)!.trim(), text: text!.trim() };
  }
  const copied = SLACK_COPY.exec(line.trim());
  if (copied) {
    const [, name, h, m, s, meridiem] = copied;
    const time = clock(h!, m!, s, meridiem);
    return time && { date: null, ...time, author: name!.trim(), text: '' };
  }
  return null;
}

/** A pasted transcript read into proposed entries: times in the chosen zone on the given day, the day moving on after midnight. */
export function readTranscript(text: string, options: TranscriptOptions = {}): { entries: ProposedChatEntry[]; warnings: string[] } {
  const zone = options.timeZone ?? 'UTC';
  const warnings: string[] = [];
  let day = options.date ?? null;
  let previous: DateTime | null = null;
  const entries: Array<ProposedChatEntry & { ms: number; lines: string[] }> = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const found = header(line);
    if (!found) {
      const last = entries[entries.length - 1];
      if (last && line.trim()) last.lines.push(line.trim());
      return;
    }
    if (found.date) day = found.date;
    if (!day) {
      if (!warnings.length) warnings.push('No day is given for the messages: choose the day of the transcript.');
      return;
    }
    let at = DateTime.fromISO(day, { zone }).set({ hour: found.hour, minute: found.minute, second: found.second });
    // A time well before the one above it, on no new date, is after midnight.
    if (!found.date && previous && at < previous.minus({ hours: 6 })) {
      at = at.plus({ days: 1 });
      day = at.toISODate();
    }
    previous = at;
    entries.push({
      ms: at.toMillis(),
      occurredAt: at.toISO({ suppressMilliseconds: true })!,
      author: found.author,
      text: found.text,
      lines: found.text ? [found.text] : [],
      provenance: { source: 'transcript', channel: null, file: null, ref: `line ${i + 1}`, excerpt: line },
    });
  });
  return {
    warnings,
    entries: entries
      .filter((e) => e.lines.length > 0 && inWindow(e.ms, options))
      .map(({ ms: _ms, lines, ...entry }) => ({ ...entry, text: lines.join('\n'), provenance: { ...entry.provenance, excerpt: [entry.provenance.excerpt, ...lines.slice(entry.text ? 1 : 0)].join('\n') } })),
  };
}
