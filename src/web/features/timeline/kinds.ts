import type { TimelineKind } from '../../../shared/timeline/timeline.schema.js';

export const kindMeta: Record<TimelineKind, { label: string; color: string }> = {
  signal: { label: 'Signal', color: 'grape' },
  detection: { label: 'Detection', color: 'orange' },
  escalation: { label: 'Escalation', color: 'yellow' },
  action: { label: 'Action', color: 'blue' },
  mitigation: { label: 'Mitigation', color: 'cyan' },
  communication: { label: 'Comms', color: 'indigo' },
  resolution: { label: 'Resolution', color: 'teal' },
  note: { label: 'Note', color: 'gray' },
};

export const sourceLabels: Record<string, string> = { manual: 'Manual', alert: 'Alert', chat: 'Chat', deploy: 'Deploy', import: 'Import' };
