import { describe, expect, it } from 'vitest';
import { toIncident } from './incident.mapper.js';
import type { IncidentRow } from './incidents.repo.js';

const row: IncidentRow = {
  id: 4,
  title: 'Checkout latency above SLO',
  severity: 'sev2',
  user_facing: 1,
  services: '["checkout"]',
  labels: '["database"]',
  commander: 'Priya Natarajan',
  commander_user_id: null,
  responders: '[]',
  customer_impact: null,
  status: 'resolved',
  impact_started_at: '2026-03-10T09:00:00+01:00',
  detected_at: null,
  responded_at: null,
  mitigated_at: '2026-03-10T10:00:00+01:00',
  resolved_at: '2026-03-10T10:00:00+01:00',
  started_at_ms: Date.parse('2026-03-10T09:00:00+01:00'),
  restricted: 0,
  version: 3,
  created_at: '2026-03-10T08:05:00.000Z',
  updated_at: '2026-03-10T09:05:00.000Z',
  review_id: 9,
  review_state: 'draft',
  review_owner: 'Priya Natarajan',
  review_owner_user_id: null,
  review_due_at: '2026-03-24T17:00:00+01:00',
  review_due_at_ms: Date.parse('2026-03-24T17:00:00+01:00'),
};

describe('toIncident', () => {
  it('works "overdue" out at every call, also for a row it has shaped before (rows from the read cache)', () => {
    expect(toIncident(row, new Date('2026-03-20T12:00:00Z')).review?.overdue).toBe(false);
    expect(toIncident(row, new Date('2026-03-25T12:00:00Z')).review?.overdue).toBe(true);
    expect(toIncident(row, new Date('2026-03-20T12:00:00Z')).review?.overdue).toBe(false);
  });

  it('shares one shape between calls and freezes it deeply, so no caller can change what others read', () => {
    const first = toIncident(row, new Date());
    const second = toIncident(row, new Date());
    expect(second.services).toBe(first.services);
    expect(first).toMatchObject({ services: ['checkout'], labels: ['database'], responders: [] });
    expect(() => first.labels.push('changed')).toThrow(TypeError);
    expect(() => ((first.commander as { name: string }).name = 'changed')).toThrow(TypeError);
    expect(() => ((first.review as { overdue: boolean }).overdue = true)).toThrow(TypeError);
    expect(toIncident({ ...row, review_id: null }, new Date()).review).toBeNull();
  });
});
