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
