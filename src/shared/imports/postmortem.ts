import type { List, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type ImportedActionItem, isActionHeading, readActionSection, readInlineActions } from './action-items.js';
import type { Day } from './clock.js';
import { type Section, nodeLines, parseMarkdown, plainInline } from './markdown.js';
import { APPENDIX_HEADING, type ImportedEntry, KEY_EVENTS, TIMELINE_HEADING, TimelineReader, isStampHeading, readKeyEvent } from './timeline.js';
import { type DateOrder, type WrittenDate, detectDateOrder, findDate, readLeadingStamp } from './when.js';
import { zoneFromToken, zoneInSentence } from './zones.js';

export interface ImportOptions {
  /** The zone to read times in when the document names none (IANA). */
  timeZone?: string | null;
  /** How to read 5/3/24 when both parts could be the month. */
  dateOrder?: DateOrder;
}

export interface ImportWarning {
  code: string;
  message: string;
  line: number | null;
}

export interface ImportedIncident {
  title: string;
  titleLine: number | null;
  /** The incident's day as the document states it (title, front matter or file name). */
  date: string | null;
  severity: string | null;
  services: string[];
  summary: string | null;
  impact: string | null;
  contributingFactors: string[];
  /** What went well, what limited the damage. */
  mitigators: string[];
  /** Where the team got lucky: what could have made it worse. */
  risks: string[];
  lessons: string[];
  timeline: ImportedEntry[];
  actionItems: ImportedActionItem[];
}

export interface ImportedDocument {
  name: string;
  incidents: ImportedIncident[];
  warnings: ImportWarning[];
}

const SECTION_NAMES = /^(?:overview|summary|executive summary|tl;?dr|background|introduction|timeline|impact|details|description)$/i;
const SUMMARY_HEADING = /summary|overview|tl;?dr|description|background/i;
const IMPACT_HEADING = /impact/i;
export const FACTORS_HEADING = /contributing|root\s*causes?|causes?\b|trigger|what went wrong|went poorly/i;
export const MITIGATORS_HEADING = /went well|went right|mitigat|what helped|worked well/i;
export const RISKS_HEADING = /got lucky|\brisks?\b|could have been worse/i;
export const LESSONS_HEADING = /lessons?|takeaways|what we learned|learnings/i;
const ZONE_STATEMENT = /\b(?:times?|timestamps?|hours)\b/i;
/** Headings that retell the timeline in prose when a timeline section exists beside them. */
const RETELLING_HEADING = /what happened/i;
/** "3:15 PM PST", "14:02 UTC": a time written with its zone. */
const TIME_WITH_ZONE = /\b\d{1,2}(?::\d{2}){1,2}\s*(?:[aApP]\.?[mM]\.?\s*)?\(?((?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?|[A-Z]{2,5})\b/g;

/** The zone of every time written with one, when they all agree; else null. */
function zoneOfWrittenTimes(text: string): string | null {
  const zones = new Set<string>();
  for (const match of text.matchAll(TIME_WITH_ZONE)) {
    const zone = zoneFromToken(match[1]!);
    if (zone) zones.add(zone);
  }
  return zones.size === 1 ? [...zones][0]! : null;
}
const MAX_TEXT = 20_000;

function dayOf(value: unknown): Day | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  if (typeof value === 'string') return toDay(findDate(value));
  return null;
}
const toDay = (written: WrittenDate | null): Day | null => (written && written.year !== null ? { year: written.year, month: written.month, day: written.day } : null);
const isoDay = (d: Day | null) => (d ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : null);

/** "2024-03-05-db-outage.md" → "Db outage"; "PM2021-004 - ADFS outage.md" → "ADFS outage". */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/\.(?:md|markdown|txt|text|mdx)$/i, '');
  const words = base
    .replace(/^\d{4}[-_.]\d{2}[-_.]\d{2}[-_ ]*/, '')
    .replace(/^(?:[A-Z]{0,4}\d[\d-]*)\s*[-_ ]\s*/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : base;
}

const paragraphsText = (blocks: RootContent[]) =>
  blocks
    .filter((b) => b.type === 'paragraph' || b.type === 'list' || b.type === 'blockquote')
    .map((b) => plainInline(toString(b, { includeHtml: false })))
    .filter(Boolean)
    .join('\n\n')
    .slice(0, MAX_TEXT) || null;

const listTexts = (blocks: RootContent[]) =>
  blocks.flatMap((b) => (b.type === 'list' ? b.children.map((item) => plainInline(toString(item))) : b.type === 'paragraph' ? [plainInline(toString(b))] : [])).filter(Boolean);

/** "Key: value", "**Key:** value", "- **Key**: value". */
const metadataLine = (keys: string) => new RegExp(String.raw`^\W*(?:${keys})\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+)$`, 'i');

function metadata(lines: string[], pattern: RegExp): string | null {
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match) return plainInline(match[1]!).trim() || null;
  }
  return null;
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).map((s) => s.trim()).filter(Boolean);
  if (typeof value === 'string') return value.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
  return [];
}

/** A section's name, not a title: "Timeline (all times UTC)" is one, "Fall of X – Timeline of the attack" is not. */
const isKnownSection = (heading: string) =>
  SECTION_NAMES.test(heading.replace(/[:\s]+$/, '')) ||
  (heading.replace(/\([^)]*\)/g, '').trim().split(/\s+/).length <= 4 &&
    (/metadata|what happened|root cause|resolution|lessons|impact|timeline/i.test(heading) || isActionHeading(heading)));

/** "Postmortem: Login failures", "Incident report: ...": a title, not a "Key: value" line. */
const TITLE_LABEL = /^(?:incident|post[\s-]?mortem|post[\s-]?incident review|outage|rca|root cause analysis|retrospective|pir)(?:\s+(?:report|review|summary|analysis))?\s*:\s*\S/i;

/**
 * The title heading: "# Title: X" (or an empty "# Title:" followed by the real heading), else the first
 * heading of the top level used, unless it is a known section name ("Overview", "Timeline") or a "Key: value" line.
 */
function findTitleSection(sections: Section[]): Section | null {
  const labelled = sections.findIndex((s) => /^title\s*:/i.test(s.heading));
  if (labelled >= 0) {
    const section = sections[labelled]!;
    return section.heading.replace(/^title\s*:\s*/i, '') ? section : (sections[labelled + 1] ?? null);
  }
  const top = Math.min(...sections.map((s) => s.depth));
  const first = sections.find((s) => s.depth === top);
  return first && !isKnownSection(first.heading) && (!/^\w[\w ]*:/.test(first.heading) || TITLE_LABEL.test(first.heading)) ? first : null;
}

/** A plain-text document's first line, when it reads as a title: short, not a sentence, not a "Key: value" line. */
function firstLineTitle(lines: string[]): string | null {
  const first = lines.find((line) => line.trim() !== '')?.trim() ?? '';
  if (first.length === 0 || first.length > 120 || /[.!?]$/.test(first) || /^[-*+>|<`#=]|^\d+[.)]\s/.test(first)) return null;
  return !/^\w[\w ]*:/.test(first) || TITLE_LABEL.test(first) ? plainInline(first) : null;
}

/** Sections after an appendix heading are evidence until a timeline or action section of the same level or above. */
function excludedSections(sections: Section[]): Set<Section> {
  const excluded = new Set<Section>();
  let appendixDepth: number | null = null;
  for (const section of sections) {
    if (section.depth > 1 && APPENDIX_HEADING.test(section.heading) && !/time\s*line/i.test(section.heading)) {
      appendixDepth = appendixDepth === null ? section.depth : Math.min(appendixDepth, section.depth);
    } else if (appendixDepth !== null && section.depth <= appendixDepth && (TIMELINE_HEADING.test(section.heading) || isActionHeading(section.heading))) {
      appendixDepth = null;
    }
    if (appendixDepth !== null) excluded.add(section);
  }
  return excluded;
}

/** Time-led items of a list and of the lists nested in it ("- **Context**:" then "  - 13:42 ..."). */
const withoutBullet = (text: string) => text.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim();

function countItems(list: List, lines: string[], hasTime: (text: string) => boolean, order: DateOrder): number {
  let count = 0;
  for (const item of list.children) {
    const first = nodeLines(lines, item)[0]?.text ?? '';
    // "- **Key events**" with "First detected: 2023-09-18 13:42" items under it.
    if (KEY_EVENTS.test(plainInline(withoutBullet(first)))) {
      for (const child of item.children) {
        if (child.type === 'list') count += child.children.filter((sub) => readKeyEvent(withoutBullet(nodeLines(lines, sub)[0]?.text ?? ''), order)).length;
      }
      continue;
    }
    if (hasTime(first)) count += 1;
    for (const child of item.children) if (child.type === 'list') count += countItems(child, lines, hasTime, order);
  }
  return count;
}

function stampedBlocks(section: Section, lines: string[], order: DateOrder, proseToo = false): number {
  let count = 0;
  const hasTime = (text: string, allowPrefix = false) => {
    const stamp = readLeadingStamp(text.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''), order, allowPrefix);
    return stamp !== null && (stamp.time !== null || stamp.unknown);
  };
  for (const block of section.blocks) {
    if (block.type === 'list') count += countItems(block, lines, hasTime, order);
    // "At 9:37 AM PST, ..." opens a dated paragraph; later lines count only when they lead with a time.
    else if (block.type === 'heading' || block.type === 'paragraph') count += nodeLines(lines, block).filter((l, i) => hasTime(l.text, proseToo && i === 0)).length;
    else if (block.type === 'table') count += block.children.slice(1).filter((row) => hasTime(toString(row.children[0]!))).length;
  }
  return count;
}

/**
 * Reads a document; one that describes several incidents (an incident log: two or more headings at
 * one level such as "Incident on 2023-09-18 - ...") gives one incident per such heading.
 */
export function importDocument(name: string, content: string, options: ImportOptions = {}): ImportedDocument {
  const parts = incidentParts(content);
  if (parts.length < 2) return importSingle(name, content, options);
  const lines = content.split('\n');
  // What the log says before its first incident ("All times in UTC") holds for all of them.
  const head = importSingle(name, lines.slice(0, parts[0]!.start - 1).join('\n'), options);
  const headZone = zoneStatedIn(lines.slice(0, parts[0]!.start - 1).join('\n'));
  const shared = { ...options, timeZone: headZone ?? options.timeZone ?? null };
  const documents = parts.map(({ start, end }) =>
    importSingle(name, lines.map((line, i) => (i + 1 >= start && i + 1 <= end ? line : '')).join('\n'), shared),
  );
  const warnings = documents.flatMap((d) => d.warnings).filter((w) => w.code !== 'title_from_file_name');
  return { name, incidents: documents.flatMap((d) => d.incidents), warnings: head.incidents[0]!.timeline.length > 0 ? [...head.warnings, ...warnings] : warnings };
}

const INCIDENT_HEADING = /\b(?:incident|outage|post-?mortem|disruption|degradation)\b/i;

/** The line ranges (1-based, inclusive) of an incident log's incidents, or [] for a single postmortem. */
function incidentParts(content: string): Array<{ start: number; end: number }> {
  const headings: Array<{ line: number; depth: number; incident: boolean }> = [];
  let fenced = false;
  content.split('\n').forEach((text, i) => {
    if (/^\s*(?:```|~~~)/.test(text)) fenced = !fenced;
    const match = fenced ? null : /^(#{1,6})\s+(.*)$/.exec(text);
    if (match) headings.push({ line: i + 1, depth: match[1]!.length, incident: INCIDENT_HEADING.test(match[2]!) && findDate(match[2]!) !== null });
  });
  const depths = [...new Set(headings.filter((h) => h.incident).map((h) => h.depth))];
  const depth = depths.find((d) => headings.filter((h) => h.incident && h.depth === d).length >= 2);
  if (depth === undefined) return [];
  const total = content.split('\n').length;
  return headings
    .filter((h) => h.incident && h.depth === depth)
    .map((h) => {
      const next = headings.find((o) => o.line > h.line && o.depth <= depth);
      return { start: h.line, end: next ? next.line - 1 : total };
    });
}

const zoneStatedIn = (text: string): string | null =>
  text
    .split(/\n\s*\n/)
    .filter((p) => ZONE_STATEMENT.test(p) && p.length < 200)
    .map((p) => zoneInSentence(p))
    .find((z): z is string => z !== null) ?? null;

function importSingle(name: string, content: string, options: ImportOptions): ImportedDocument {
  const warnings: ImportWarning[] = [];
  const order = options.dateOrder ?? detectDateOrder(content) ?? 'DMY';
  const warn = (code: string, message: string, line?: number) => warnings.push({ code, message, line: line ?? null });
  const parsed = parseMarkdown(content, (text, depth) => (isStampHeading(text, depth, order) ? 'stamp' : 'section'));
  const { frontMatter: fm, lines, sections, preamble } = parsed;

  const titleSection = findTitleSection(sections);
  const fmTitle = typeof fm.title === 'string' && fm.title.trim() ? fm.title.trim() : null;
  const lineTitle = fmTitle || titleSection ? null : firstLineTitle(lines);
  const title = fmTitle ?? (titleSection ? titleSection.heading.replace(/^title\s*:\s*/i, '') : (lineTitle ?? titleFromFileName(name)));
  if (!fmTitle && !titleSection && !lineTitle) warn('title_from_file_name', `No title heading: the title "${title}" was made from the file name.`);

  const docDate =
    toDay(findDate(title, order)) ??
    dayOf(fm.date ?? fm.incident_date ?? fm.started) ??
    dayOf(metadata(lines, metadataLine('date|start|started|incident date|date of incident'))) ??
    toDay(findDate(name, order)) ??
    toDay(findDate(lines.slice(0, 60).join('\n'), order));
  const excluded = excludedSections(sections);
  const open = sections.filter((s) => !excluded.has(s));
  // "What happened" holds the timeline in some documents; beside a real timeline section it is prose retelling it.
  const hasNamedTimeline = open.some((s) => TIMELINE_HEADING.test(s.heading) && !RETELLING_HEADING.test(s.heading));
  const namesTimeline = (heading: string) => TIMELINE_HEADING.test(heading) && !(hasNamedTimeline && RETELLING_HEADING.test(heading));
  const isTimeline = (s: Section, proseToo: boolean) =>
    /time\s*line/i.test(s.heading) ||
    (!isActionHeading(s.heading) && (namesTimeline(s.heading) || s.parents.some(namesTimeline) || stampedBlocks(s, lines, order, proseToo) >= 2));
  // Only a document with no timeline of its own (a prose post-event summary, perhaps without headings)
  // is read for dated paragraphs ("At 9:37 AM PST, ..."); elsewhere they retell the timeline.
  const preambleSection: Section = { heading: '', depth: 0, line: 0, parents: [], blocks: preamble };
  const strict = open.filter((s) => isTimeline(s, false));
  const timelineSections =
    strict.length > 0
      ? strict
      : [preambleSection, ...open].filter((s) => !isActionHeading(s.heading) && stampedBlocks(s, lines, order, true) >= 2);

  const fmZone = [fm.timezone, fm.time_zone, fm.tz, fm.timeZone].find((z): z is string => typeof z === 'string');
  const statedZone = [...preamble, ...open.filter((s) => !timelineSections.includes(s)).flatMap((s) => s.blocks)]
    .filter((b) => b.type === 'paragraph')
    .map((b) => toString(b))
    .filter((text) => ZONE_STATEMENT.test(text) && text.length < 200)
    .map((text) => zoneInSentence(text))
    .find(Boolean);
  const metadataZone = metadata(lines.slice(0, 40), metadataLine('time ?zone|tz'));
  const docZone = (fmZone ? zoneFromToken(fmZone) : null) ?? (metadataZone ? zoneInSentence(metadataZone) : null) ?? statedZone ?? null;
  // No zone stated for the timeline, but the document writes its other times in one zone ("at 3:15 PM PST"): that one.
  const writtenZone = docZone ? null : zoneOfWrittenTimes(lines.join('\n'));

  const reader = new TimelineReader(lines, { docDate, docZone, writtenZone, defaultZone: options.timeZone ?? null, order, warn });
  for (const section of timelineSections) reader.readSection(section);

  const actionItems: ImportedActionItem[] = [];
  const isAction = (s: Section) => !timelineSections.includes(s) && (isActionHeading(s.heading) || s.parents.some(isActionHeading));
  for (const section of open) {
    if (isAction(section)) readActionSection(section, lines, actionItems);
    else readInlineActions(section.blocks, lines, actionItems);
  }
  readInlineActions(preamble, lines, actionItems);
  const seen = new Set<string>();
  const uniqueActions = actionItems
    .filter((item) => item.title && !seen.has(item.title.toLowerCase()) && seen.add(item.title.toLowerCase()))
    .sort((a, b) => a.line - b.line);

  const firstSection = (pattern: RegExp) => open.find((s) => pattern.test(s.heading) && !timelineSections.includes(s));
  const summary = paragraphsText(firstSection(SUMMARY_HEADING)?.blocks ?? []) ?? paragraphsText(preamble) ?? paragraphsText(titleSection?.blocks ?? []);
  const impact = paragraphsText(firstSection(IMPACT_HEADING)?.blocks ?? []);
  const factors = open.filter((s) => FACTORS_HEADING.test(s.heading) && !isAction(s)).flatMap((s) => listTexts(s.blocks));
  const listed = (pattern: RegExp) => open.filter((s) => pattern.test(s.heading) && !isAction(s)).flatMap((s) => listTexts(s.blocks));
  const mitigators = listed(MITIGATORS_HEADING);
  const risks = listed(RISKS_HEADING);
  const lessons = open.filter((s) => LESSONS_HEADING.test(s.heading) && !MITIGATORS_HEADING.test(s.heading) && !RISKS_HEADING.test(s.heading) && !isAction(s)).flatMap((s) => listTexts(s.blocks));
  const sectionText = (pattern: RegExp) => {
    const section = open.find((s) => pattern.test(s.heading));
    return section ? (paragraphsText(section.blocks)?.split('\n')[0] ?? null) : null;
  };
  const severity = (typeof fm.severity === 'string' || typeof fm.severity === 'number' ? String(fm.severity) : null) ?? metadata(lines, metadataLine('severity|sev|severity level|incident severity')) ?? sectionText(/^severity$/i);
  const servicesSection = open.find((s) => /^(?:affected )?(?:services|systems|components)(?: affected)?$/i.test(s.heading));
  const services = stringList(fm.services ?? fm.service)
    .concat(stringList(metadata(lines, metadataLine('affected services|services affected|services|affected systems|systems affected'))))
    .concat(servicesSection ? listTexts(servicesSection.blocks).flatMap(stringList) : []);

  if (reader.entries.length === 0) warn('no_timeline', 'No timeline entries were found.');
  return {
    name,
    warnings,
    incidents: [
      {
        title: plainInline(title).slice(0, 300),
        titleLine: titleSection?.line ?? null,
        date: isoDay(docDate),
        severity,
        services: [...new Set(services)],
        summary,
        impact,
        contributingFactors: factors,
        mitigators,
        risks,
        lessons,
        timeline: reader.entries,
        actionItems: uniqueActions,
      },
    ],
  };
}
