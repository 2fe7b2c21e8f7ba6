import { describe, expect, it } from 'vitest';
import { entry } from '../../../../test/support/documents.js';
import { clockSources, entryTime, evidenceSource } from './evidence.js';

describe('timeline evidence in the web app', () => {
  const at = '2026-03-10T10:20:00Z';
  it('never shows the anchor of an unknown time as a time, and marks approximate ones', () => {
    expect(entryTime({ occurredAt: at, precision: 'unknown' }, 'timeSeconds')).toBe('time unknown');
    expect(entryTime({ occurredAt: at, precision: 'approximate' }, 'timeSeconds')).toMatch(/^≈ /);
    expect(entryTime({ occurredAt: at, precision: 'range' }, 'timeSeconds')).toMatch(/\(range\)$/);
  });

  it('groups entries by source kind and provenance label for the clock offset', () => {
    const chat = { ...entry(1, at, 'a'), source: 'chat' as const, provenance: { label: 'Chat transcript', ref: 'line 1', excerpt: null } };
    const entries = [chat, { ...chat, id: 2 }, entry(3, at, 'b')];
    expect(clockSources(entries).map((s) => [s.name, s.source, s.label, s.entries.map((e) => e.id)])).toEqual([
      ['Chat transcript (Chat)', 'chat', 'Chat transcript', [1, 2]],
      ['Manual', 'manual', null, [3]],
    ]);
    expect(evidenceSource(chat)).toBe('Chat transcript');
    expect(evidenceSource(entry(3, at, 'b'))).toBe('Manual');
  });
});
