import { z } from 'zod';
import { keyTimestamps, type KeyTimestamp } from '../incidents/incident.schema.js';
import type { TimelineEntry, TimelinePrecision } from './timeline.schema.js';

/**
 * Contradictions in the timeline's evidence (F5): flagged for a person to settle, never resolved
 * silently. Pure: the same rule runs on the server (GET .../timeline/contradictions) and in tests.
 */
export const contradictionKinds = ['same_event_different_times', 'key_timestamp_contradicted', 'out_of_causal_order'] as const;

export const contradictionSchema = z
  .object({
    id: z.string().describe('Stable while the same entries contradict each other in the same way'),
    kind: z.enum(contradictionKinds),
    reason: z.string(),
    entryIds: z.array(z.number().int()).describe('The entries involved, earliest first'),
    keyTimestamps: z.array(z.enum(keyTimestamps)).describe("The incident's key timestamps involved"),
  })
  .meta({ id: 'TimelineContradiction' });
export type Contradiction = z.infer<typeof contradictionSchema>;
export const contradictionListSchema = z.object({ items: z.array(contradictionSchema) });

export type EvidenceEntry = Pick<TimelineEntry, 'id' | 'occurredAt' | 'kind' | 'text' | 'source' | 'precision' | 'keyTimestamp'> & {
  provenance: { label: string } | null;
};
export type KeyTimes = Record<KeyTimestamp, string | null>;

/** How far apart two readings of one moment may be before they disagree, per side. An unknown time never disagrees. */
const toleranceMs: Record<TimelinePrecision, number> = {
  exact: 1_000,
  minute: 60_000,
  approximate: 15 * 60_000,
  range: 30 * 60_000,
  unknown: Number.POSITIVE_INFINITY,
};

/** Key timestamps in the order an incident lives them; each known one must not come before the known one it follows. */
const keyOrder: Array<[KeyTimestamp, KeyTimestamp]> = [
  ['impactStartedAt', 'detectedAt'],
  ['detectedAt', 'respondedAt'],
  ['detectedAt', 'mitigatedAt'],
  ['mitigatedAt', 'resolvedAt'],
];
const keyLabels: Record<KeyTimestamp, string> = {
  impactStartedAt: 'impact start',
  detectedAt: 'detection',
  respondedAt: 'response',
  mitigatedAt: 'mitigation',
  resolvedAt: 'resolution',
};

/** Words too common to say two texts tell of the same event. */
const stopWords = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'is', 'was', 'are', 'were', 'for', 'with', 'by', 'it', 'we', 'from', 'as', 'be', 'this', 'that']);
const words = (text: string) => new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 && !stopWords.has(w)));
const MIN_WORDS = 3;
/** Share of the shorter text's words found in the other: "Grace: rolled back checkout to 4.1" tells what "Rolled back checkout to 4.1" does. */
const SAME_EVENT_OVERLAP = 0.8;

const ms = (entry: EvidenceEntry) => Date.parse(entry.occurredAt);
const sourceOf = (entry: EvidenceEntry) => `${entry.source}|${entry.provenance?.label ?? ''}`;
const tolerance = (a: EvidenceEntry, b: EvidenceEntry) => toleranceMs[a.precision] + toleranceMs[b.precision];
const minutesApart = (a: number, b: number) => `${Math.round(Math.abs(a - b) / 60_000)} min`;
const describe = (entry: EvidenceEntry) => `"${entry.text.length > 60 ? `${entry.text.slice(0, 59)}…` : entry.text}"`;

/** Words in more entries than this are too common to tell one event from another. */
const MAX_WORD_ENTRIES = 50;

function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared += 1;
  return small.size === 0 ? 0 : shared / small.size;
}

/** (a) Two sources telling of the same event at times further apart than their precision allows. */
function sameEventDifferentTimes(entries: EvidenceEntry[]): Contradiction[] {
  const found: Contradiction[] = [];
  const read = entries.map((entry) => ({ entry, source: sourceOf(entry), words: words(entry.text) })).filter((r) => r.words.size >= MIN_WORDS);
  if (new Set(read.map((r) => r.source)).size < 2) return found;
  // Only pairs sharing a telling word are compared, so a long timeline is not compared pair by pair;
  // a word in very many entries ("deploy", a service's name) tells no event apart and finds no pair.
  const byWord = new Map<string, number[]>();
  read.forEach((r, i) => r.words.forEach((w) => (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(i)));
  read.forEach((a, i) => {
    const candidates = new Set<number>();
    for (const w of a.words) {
      const holders = byWord.get(w)!;
      if (holders.length <= MAX_WORD_ENTRIES) for (const j of holders) if (j > i && read[j]!.source !== a.source) candidates.add(j);
    }
    for (const j of [...candidates].sort((x, y) => x - y)) {
      const b = read[j]!;
      if (overlap(a.words, b.words) < SAME_EVENT_OVERLAP) continue;
      if (Math.abs(ms(a.entry) - ms(b.entry)) <= tolerance(a.entry, b.entry)) continue;
      const [first, second] = ms(a.entry) <= ms(b.entry) ? [a.entry, b.entry] : [b.entry, a.entry];
      found.push({
        id: `same:${first.id}:${second.id}`,
        kind: 'same_event_different_times',
        reason: `${describe(first)} and ${describe(second)} seem to tell of the same event, ${minutesApart(ms(first), ms(second))} apart, from different sources (${first.provenance?.label ?? first.source} and ${second.provenance?.label ?? second.source}).`,
        entryIds: [first.id, second.id],
        keyTimestamps: [first.keyTimestamp, second.keyTimestamp].filter((k): k is KeyTimestamp => k !== null),
      });
    }
  });
  return found;
}

/** (b) Key timestamps out of order with each other, or an alert fired before the recorded impact start. */
function keyTimestampsContradicted(entries: EvidenceEntry[], keys: KeyTimes): Contradiction[] {
  const found: Contradiction[] = [];
  const keyEntry = (key: KeyTimestamp) => entries.find((entry) => entry.keyTimestamp === key);
  const keyTolerance = (key: KeyTimestamp) => toleranceMs[keyEntry(key)?.precision ?? 'minute'];
  for (const [before, after] of keyOrder) {
    const [from, to] = [keys[before], keys[after]];
    if (from === null || to === null) continue;
    if (Date.parse(to) >= Date.parse(from) - keyTolerance(before) - keyTolerance(after)) continue;
    found.push({
      id: `keys:${before}:${after}`,
      kind: 'key_timestamp_contradicted',
      reason: `The recorded ${keyLabels[after]} is ${minutesApart(Date.parse(from), Date.parse(to))} before the recorded ${keyLabels[before]}.`,
      entryIds: [keyEntry(after)?.id, keyEntry(before)?.id].filter((id): id is number => id !== undefined),
      keyTimestamps: [before, after],
    });
  }
  const impact = keys.impactStartedAt;
  if (impact !== null) {
    const impactMs = Date.parse(impact);
    const early = entries
      .filter((entry) => entry.keyTimestamp === null && (entry.kind === 'signal' || entry.source === 'alert'))
      .filter((entry) => ms(entry) < impactMs - toleranceMs[entry.precision] - keyTolerance('impactStartedAt'))
      .sort((a, b) => ms(a) - ms(b));
    const [first] = early;
    if (first) {
      found.push({
        id: `impact:${first.id}`,
        kind: 'key_timestamp_contradicted',
        reason: `${describe(first)} fired ${minutesApart(ms(first), impactMs)} before the recorded impact start: did the impact start earlier?`,
        entryIds: [first.id, keyEntry('impactStartedAt')?.id].filter((id): id is number => id !== undefined),
        keyTimestamps: ['impactStartedAt'],
      });
    }
  }
  return found;
}

/** (c) A mitigation or resolution before anything signalled or detected the incident. */
function outOfCausalOrder(entries: EvidenceEntry[]): Contradiction[] {
  const first = entries.filter((entry) => entry.kind === 'signal' || entry.kind === 'detection').sort((a, b) => ms(a) - ms(b))[0];
  if (!first) return [];
  return entries
    // Two key timestamps out of order are already flagged as such.
    .filter((entry) => !(entry.keyTimestamp && first.keyTimestamp))
    .filter((entry) => (entry.kind === 'mitigation' || entry.kind === 'resolution') && ms(entry) < ms(first) - tolerance(entry, first))
    .map((entry) => ({
      id: `order:${entry.id}:${first.id}`,
      kind: 'out_of_causal_order' as const,
      reason: `${describe(entry)} (${entry.kind}) is ${minutesApart(ms(entry), ms(first))} before the first signal or detection, ${describe(first)}.`,
      entryIds: [entry.id, first.id],
      keyTimestamps: [entry.keyTimestamp, first.keyTimestamp].filter((k): k is KeyTimestamp => k !== null),
    }));
}

/** Every contradiction among live entries whose time is known (an unknown time contradicts nothing). */
export function findContradictions(entries: EvidenceEntry[], keys: KeyTimes): Contradiction[] {
  const timed = entries.filter((entry) => entry.precision !== 'unknown' && !Number.isNaN(ms(entry)));
  return [...keyTimestampsContradicted(timed, keys), ...sameEventDifferentTimes(timed), ...outOfCausalOrder(timed)];
}
