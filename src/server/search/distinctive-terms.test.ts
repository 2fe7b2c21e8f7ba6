import { describe, expect, it } from 'vitest';
import { distinctiveTerms, type DistinctiveSource } from './distinctive-terms.js';

const source = (overrides: Partial<DistinctiveSource>): DistinctiveSource => ({ title: '', summary: '', factors: '', whys: '', impact: '', learnings: '', timeline: '', ...overrides });

describe('distinctiveTerms', () => {
  it.each<[string, Partial<DistinctiveSource>, number, string[]]>([
    ['nothing written', {}, 8, []],
    ['stop words, short words and numbers are left out', { title: 'The DB was down for 2026 minutes and it was bad' }, 8, ['minutes', 'down']],
    ['the title outweighs the timeline', { title: 'Replica', timeline: 'replicas replicas replicas' }, 2, ['replica', 'replicas']],
    ['repetition counts', { summary: 'checkout failover, failover again', impact: 'checkout' }, 2, ['failover', 'checkout']],
    ['a limit', { title: 'alpha bravo charlie delta' }, 2, ['charlie', 'alpha']],
  ])('%s', (_name, overrides, count, expected) => expect(distinctiveTerms(source(overrides), count)).toEqual(expected));
});
