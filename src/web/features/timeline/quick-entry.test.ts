import { describe, expect, it } from 'vitest';
import { ownDateNote, parseQuickEntry } from './quick-entry.js';

describe('parseQuickEntry: the day a line lands on', () => {
  it.each([
    ['a time alone lands on the day shown', '15:30 note rollback finished', '2026-03-11', '2026-03-11'],
    ['a full date wins for that line only', '2026-03-10 14:02 detection alert fired', '2026-03-11', '2026-03-10'],
    ['an offset keeps the day shown', '15:30Z note rollback finished', '2026-03-11', '2026-03-11'],
  ])('%s', (_name, line, shownDay, expectedDay) => {
    const parsed = parseQuickEntry(line, shownDay);
    expect(parsed).toMatchObject({ ok: true, day: expectedDay });
    if (parsed.ok) expect(parsed.occurredAt.slice(0, 10)).toBe(expectedDay);
  });
});

describe('ownDateNote', () => {
  const format = (day: string) => `<${day}>`;
  it.each([
    ['2026-03-11', '2026-03-11', null],
    ['2026-03-10', '2026-03-11', 'On its own date, <2026-03-10>; the next lines stay on <2026-03-11>'],
  ])('a line on %s with %s shown', (entryDay, shownDay, expected) => {
    expect(ownDateNote(entryDay, shownDay, format)).toBe(expected);
  });
});
