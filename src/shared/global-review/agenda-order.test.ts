import { describe, expect, it } from 'vitest';
import { byBusinessImpact, durationWords, impactMinutesOf, impactWhy, type ImpactFacts } from './agenda-order.js';

const incident = (name: string, facts: Partial<ImpactFacts>): ImpactFacts & { name: string } => ({
  name,
  severity: 'sev2',
  userFacing: false,
  impactMinutes: null,
  customerImpact: null,
  startedAt: '2026-12-01T10:00:00Z',
  ...facts,
});

describe('the global review agenda: business impact first', () => {
  it('orders customer-facing before internal, then severity, then longer impact, then earlier', () => {
    const incidents = [
      incident('internal sev1, long', { severity: 'sev1', impactMinutes: 600 }),
      incident('customer sev2, short', { userFacing: true, impactMinutes: 10 }),
      incident('customer sev1, unknown duration', { userFacing: true, severity: 'sev1' }),
      incident('customer sev1, 2 h', { userFacing: true, severity: 'sev1', impactMinutes: 120 }),
      incident('customer sev2, short, later', { userFacing: true, impactMinutes: 10, startedAt: '2026-12-02T10:00:00Z' }),
    ];
    expect(incidents.sort(byBusinessImpact).map((i) => i.name)).toEqual([
      'customer sev1, 2 h',
      'customer sev1, unknown duration',
      'customer sev2, short',
      'customer sev2, short, later',
      'internal sev1, long',
    ]);
  });

  it.each([
    [{ userFacing: true, severity: 'sev1' as const, impactMinutes: 200, customerImpact: 'Checkout failed for 12% of EU users' }, 'customer-facing · SEV1 · 3 h 20 min of impact · Checkout failed for 12% of EU users'],
    [{ impactMinutes: null }, 'internal · SEV2 · impact duration unknown'],
    [{ impactMinutes: 45 }, 'internal · SEV2 · 45 min of impact'],
    [{ impactMinutes: 120 }, 'internal · SEV2 · 2 h of impact'],
    [{ impactMinutes: 4 * 24 * 60 }, 'internal · SEV2 · 4 days of impact'],
  ])('says why: %o', (facts, why) => {
    expect(impactWhy(incident('x', facts))).toBe(why);
  });

  it('measures impact from the first known start to the first known end', () => {
    expect(impactMinutesOf([null, '2026-12-01T10:00:00Z'], ['2026-12-01T11:30:00Z', '2026-12-01T12:00:00Z'])).toBe(90);
    expect(impactMinutesOf([null, null], ['2026-12-01T11:30:00Z'])).toBeNull();
    expect(impactMinutesOf(['2026-12-01T12:00:00Z'], ['2026-12-01T11:00:00Z'])).toBeNull();
    expect(durationWords(59)).toBe('59 min');
  });
});
