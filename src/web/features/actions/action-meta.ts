import { formatCalendarDay } from '../../ui/deadline.js';
import type { ActionItemStatus } from '../../../shared/actions/action-item.schema.js';

export const statusMeta: Record<ActionItemStatus, { label: string; color: string }> = {
  proposed: { label: 'Proposed', color: 'gray' },
  soaking: { label: 'Soaking', color: 'violet' },
  accepted: { label: 'Accepted', color: 'blue' },
  in_progress: { label: 'In progress', color: 'yellow' },
  done: { label: 'Done', color: 'teal' },
  declined: { label: 'Declined', color: 'red' },
};

export const classLabels: Record<string, string> = { detect: 'Detect', diagnose: 'Diagnose', mitigate: 'Mitigate', resolve: 'Resolve', prevent: 'Prevent' };
export const kindLabels: Record<string, string> = {
  'corrective-action': 'Corrective action',
  infradev: 'Infradev',
  investigation: 'Investigation',
  documentation: 'Documentation',
  process: 'Process',
  other: 'Other',
};
export const priorityLabels: Record<string, string> = { p1: 'P1', p2: 'P2', p3: 'P3', p4: 'P4', high: 'High', medium: 'Medium', low: 'Low' };

/** The one scale the form offers: P1 (most urgent) to P4. */
export const offeredPriorities = ['p1', 'p2', 'p3', 'p4'] as const;
const offeredPriorityLabels: Record<string, string> = { p1: 'P1 · urgent', p2: 'P2 · high', p3: 'P3 · normal', p4: 'P4 · low' };

/**
 * The priority dropdown: P1–P4 only. The API still accepts High/Medium/Low (older items and
 * integrations use them), so an item that has one keeps it as an option until it is changed.
 */
export function priorityOptions(current: string | null): Array<{ value: string; label: string }> {
  const options = offeredPriorities.map((value) => ({ value, label: offeredPriorityLabels[value]! }));
  return current && !(offeredPriorities as readonly string[]).includes(current) ? [...options, { value: current, label: `${priorityLabels[current] ?? current} (older scale)` }] : options;
}

/** "2026-12-07" shown as that calendar day, without shifting it through a time zone. */
export function formatDueDate(date: string | null): string {
  return date ? formatCalendarDay(date) : '—';
}

export const actionFieldLabels: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  owner: 'Owner',
  dueDate: 'Due date',
  priority: 'Priority',
  class: 'Class',
  kind: 'Kind',
  factorIds: 'Factors',
  secondOrderEffects: 'Second-order effects',
  status: 'Status',
  declineReason: 'Decline reason',
  externalUrl: 'Tracker issue',
};
