/**
 * How one line of free notes reads: its bullet and indentation, whether it labels a section
 * ("Contributors:", "## Follow-ups"), whether it says what it is ("AI: ...", "risk: ..."), and
 * who owns it ("(owner: sam)"). Pure; the section words are the importer's.
 */
import { isActionHeading } from '../imports/action-items.js';
import { plainInline } from '../imports/markdown.js';
import { FACTORS_HEADING, LESSONS_HEADING, MITIGATORS_HEADING, RISKS_HEADING } from '../imports/postmortem.js';
import { APPENDIX_HEADING, TIMELINE_HEADING } from '../imports/timeline.js';

export type NoteKind = 'timelineEntry' | 'contributor' | 'mitigator' | 'risk' | 'actionItem';
/** What a section's bullets are: one kind of proposal, nothing (summary, impact), or pasted evidence (an appendix). */
export type SectionKind = NoteKind | 'other' | 'appendix';

export interface NoteLine {
  /** 1-based. */
  line: number;
  indent: number;
  bullet: boolean;
  /** A task-list checkbox: null when the line has none. */
  checked: boolean | null;
  /** The line without its indentation, bullet and checkbox. */
  body: string;
  /** A Markdown heading: its depth. */
  depth: number | null;
}

const BULLET = /^(?:[-*+•]|\d{1,3}[.)])\s+/;
const CHECKBOX = /^\[([ xX]?)\]\s*/;

export function readNoteLine(raw: string, line: number): NoteLine {
  const indent = (/^\s*/.exec(raw)?.[0] ?? '').replace(/\t/g, '    ').length;
  let body = raw.trim();
  const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(body);
  if (heading) return { line, indent, bullet: false, checked: null, body: heading[2]!, depth: heading[1]!.length };
  const bullet = BULLET.exec(body);
  if (bullet) body = body.slice(bullet[0].length);
  const box = CHECKBOX.exec(body);
  if (box) body = body.slice(box[0].length);
  return { line, indent, bullet: Boolean(bullet), checked: box ? /x/i.test(box[1]!) : null, body, depth: null };
}

/** The kind of a section named by a heading or a label, or null when the words name none of ours. */
export function sectionKindOf(heading: string): SectionKind | null {
  const text = plainInline(heading).replace(/[:.]\s*$/, '');
  if (APPENDIX_HEADING.test(text) && !/time\s*line/i.test(text)) return 'appendix';
  if (/time\s*line|^(?:log|notes? log|chronology)$/i.test(text) || (TIMELINE_HEADING.test(text) && !/what happened/i.test(text))) return 'timelineEntry';
  if (isActionHeading(text)) return 'actionItem';
  if (RISKS_HEADING.test(text) || /near[\s-]?miss|where we got lucky/i.test(text)) return 'risk';
  if (MITIGATORS_HEADING.test(text) || /what worked|helped/i.test(text)) return 'mitigator';
  if (FACTORS_HEADING.test(text) || /contribut|root causes?|what went badly|didn'?t go (?:so )?well/i.test(text)) return 'contributor';
  if (LESSONS_HEADING.test(text)) return 'other';
  return null;
}

/**
 * "Contributors:", "**Follow-ups**", "What went well" on a line of its own: a heading in all but name.
 * Short, no sentence after it, and its words name a section.
 */
export function labelKind(note: NoteLine): SectionKind | null {
  const text = plainInline(note.body);
  if (text.length === 0 || text.length > 60 || /[.!?]$/.test(text)) return null;
  const bare = text.replace(/:\s*$/, '');
  if (bare.includes(':')) return null;
  const kind = sectionKindOf(bare);
  // Without a colon only a few words on a line of their own: "Follow-ups", "What went well", not a bullet.
  if (!text.endsWith(':') && (note.bullet || bare.split(/\s+/).length > 5)) return null;
  return kind;
}

const PREFIXES: Array<[NoteKind, RegExp]> = [
  ['actionItem', /^(?:AI|A\.I\.|action(?:\s+(?:item|point))?|todo|to-do|to do|follow[\s-]?up|next step|fixme)\b\s*[:\-–—]?\s*/i],
  ['contributor', /^(?:contributing(?:\s+factor)?|contributor|contributed|cause|root\s*cause|trigger|what went wrong|went wrong|problem)\s*[:\-–—]\s*/i],
  ['mitigator', /^(?:mitigator|mitigating(?:\s+factor)?|went well|what went well|what helped|helped|good|positive|lucky(?!\s+risk))\s*[:\-–—]\s*/i],
  ['risk', /^(?:risk|near[\s-]?miss|could have been worse|got lucky|concern)\s*[:\-–—]\s*/i],
];

/** "AI: add alert (owner: sam)", "TODO check the backups", "risk: single DB": the kind and the rest. */
export function prefixedKind(body: string): { kind: NoteKind; rest: string } | null {
  const text = body.replace(/^(?:\*\*|__)([^*_]{1,30}?)(?:\*\*|__)/, '$1');
  for (const [kind, pattern] of PREFIXES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const rest = text.slice(match[0].length).trim();
    // "AI" and "TODO" need no colon; the other words do ("Action was taken" is prose).
    if (!/[:\-–—]\s*$/.test(match[0]) && !/^(?:todo|to-do|fixme)\b/i.test(text)) continue;
    if (rest.length >= 3) return { kind, rest };
  }
  return null;
}

/** "(owner: sam)", "owner: sam", "@sam" at the end: the owner's name and the text without it. */
export function ownerOf(text: string): { owner: string | null; text: string } {
  const patterns = [
    /\s*[([]\s*(?:owner|assignee|who|owned by)\s*[:=]?\s*@?([^)\]]{1,80}?)\s*[)\]]\s*$/i,
    /\s*[-–—,;]?\s*\b(?:owner|assignee|owned by)\s*[:=]\s*@?([\p{L}\p{N}._' -]{1,80}?)\s*$/iu,
    /\s*[-–—,;]?\s*\(@([\p{L}\p{N}._-]{1,60})\)\s*$/u,
    /\s+[-–—]?\s*@([\p{L}\p{N}._-]{1,60})\s*$/u,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match && match.index > 0) return { owner: match[1]!.trim(), text: text.slice(0, match.index).trim() };
  }
  return { owner: null, text };
}
