/**
 * Notes first (docs/review-process.md): free notes typed during or after the meeting, read line by
 * line into proposed timeline entries, contributors, mitigators, risks and action items, each with
 * the lines it came from. Pure, deterministic and offline; nothing here stores anything.
 *
 * Times are read with the importer's readers (when.ts, clock.ts, zones.ts) on the review's
 * incident day and in the organisation's zone unless the notes say otherwise; a time whose day is
 * unknown keeps no instant ("unknown stays unknown").
 */
import { type Day, TimelineClock } from '../imports/clock.js';
import { toTimelinePrecision } from '../imports/evidence.js';
import { plainInline } from '../imports/markdown.js';
import { type DateOrder, type LeadingStamp, detectDateOrder, findDate, readLeadingStamp } from '../imports/when.js';
import { zoneInSentence } from '../imports/zones.js';
import { type NoteKind, type NoteLine, type SectionKind, labelKind, ownerOf, prefixedKind, readNoteLine, sectionKindOf } from './note-lines.js';
import type { NoteProposal } from './notes.schema.js';
import { proposalId } from './proposal-id.js';

export interface NotesOptions {
  /** The incident's day (YYYY-MM-DD) that times without a date are on; null: their instant stays unknown. */
  incidentDate: string | null;
  /** The organisation's zone (IANA), for times written without one. */
  timeZone: string;
  dateOrder?: DateOrder;
}

interface Open {
  kind: NoteKind;
  from: number;
  to: number;
  parts: string[];
  indent: number;
  bullet: boolean;
  /** A time heading ("### 5:00 PM") keeps the paragraphs under it. */
  keepsParagraphs: boolean;
  stamp: LeadingStamp | null;
  resolved: { occurredAt: string | null; precision: NoteProposal['precision'] };
  timeAsWritten: string | null;
  done: boolean;
}

const TEXT_MAX = 10_000;
const ZONE_STATEMENT = /\b(?:times?|timestamps?|hours|timezone|time zone)\b/i;
const TABLE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;
const DONE = /\((?:done|completed?|fixed)\)\s*$|^(?:✅|✔️?|☑)\s*/i;

const dayOf = (iso: string | null): Day | null => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
};

const cells = (row: string): string[] => row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => plainInline(c.trim()));

/** A time-led line: the stamp, when it has a time or says the time is unknown (a bare date only sets the day). */
function stampOf(body: string, order: DateOrder): LeadingStamp | null {
  return readLeadingStamp(body.replace(/^(?:\*\*|__)(?=[\d[])/, ''), order);
}

class NotesReader {
  readonly proposals: NoteProposal[] = [];
  private readonly clock: TimelineClock;
  private zone: string;
  private open: Open | null = null;
  /** Headings above the current line: depth and kind. */
  private headings: Array<{ depth: number; kind: SectionKind | null }> = [];
  private label: SectionKind | null = null;
  private table: { stampColumns: number[]; textColumns: number[]; titleColumn: number; ownerColumn: number } | null = null;
  private lastWasBlank = true;
  /** Straight after a heading, or anywhere under a label: plain lines are items too (notes typed without bullets). */
  private bareList = false;
  private fenced = false;

  constructor(
    private readonly lines: string[],
    private readonly options: NotesOptions & { dateOrder: DateOrder },
  ) {
    const day = dayOf(options.incidentDate);
    this.clock = new TimelineClock(day, day);
    this.zone = options.timeZone;
  }

  private get section(): SectionKind | null {
    if (this.label) return this.label;
    for (let i = this.headings.length - 1; i >= 0; i -= 1) if (this.headings[i]!.kind) return this.headings[i]!.kind;
    return null;
  }

  read(): NoteProposal[] {
    const frontMatter = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)\r?\n/.exec(this.lines.join('\n'));
    const skip = frontMatter ? frontMatter[0].split('\n').length - 1 : 0;
    this.lines.forEach((raw, i) => {
      if (i >= skip) this.readLine(raw, i + 1);
    });
    this.close();
    return this.proposals;
  }

  private readLine(raw: string, line: number): void {
    if (/^\s*(?:```|~~~)/.test(raw)) {
      this.close();
      this.fenced = !this.fenced;
      return;
    }
    if (this.fenced || /^\s*>/.test(raw) || /^\s*<!--/.test(raw)) return; // pasted evidence and quotes are never entries
    if (raw.trim() === '') {
      this.lastWasBlank = true;
      this.table = null;
      if (!this.label) this.bareList = false;
      if (this.open && !this.open.keepsParagraphs && !this.open.bullet) this.close();
      return;
    }
    const wasBlank = this.lastWasBlank;
    this.lastWasBlank = false;
    if (raw.trim().startsWith('|')) return this.readTableRow(raw, line);
    this.table = null;
    const note = readNoteLine(raw, line);
    if (note.depth !== null) return this.readHeading(note);
    // "All times in PDT." sets the zone of the lines after it.
    const zone = !note.bullet && note.body.length < 200 && ZONE_STATEMENT.test(note.body) && !stampOf(note.body, this.options.dateOrder) ? zoneInSentence(note.body) : null;
    if (zone) {
      this.close();
      this.zone = zone;
      return;
    }
    this.readBody(note, wasBlank);
  }

  private readHeading(note: NoteLine): void {
    this.close();
    this.label = null;
    const stamp = this.section === 'appendix' ? null : stampOf(note.body, this.options.dateOrder);
    if (stamp && !stamp.time && !stamp.unknown) {
      if (stamp.date) this.clock.setDay(stamp.date);
      return;
    }
    if (stamp && this.section !== 'actionItem') {
      this.start('timelineEntry', note, stamp.rest, stamp, true);
      return;
    }
    const zone = ZONE_STATEMENT.test(note.body) ? zoneInSentence(note.body) : null;
    if (zone) this.zone = zone;
    const day = findDate(note.body, this.options.dateOrder);
    if (day && this.headings.length === 0) this.clock.setDay(day);
    while (this.headings.length > 0 && this.headings[this.headings.length - 1]!.depth >= note.depth!) this.headings.pop();
    this.headings.push({ depth: note.depth!, kind: sectionKindOf(note.body) ?? 'other' });
    this.bareList = true;
  }

  private readBody(note: NoteLine, wasBlank: boolean): void {
    const section = this.section;
    if (section === 'appendix') return;
    const open = this.open;
    // Lines under an item, deeper than its bullet (or straight after a plain line of it), continue it.
    const continues =
      open !== null &&
      ((note.indent > open.indent && (!wasBlank || open.bullet)) || (!note.bullet && !wasBlank && open.bullet) || open.keepsParagraphs);
    const prefixed = prefixedKind(note.body);
    const stamp = section === 'actionItem' ? null : stampOf(note.body, this.options.dateOrder);
    if (prefixed) return this.start(prefixed.kind, note, prefixed.rest, null, false);
    // A date alone sets the day (resolving it does); with text after it or under it, it is an entry known to the day.
    if (stamp) return this.start('timelineEntry', note, stamp.rest, stamp, stamp.rest === '');
    const dated = /^\W*(?:date|day)\s*:\s*(.+?)\W*$/i.exec(note.body);
    const day = dated ? findDate(dated[1]!, this.options.dateOrder) : null;
    if (day) {
      this.close();
      this.clock.setDay(day);
      return;
    }
    if (continues && open) {
      open.parts.push(note.body);
      open.to = note.line;
      return;
    }
    const label = labelKind(note);
    if (label) {
      this.close();
      this.label = label;
      this.bareList = true;
      return;
    }
    const ownKind = section === 'other' || section === null ? null : section;
    // Under a label or heading naming a kind, each bullet (or plain line, in notes typed without bullets) is one;
    // a paragraph under a heading is prose (an introduction), not items.
    if (ownKind && (note.bullet || note.checked !== null || this.bareList)) return this.start(ownKind, note, note.body, null, false);
    // A checkbox anywhere is a thing to do.
    if (note.checked !== null) return this.start('actionItem', note, note.body, null, false);
    this.close();
  }

  private readTableRow(raw: string, line: number): void {
    this.close();
    const section = this.section;
    if (TABLE_SEPARATOR.test(raw.trim()) || section === 'appendix') return;
    const row = cells(raw);
    if (!this.table) {
      const lower = row.map((c) => c.toLowerCase());
      const stampColumns = lower.map((t, i) => (/date|time|when|timestamp|utc|^$/.test(t) && !/event|description/.test(t) ? i : -1)).filter((i) => i >= 0);
      const used = stampColumns.length > 0 ? stampColumns : [0];
      const find = (pattern: RegExp) => lower.findIndex((t) => pattern.test(t));
      const zone = zoneInSentence(row.join(' '));
      if (zone) this.zone = zone;
      this.table = {
        stampColumns: used,
        textColumns: row.map((_, i) => i).filter((i) => !used.includes(i)),
        titleColumn: Math.max(0, find(/action|item|task|description|what|title|summary|remediation/)),
        ownerColumn: find(/owner|assignee|who|responsible/),
      };
      return; // the header
    }
    const table = this.table;
    if (section === 'actionItem' || section === 'contributor' || section === 'mitigator' || section === 'risk') {
      const title = row[table.titleColumn] ?? '';
      const owner = table.ownerColumn >= 0 ? row[table.ownerColumn] || null : null;
      if (title) this.push(section, title, line, line, { owner });
      return;
    }
    const stampText = table.stampColumns.map((i) => row[i] ?? '').join(' ').trim();
    const text = table.textColumns.map((i) => row[i] ?? '').filter(Boolean).join(' — ');
    const stamp = readLeadingStamp(stampText, this.options.dateOrder);
    if (!text || (!stamp && section !== 'timelineEntry')) return;
    const resolved = this.resolve(stamp);
    this.push('timelineEntry', [stamp?.rest, text].filter(Boolean).join(' '), line, line, { ...resolved, timeAsWritten: stamp ? stampText : null });
  }

  private resolve(stamp: LeadingStamp | null): { occurredAt: string | null; precision: NoteProposal['precision'] } {
    if (!stamp) return { occurredAt: null, precision: 'unknown' };
    const resolved = this.clock.resolve(stamp, this.zone);
    return { occurredAt: resolved.occurredAt, precision: resolved.occurredAt ? toTimelinePrecision(resolved.precision) : 'unknown' };
  }

  private start(kind: NoteKind, note: NoteLine, text: string, stamp: LeadingStamp | null, keepsParagraphs: boolean): void {
    this.close();
    if (kind === 'timelineEntry' && !stamp && this.section !== 'timelineEntry') return;
    const writtenTime = stamp ? note.body.slice(0, Math.max(0, note.body.length - stamp.rest.length)).replace(/[\s:|,;.)\]>–—-]+$/, '').trim() : null;
    this.open = {
      kind,
      from: note.line,
      to: note.line,
      parts: [text],
      indent: note.indent,
      bullet: note.bullet || note.checked !== null,
      keepsParagraphs,
      stamp,
      resolved: kind === 'timelineEntry' ? this.resolve(stamp) : { occurredAt: null, precision: null },
      timeAsWritten: writtenTime || null,
      done: note.checked === true || DONE.test(text),
    };
  }

  private close(): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    const text = plainInline(open.parts.filter(Boolean).join(' '));
    this.push(open.kind, text, open.from, open.to, { ...open.resolved, timeAsWritten: open.timeAsWritten, done: open.done });
  }

  private push(
    kind: NoteKind,
    written: string,
    from: number,
    to: number,
    extra: Partial<Pick<NoteProposal, 'occurredAt' | 'precision' | 'timeAsWritten' | 'owner' | 'done'>>,
  ): void {
    const { owner, text: withoutOwner } = kind === 'actionItem' && !extra.owner ? ownerOf(written) : { owner: extra.owner ?? null, text: written };
    const text = plainInline(withoutOwner).replace(DONE, '').replace(/^[\s:–—-]+/, '').trim().slice(0, TEXT_MAX);
    if (text.length < 2) return;
    const timeline = kind === 'timelineEntry';
    this.proposals.push({
      id: proposalId(kind, [from, to], text),
      kind,
      text,
      sourceLines: [from, to],
      occurredAt: timeline ? (extra.occurredAt ?? null) : null,
      precision: timeline ? (extra.precision ?? 'unknown') : null,
      timeAsWritten: timeline ? (extra.timeAsWritten ?? null)?.slice(0, 100) || null : null,
      anchorAt: null,
      owner: owner ? owner.slice(0, 200) : null,
      done: extra.done ?? false,
    });
  }
}

/** Untimed timeline entries are ordered after the timed one before them (or before the first one). */
function anchor(proposals: NoteProposal[]): NoteProposal[] {
  const timed = proposals.filter((p) => p.kind === 'timelineEntry' && p.occurredAt);
  let last: string | null = timed[0]?.occurredAt ?? null;
  return proposals.map((p) => {
    if (p.kind !== 'timelineEntry') return p;
    if (p.occurredAt) {
      last = p.occurredAt;
      return p;
    }
    return { ...p, anchorAt: last };
  });
}

export function extractFromNotes(text: string, options: NotesOptions): NoteProposal[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const order = options.dateOrder ?? detectDateOrder(normalised) ?? 'DMY';
  const reader = new NotesReader(normalised.split('\n'), { ...options, dateOrder: order });
  const seen = new Set<string>();
  return anchor(reader.read().filter((p) => !seen.has(p.id) && seen.add(p.id)));
}
