import { describe, expect, it } from 'vitest';
import { buildPeopleIndex, tokenizeSpans, type Token } from './tokens.js';

const people = buildPeopleIndex(['Priya Raman', 'Søren Kjær']);
const tokensOf = (text: string): Token[] => tokenizeSpans([{ text, start: 0 }], people)[0]!;
const norms = (text: string) => tokensOf(text).map((t) => t.norm);

describe('tokenizeSpans', () => {
  it.each([
    ["Bob didn't bother.", ['bob', 'did', 'not', 'bother']],
    ['We should’ve checked.', ['we', 'should', 'have', 'checked']],
    ['The on-call engineer double-checked it.', ['the', 'on-call', 'engineer', 'double-checked', 'it']],
    ["It was Bob's mistake.", ['it', 'was', 'bob', 'mistake']],
  ])('normalises %s', (text, expected) => {
    expect(norms(text)).toEqual(expected);
  });

  it('flags possessives, names from options.people and clause breaks', () => {
    const tokens = tokensOf("Priya's fix; the SRE, Søren, left.");
    const byNorm = (norm: string) => tokens.find((t) => t.norm === norm);
    expect(byNorm('priya')).toMatchObject({ possessive: true, person: true });
    expect(byNorm('fix')).toMatchObject({ breakAfter: true });
    expect(byNorm('sre')).toMatchObject({ commaAfter: true, person: false });
    expect(tokens.find((t) => t.text === 'Søren')).toMatchObject({ person: true });
    expect(tokensOf('Kjær left.')[0]).toMatchObject({ person: true });
    expect(tokensOf('Kjaer left.')[0]).toMatchObject({ person: true });
  });

  it('builds name parts from full names and e-mail addresses', () => {
    expect([...buildPeopleIndex(['Priya Raman', 'søren.kjaer@example.com', 'X'])]).toEqual(['priya', 'raman', 'soren', 'kjaer']);
  });

  it('does not take lowercase common words for people', () => {
    expect(tokenizeSpans([{ text: 'the will to fix it', start: 0 }], buildPeopleIndex(['Will Smith']))[0]![1]).toMatchObject({
      person: false,
    });
  });

  it('maps every token back to its own span and to offsets in the original text', () => {
    const text = 'Intro. Bob failed to page.\n| 09:05 | Sara didn’t bother |';
    const spans = [
      { text: 'Bob failed to page.', start: 7 },
      { text: 'Sara didn’t bother', start: 37 },
    ];
    const [first, second] = tokenizeSpans(spans, people);
    expect(first!.map((t) => t.text)).toEqual(['Bob', 'failed', 'to', 'page']);
    expect(second!.map((t) => t.norm)).toEqual(['sara', 'did', 'not', 'bother']);
    for (const token of [...first!, ...second!]) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(first!.at(-1)!.breakAfter && second!.at(-1)!.breakAfter).toBe(true);
  });
});
