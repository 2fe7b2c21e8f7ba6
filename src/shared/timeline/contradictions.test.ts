import { describe, expect, it } from 'vitest';
import { findContradictions, type EvidenceEntry, type KeyTimes } from './contradictions.js';

const at = (time: string) => `2026-03-10T${time}:00Z`;
let nextId = 1;
const entry = (time: string, text: string, extra: Partial<EvidenceEntry> = {}): EvidenceEntry => ({
  id: nextId++,
  occurredAt: at(time),
  kind: 'note',
  text,
  source: 'manual',
  precision: 'minute',
  keyTimestamp: null,
  provenance: null,
  ...extra,
});
const noKeys: KeyTimes = { impactStartedAt: null, detectedAt: null, respondedAt: null, mitigatedAt: null, resolvedAt: null };
const chat = { source: 'chat', provenance: { label: 'Chat transcript' } } as const;

/** name, entries, key timestamps, the kinds and reasons (in part) expected */
const cases: Array<[string, EvidenceEntry[], Partial<KeyTimes>, Array<[string, string]>]> = [
  ['an empty timeline has none', [], {}, []],
  [
    'the same event from two sources an hour apart',
    [entry('10:20', 'Rolled back checkout to 4.1'), entry('11:20', 'Grace: rolled back checkout to 4.1', chat)],
    {},
    [['same_event_different_times', 'seem to tell of the same event, 60 min apart']],
  ],
  ['the same event from two sources within their precision', [entry('10:20', 'Rolled back checkout to 4.1'), entry('10:21', 'Grace: rolled back checkout to 4.1', chat)], {}, []],
  [
    'an approximate time stretches the tolerance',
    [entry('10:20', 'Rolled back checkout to 4.1', { precision: 'approximate' }), entry('10:30', 'Grace: rolled back checkout to 4.1', chat)],
    {},
    [],
  ],
  ['an unknown time contradicts nothing', [entry('10:20', 'Rolled back checkout to 4.1'), entry('13:00', 'Grace: rolled back checkout to 4.1', { ...chat, precision: 'unknown' })], {}, []],
  ['the same source telling twice is a repeat, not a contradiction', [entry('10:20', 'Rolled back checkout to 4.1'), entry('11:20', 'Rolled back checkout to 4.1 again')], {}, []],
  ['different events from two sources', [entry('10:20', 'Rolled back checkout to 4.1'), entry('11:20', 'Paged the database on-call engineer', chat)], {}, []],
  ['short texts say too little to match', [entry('10:20', 'Resolved'), entry('11:20', 'Resolved', chat)], {}, []],
  [
    'an alert before the recorded impact start',
    [entry('09:40', 'Checkout error rate alert', { kind: 'signal', source: 'alert' }), entry('10:00', 'Impact started', { kind: 'signal', keyTimestamp: 'impactStartedAt' })],
    { impactStartedAt: at('10:00') },
    [['key_timestamp_contradicted', 'fired 20 min before the recorded impact start']],
  ],
  ['an alert after the impact start', [entry('10:05', 'Checkout error rate alert', { source: 'alert' })], { impactStartedAt: at('10:00') }, []],
  ['detection after impact start is the usual order', [], { impactStartedAt: at('10:00'), detectedAt: at('10:10'), mitigatedAt: at('10:30'), resolvedAt: at('11:00') }, []],
  ['detection before impact start', [], { impactStartedAt: at('10:00'), detectedAt: at('09:50') }, [['key_timestamp_contradicted', 'The recorded detection is 10 min before the recorded impact start']]],
  ['mitigation before detection', [], { detectedAt: at('10:10'), mitigatedAt: at('10:00') }, [['key_timestamp_contradicted', 'The recorded mitigation is 10 min before the recorded detection']]],
  ['resolution before mitigation', [], { mitigatedAt: at('10:30'), resolvedAt: at('10:20') }, [['key_timestamp_contradicted', 'The recorded resolution is 10 min before the recorded mitigation']]],
  ['response before detection', [], { detectedAt: at('10:10'), respondedAt: at('10:05') }, [['key_timestamp_contradicted', 'The recorded response is 5 min before the recorded detection']]],
  [
    'a resolution before the first signal',
    [entry('09:00', 'Fixed the config', { kind: 'resolution' }), entry('09:30', 'Error budget burn alert', { kind: 'signal' })],
    {},
    [['out_of_causal_order', 'is 30 min before the first signal or detection']],
  ],
  ['a mitigation after the first detection', [entry('09:30', 'Noticed errors', { kind: 'detection' }), entry('09:40', 'Rolled back', { kind: 'mitigation' })], {}, []],
];

describe('findContradictions', () => {
  it.each(cases)('%s', (_name, entries, keys, expected) => {
    const found = findContradictions(entries, { ...noKeys, ...keys });
    expect(found.map((c) => c.kind)).toEqual(expected.map(([kind]) => kind));
    found.forEach((contradiction, i) => expect(contradiction.reason).toContain(expected[i]![1]));
  });

  it('names the entries involved, earliest first, and the key timestamps', () => {
    const manual = entry('10:20', 'Rolled back checkout to 4.1');
    const fromChat = entry('11:20', 'Grace: rolled back checkout to 4.1', chat);
    expect(findContradictions([fromChat, manual], noKeys)).toEqual([
      expect.objectContaining({ id: `same:${manual.id}:${fromChat.id}`, entryIds: [manual.id, fromChat.id], keyTimestamps: [] }),
    ]);
    const detected = entry('09:50', 'Detected', { kind: 'detection', keyTimestamp: 'detectedAt' });
    const impact = entry('10:00', 'Impact started', { kind: 'signal', keyTimestamp: 'impactStartedAt' });
    expect(findContradictions([detected, impact], { ...noKeys, impactStartedAt: at('10:00'), detectedAt: at('09:50') })).toEqual([
      expect.objectContaining({ kind: 'key_timestamp_contradicted', entryIds: [detected.id, impact.id], keyTimestamps: ['impactStartedAt', 'detectedAt'] }),
    ]);
  });
});
