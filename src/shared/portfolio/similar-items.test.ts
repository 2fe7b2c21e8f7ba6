import { describe, expect, it } from 'vitest';
import { byRank, contentWords, groupSimilar, jaccard, rankOf, type PortfolioItem } from './similar-items.js';

let next = 1;
const item = (text: string, facts: Partial<PortfolioItem> = {}): PortfolioItem => ({ id: next++, text, incidentId: next, severity: 'sev3', userFacing: false, categories: [], ...facts });

describe('the improvement portfolio: alike action items', () => {
  it('reads the words that matter, with common endings off', () => {
    expect([...contentWords('Add alerting on the replication lag of replicas')].sort()).toEqual(['alert', 'lag', 'replica', 'replication']);
    expect(jaccard(contentWords('Alert on replication lag'), contentWords('Alerts for replication lag'))).toBe(1);
  });

  it.each([
    ['the same words', 'Alert on replication lag', 'Add an alert for replication lag', [], [], true],
    ['a few shared words, no shared category', 'Alert on replication lag in the EU region', 'Document the replication setup for new joiners', [], [], false],
    ['a few shared words and the same category', 'Alert on database replication lag', 'Dashboard for database replication health', ['monitoring'], ['monitoring'], true],
    ['nothing in common', 'Rotate the TLS certificates automatically', 'Write a runbook for the payments failover', [], [], false],
  ])('%s: alike is %s', (_, a, b, categoriesA, categoriesB, alike) => {
    const groups = groupSimilar([item(a, { categories: categoriesA }), item(b, { categories: categoriesB })]);
    expect(groups.length).toBe(alike ? 1 : 0);
  });

  it('joins likeness transitively and leaves single items out', () => {
    const a = item('Alert on replication lag');
    const b = item('Alert on replication lag and disk usage');
    const c = item('Disk usage alert and replication lag paging');
    const alone = item('Rotate TLS certificates');
    const groups = groupSimilar([a, b, c, alone]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.map((i) => i.id).sort()).toEqual([a.id, b.id, c.id].sort());
  });

  it('ranks by incidents, then contributor categories, then impact (each incident once)', () => {
    const twoIncidents = [item('x', { incidentId: 1 }), item('x', { incidentId: 2 })];
    const oneIncidentSev1 = [item('y', { incidentId: 3, severity: 'sev1', userFacing: true }), item('y', { incidentId: 3, severity: 'sev1', userFacing: true })];
    const twoIncidentsTwoCategories = [item('z', { incidentId: 4, categories: ['monitoring'] }), item('z', { incidentId: 5, categories: ['process'] })];
    expect(rankOf(oneIncidentSev1)).toEqual({ incidents: 1, categories: [], impact: 16 });
    const ranked = [twoIncidents, oneIncidentSev1, twoIncidentsTwoCategories].map(rankOf).sort(byRank);
    expect(ranked.map((r) => [r.incidents, r.categories.length, r.impact])).toEqual([[2, 2, 4], [2, 0, 4], [1, 0, 16]]);
  });
});
