import { timelineKinds, type TimelineKind } from '../../../shared/timeline/timeline.schema.js';
import { toOffsetIso } from '../../ui/format.js';

export type QuickEntry = { ok: true; occurredAt: string; kind: TimelineKind; text: string; day: string } | { ok: false; error: string };

const aliases: Record<string, TimelineKind> = { comms: 'communication', comm: 'communication' };
const kindByWord = new Map<string, TimelineKind>([...timelineKinds.map((k) => [k, k] as const), ...Object.entries(aliases)]);

// [date] time [offset] rest — e.g. "14:02 ...", "2026-03-10 14:02:30 ...", "14:02Z ...", "14:02+01:00 ...".
const pattern = /^\s*(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UTC|[+-]\d{2}:?\d{2})?\s+(.*)$/i;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Parses one fast-entry line: "14:02 detection PagerDuty alert fired". The time is in the reader's
 * time zone on `day` (YYYY-MM-DD) unless the line gives a date or an offset; the kind is optional
 * (default note) and may end with a colon.
 */
export function parseQuickEntry(line: string, day: string): QuickEntry {
  const match = pattern.exec(line);
  if (!match) return { ok: false, error: 'Start with a time, e.g. "14:02 detection PagerDuty alert fired"' };
  const [, date, hh, mm, ss, offset, rest = ''] = match;
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return { ok: false, error: `${hh}:${mm}${ss ? `:${ss}` : ''} is not a time of day` };
  const onDay = date ?? day;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(onDay)) return { ok: false, error: 'Pick the day the events happened on' };

  const words = rest.trim().split(/\s+/);
  const kind = kindByWord.get((words[0] ?? '').toLowerCase().replace(/:$/, ''));
  const text = (kind ? words.slice(1) : words).join(' ').trim();
  if (!text) return { ok: false, error: 'Add what happened after the time' };

  const wall = `${onDay}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  let occurredAt: string;
  if (offset) {
    const normalized = /^(z|utc)$/i.test(offset) ? 'Z' : offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
    occurredAt = `${wall}${normalized === 'Z' ? '+00:00' : normalized}`;
    if (Number.isNaN(Date.parse(occurredAt))) return { ok: false, error: `${offset} is not a time zone offset` };
  } else {
    const local = new Date(wall);
    if (Number.isNaN(local.getTime())) return { ok: false, error: `${onDay} is not a valid date` };
    occurredAt = toOffsetIso(local);
  }
  return { ok: true, occurredAt, kind: kind ?? 'note', text, day: onDay };
}

/**
 * What the fast entry says about the day a parsed line lands on, when that is not the day shown
 * beside it: a line with its own date is placed on that date, and the shown day stays as it is.
 */
export function ownDateNote(entryDay: string, shownDay: string, format: (day: string) => string): string | null {
  return entryDay === shownDay ? null : `On its own date, ${format(entryDay)}; the next lines stay on ${format(shownDay)}`;
}
