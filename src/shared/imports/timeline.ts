import type { List, ListItem, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type Day, type Precision, TimelineClock } from './clock.js';
import { type Section, headingText, nodeLines, plainInline } from './markdown.js';
import { type DateOrder, type LeadingStamp, findDate, readLeadingStamp } from './when.js';
import { zoneInSentence } from './zones.js';

export interface ImportedEntry {
  /** ISO 8601 with the offset in force there and then, or null when the time (or day) is unknown. */
  occurredAt: string | null;
  date: string | null;
  precision: Precision;
  zone: string | null;
  text: string;
  line: number;
}

export interface TimelineOptions {
  docDate: Day | null;
  docZone: string | null;
  /** The one zone the document's other times are written in, used when none is stated for the timeline. */
  writtenZone?: string | null;
  defaultZone: string | null;
  order: DateOrder;
  warn: (code: string, message: string, line?: number) => void;
}

export const TIMELINE_HEADING = /time\s*line|chronolog|sequence of events|what happened|events|incident log|event log|detailed log|key (?:events|timestamps|times)|play[- ]by[- ]play/i;
/** Appendices, pasted chat and logs: their timestamps are evidence, not the author's timeline. */
export const APPENDIX_HEADING =
  /^\W*(?:appendi|apendix|appendinx)|\b(?:chat|slack|irc|discord|teams|#[\w-]+)\b.*\b(?:logs?|transcripts?|threads?|history|messages|excerpts?)\b|transcript|^\W*(?:raw\s+|pasted\s+)?logs?\b|^\W*attachments?\W*$|^\W*indicators of compromise|^\W*references\W*$/i;
export const KEY_EVENTS = /^(?:key (?:events|timestamps|times|dates|moments)|timeline)\b/i;

/** "First detected: 2023-09-18 13:42" (a key event): its label, and the instant that is all the rest. */
export function readKeyEvent(text: string, order: DateOrder): { label: string; stamp: LeadingStamp } | null {
  const labelled = /^(?:\*\*|__)?([A-Za-z][^:]{1,60}?)(?:\*\*|__)?(?::|\s)\s*(\d.*)$/.exec(text);
  const stamp = labelled ? readLeadingStamp(labelled[2]!, order) : null;
  return labelled && stamp?.time && stamp.rest === '' ? { label: plainInline(labelled[1]!), stamp } : null;
}
const ZONE_STATEMENT = /\b(?:times?|timestamps?|hours|clock)\b/i;
const WEEKDAY_ONLY = /^\(?(?:mon|tues|wednes|thurs|fri|satur|sun)day\)?$/i;

/** A line that leads with a stamp; prefixes such as "At" and "Date:" are allowed in a timeline. */
const stampOf = (text: string, order: DateOrder, allowPrefix = true): LeadingStamp | null =>
  readLeadingStamp(text.replace(/^(\s*(?:\*\*|__)?)(?:date|day|time)\s*:\s*/i, '$1'), order, allowPrefix);

const isDateOnly = (stamp: LeadingStamp) => !stamp.time && !stamp.unknown && (stamp.rest === '' || WEEKDAY_ONLY.test(stamp.rest));

/** Whether a heading names only a day or a time, so belongs to the timeline around it. */
export function isStampHeading(text: string, depth: number, order: DateOrder = 'DMY'): boolean {
  if (depth < 2) return false;
  const stamp = readLeadingStamp(text, order);
  return stamp !== null && (stamp.time !== null || stamp.unknown || isDateOnly(stamp));
}

interface Open {
  entry: ImportedEntry;
  lines: string[];
  /** A time on a line of its own ("1:03", "### 5:00 PM"): the paragraphs under it are its text. */
  keepsParagraphs?: boolean;
}

/** Reads the timeline sections of a document into entries, in document order. */
export class TimelineReader {
  readonly entries: ImportedEntry[] = [];
  private readonly clock: TimelineClock;
  private sectionZone: string | null = null;
  private open: Open | null = null;
  private zoneWarned = false;
  /** The zone the last entry wrote with its time ("09:31 UTC+2"): entries after it without one are in it too. */
  private entryZone: string | null = null;
  /** The section's heading says it is a timeline (not only found to hold stamps). */
  private explicit = false;

  constructor(
    private readonly lines: string[],
    private readonly options: TimelineOptions,
  ) {
    this.clock = new TimelineClock(options.docDate, options.docDate);
  }

  readSection(section: Section): void {
    this.close();
    this.explicit = TIMELINE_HEADING.test(section.heading);
    this.sectionZone = zoneInSentence(section.heading) ?? (TIMELINE_HEADING.test(section.heading) ? null : this.sectionZone);
    for (const block of section.blocks) this.readBlock(block);
    this.close();
  }

  private readBlock(block: RootContent): void {
    switch (block.type) {
      case 'heading':
        return this.readLine(headingText(block), block.position?.start.line ?? 0, 'heading');
      case 'paragraph':
        // "On 5 March ..." opens a dated paragraph only on its first line: later lines are wrapped prose.
        nodeLines(this.lines, block).forEach(({ line, text }, i) => this.readLine(text, line, 'line', i === 0));
        if (this.open && !this.open.keepsParagraphs) this.close();
        return;
      case 'list':
        return this.unstampedList(block) ? this.readUndatedList(block) : this.readList(block, null);
      case 'table':
        this.close();
        return this.readTable(block);
      default:
        return; // code, quotes, HTML: pasted evidence, never entries
    }
  }

  private readLine(raw: string, line: number, mode: 'heading' | 'line', first = true): void {
    const text = raw.trim();
    if (!text) return;
    const stamp = stampOf(text, this.options.order, first);
    if (!stamp) {
      if (ZONE_STATEMENT.test(text) && text.length < 200 && zoneInSentence(text)) return this.statement(text);
      if (mode === 'heading') this.close();
      else this.open?.lines.push(text);
      return;
    }
    if (isDateOnly(stamp)) {
      this.close();
      if (stamp.date) this.clock.setDay(stamp.date);
      return;
    }
    this.close();
    this.open = { entry: this.entry(stamp, line), lines: [stamp.rest], keepsParagraphs: mode === 'heading' || stamp.rest === '' };
  }

  private statement(text: string): void {
    this.sectionZone = zoneInSentence(text);
    const stamp = /\bon\s+(.+)$/i.exec(text);
    const written = stamp ? readLeadingStamp(stamp[1]!, this.options.order) : null;
    if (written?.date) this.clock.setDay(written.date);
  }

  /** A list in a section named as a timeline where no item has a time: entries whose time is unknown. */
  private unstampedList(list: List): boolean {
    const stamped = (l: List): boolean =>
      l.children.some((item) => stampOf(this.firstLine(item), this.options.order) || item.children.some((c) => c.type === 'list' && stamped(c)));
    return this.explicit && !this.open && !stamped(list);
  }

  private readUndatedList(list: List): void {
    for (const item of list.children) {
      const text = plainInline(this.firstLine(item));
      if (text) this.entries.push({ occurredAt: null, date: null, precision: 'unknown', zone: null, text, line: item.position?.start.line ?? 0 });
    }
  }

  private firstLine(item: ListItem): string {
    const first = item.children.find((c) => c.type === 'paragraph');
    return first ? (nodeLines(this.lines, first)[0]?.text ?? '').replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]?\]\s*)?/, '').trim() : '';
  }

  private readList(list: List, parent: Open | null): void {
    for (const item of list.children) this.readItem(item, parent);
  }

  private readItem(item: ListItem, parent: Open | null): void {
    const own: { line: number; text: string }[] = [];
    const nested: List[] = [];
    for (const child of item.children) {
      if (child.type === 'list') nested.push(child);
      else if (child.type === 'paragraph' || child.type === 'heading') own.push(...nodeLines(this.lines, child));
    }
    const first = own[0];
    const firstText = first ? first.text.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]?\]\s*)?/, '').trim() : '';
    const stamp = first ? stampOf(firstText, this.options.order) : null;
    const rest = own.slice(1).map((l) => l.text.trim());
    // A bare date with text under it ("- 2023-03-03:" then indented lines) is an entry known to the day.
    if (stamp && (!isDateOnly(stamp) || rest.length > 0)) {
      this.close();
      const open: Open = { entry: this.entry(stamp, first!.line), lines: [stamp.rest, ...rest] };
      this.open = open;
      for (const list of nested) this.readList(list, open);
      this.close();
      return;
    }
    if (stamp?.date) {
      this.close();
      this.clock.setDay(stamp.date);
      for (const list of nested) this.readList(list, null);
      return;
    }
    if (KEY_EVENTS.test(plainInline(firstText)) && nested.length > 0) {
      this.close();
      for (const list of nested) this.readKeyEvents(list);
      return;
    }
    // "- **Day 1 (2024-03-05)**" with the entries nested under it: a day label.
    const labelDay = nested.length > 0 && !parent && firstText.length < 60 ? findDate(plainInline(firstText), this.options.order) : null;
    if (labelDay) {
      this.close();
      this.clock.setDay(labelDay);
      for (const list of nested) this.readList(list, null);
      return;
    }
    // In a list under a timeline heading, a bullet with no time between timed ones is an entry whose time is unknown.
    const labelsTimes = nested.some((list) => list.children.some((child) => stampOf(this.firstLine(child), this.options.order)));
    if (!parent && !this.open && this.explicit && firstText && !labelsTimes && !/:\s*(?:\*\*|__)?$/.test(firstText)) {
      this.entries.push({ occurredAt: null, date: null, precision: 'unknown', zone: null, text: plainInline([firstText, ...rest].join(' ')), line: first!.line });
      for (const list of nested) this.readList(list, null);
      return;
    }
    // A bullet without a stamp continues the entry it hangs under.
    const target = parent ?? this.open;
    if (target && firstText) target.lines.push(firstText, ...rest);
    for (const list of nested) this.readList(list, target);
  }

  /** "First detected: 2023-09-18 13:42" under a "Key events" label: the label is the entry's text. */
  private readKeyEvents(list: List): void {
    for (const item of list.children) {
      const keyEvent = readKeyEvent(this.firstLine(item), this.options.order);
      if (keyEvent) this.entries.push({ ...this.entry(keyEvent.stamp, item.position?.start.line ?? 0), text: keyEvent.label });
      else this.readItem(item, null);
    }
  }

  private readTable(table: Table): void {
    const [header, ...rows] = table.children;
    if (!header) return;
    const titles = header.children.map((cell) => toString(cell).trim());
    const headerZone = zoneInSentence(titles.join(' '));
    if (headerZone) this.sectionZone = headerZone;
    const stampColumns = titles.map((t, i) => (/date|time|when|timestamp|utc|^$/i.test(t) && !/event|description/i.test(t) ? i : -1)).filter((i) => i >= 0);
    const usable = stampColumns.length > 0 ? stampColumns : [0];
    const textColumns = titles.map((_, i) => i).filter((i) => !usable.includes(i));
    for (const row of rows) {
      const cells = row.children.map((cell) => toString(cell).trim());
      const stampText = usable.map((i) => cells[i] ?? '').join(' ').trim();
      const text = textColumns.map((i) => cells[i] ?? '').filter(Boolean).join(' — ');
      if (!text) continue;
      const line = row.position?.start.line ?? 0;
      const stamp = readLeadingStamp(stampText, this.options.order) ?? { date: null, time: null, unknown: true, approximate: false, range: false, zone: null, rest: '' };
      this.entries.push({ ...this.entry(stamp, line), text: plainInline([stamp.rest, text].filter(Boolean).join(' ')) });
    }
  }

  private entry(stamp: LeadingStamp, line: number): ImportedEntry {
    if (stamp.zone) this.entryZone = stamp.zone;
    const stated = this.sectionZone ?? this.options.docZone ?? this.options.defaultZone ?? this.entryZone;
    const zone = stated ?? this.options.writtenZone ?? 'UTC';
    if (!stated && !stamp.zone && stamp.time && !this.zoneWarned) {
      this.zoneWarned = true;
      const guess = this.options.writtenZone ? `${zone}, the zone the document's other times are written in` : 'UTC';
      this.options.warn('no_zone', `No time zone is stated for the timeline: times were read as ${guess}. Choose the zone they were written in.`, line);
    }
    const resolved = this.clock.resolve(stamp, zone);
    if (stamp.time && !resolved.date) this.options.warn('no_date', 'This entry has a time but no day can be found: its instant is left unknown.', line);
    if (stamp.date?.ambiguous) this.options.warn('ambiguous_date', 'The day and month of this date could be read either way.', line);
    return { ...resolved, text: '', line };
  }

  private close(): void {
    if (!this.open) return;
    this.open.entry.text = plainInline(this.open.lines.filter(Boolean).join(' '));
    this.entries.push(this.open.entry);
    this.open = null;
  }
}
