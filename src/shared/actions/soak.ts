import { DateTime } from 'luxon';
import { addWorkingDays, type WorkingCalendar } from '../policy/working-days.js';

/**
 * Soak time (F12): an action item proposed during a review waits this many working days before its
 * owner accepts or declines it, so the decision is not made in the heat of the meeting.
 *
 * `soakUntil(proposedAt, days, calendar)`: the end of the `days`-th working day after the local date
 * of `proposedAt` (working-days.ts semantics), as its local date and that instant in UTC; null when
 * `days` is 0 (no soaking: the item awaits a decision at once).
 */
export function soakUntil(proposedAt: string, days: number, calendar: WorkingCalendar): { until: string; endsAt: string } | null {
  if (days === 0) return null;
  const end = addWorkingDays(proposedAt, days, calendar);
  return { until: end.slice(0, 10), endsAt: DateTime.fromISO(end, { setZone: true }).toUTC().toISO()! };
}

/** Where an item stands in its proposal (F12), from its status: what the UI offers. */
export type ProposalStage = 'soaking' | 'awaiting_decision' | 'accepted' | 'declined' | null;

export function proposalStage(item: { status: string }): ProposalStage {
  if (item.status === 'soaking') return 'soaking';
  if (item.status === 'proposed') return 'awaiting_decision';
  if (item.status === 'accepted') return 'accepted';
  if (item.status === 'declined') return 'declined';
  return null;
}
