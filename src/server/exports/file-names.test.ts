import { describe, expect, it } from 'vitest';
import { attachment, exportBaseName, slugOf, wikiPathOf } from './file-names.js';

describe('slugOf', () => {
  it.each([
    ['Database failover', 'database-failover'],
    ['  Checkout 5xx: EU region!! ', 'checkout-5xx-eu-region'],
    ['Köln café outage — Straße', 'koln-cafe-outage-strasse'],
    ['../../etc/passwd', 'etc-passwd'],
    ['"quoted"; filename=evil.exe', 'quoted-filename-evil-exe'],
    ['日本語', 'untitled'],
    ['', 'untitled'],
    ['a'.repeat(70), 'a'.repeat(60)],
    ['word '.repeat(20), 'word-'.repeat(11) + 'word'],
  ])('%j → %j', (title, slug) => expect(slugOf(title)).toBe(slug));
});

describe('export names', () => {
  const incident = { id: 42, title: 'Database failover', startedAt: '2026-03-05T23:30:00-05:00' };

  it('come from the incident id, title and the start date as recorded', () => {
    expect(exportBaseName(incident)).toBe('2026-03-05-inc-42-database-failover');
    expect(wikiPathOf(incident, 'md')).toBe('2026/2026-03-05-inc-42-database-failover.md');
  });

  it('download under a quoted ASCII name', () => {
    expect(attachment('2026-03-05-inc-42-x.pdf')).toBe('attachment; filename="2026-03-05-inc-42-x.pdf"');
    expect(attachment('a"b\r\n.pdf')).toBe('attachment; filename="a_b__.pdf"');
  });
});
