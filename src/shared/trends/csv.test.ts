import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(toCsv(['a', 'b'], [['x, y', 1], ['say "hi"', null], ['=SUM(A1)', -2]])).toBe('a,b\r\n"x, y",1\r\n"say ""hi""",\r\n\'=SUM(A1),-2\r\n');
  });
});
