import { describe, expect, it } from 'vitest';
import { tokeniseQuery, type SearchTerms } from './search-terms.js';

describe('tokeniseQuery', () => {
  it.each<[string, SearchTerms]>([
    ['', { terms: [], prefixLast: false }],
    ['   ', { terms: [], prefixLast: false }],
    ['database', { terms: ['database'], prefixLast: true }],
    ['database ', { terms: ['database'], prefixLast: false }],
    ['Data', { terms: ['data'], prefixLast: true }],
    ['d', { terms: ['d'], prefixLast: false }],
    ['replica l', { terms: ['replica'], prefixLast: false }],
    ['the database failover', { terms: ['database', 'failover'], prefixLast: true }],
    ['the', { terms: ['the'], prefixLast: true }],
    ['the ', { terms: ['the'], prefixLast: false }],
    ['"unbalanced quote', { terms: ['unbalanced', 'quote'], prefixLast: true }],
    ['payments-api:*', { terms: ['payments', 'api'], prefixLast: false }],
    ['(NEAR OR AND NOT)', { terms: ['near'], prefixLast: false }],
    ['NEAR(disk full, 3)', { terms: ['near', 'disk', 'full', '3'], prefixLast: false }],
    ['-negated +plus', { terms: ['negated', 'plus'], prefixLast: true }],
    ['*', { terms: [], prefixLast: false }],
    ['disk disk DISK', { terms: ['disk'], prefixLast: true }],
    ['Café über', { terms: ['café', 'über'], prefixLast: true }],
    ['w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13', { terms: ['w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'w9', 'w10', 'w11', 'w12', 'w13'], prefixLast: true }],
  ])('%j', (text, expected) => {
    expect(tokeniseQuery(text)).toEqual(expected);
  });

  it('cuts very long words', () => {
    expect(tokeniseQuery('x'.repeat(500)).terms[0]).toHaveLength(60);
  });
});
