import type { ChangeKind } from './change.schema.js';

/** The part of a change the ranking reads. */
export interface ChangeFact {
  id: number;
  service: string;
  kind: ChangeKind;
  occurredAt: string;
}

export interface SuspectWindow {
  beforeMs: number;
  afterMs: number;
}

/** Changes from a day before the impact start to an hour after: later ones rarely cause an impact already under way. */
export const DEFAULT_SUSPECT_WINDOW: SuspectWindow = { beforeMs: 24 * 3_600_000, afterMs: 3_600_000 };

export interface RankedSuspect<C extends ChangeFact> {
  change: C;
  offsetMinutes: number;
  sameService: boolean;
  reason: string;
}

const KIND_PHRASE: Record<ChangeKind, string> = {
  deploy: 'deploy to',
  config: 'config change to',
  'feature-flag': 'feature flag change on',
  migration: 'migration on',
  other: 'change to',
};

/** "12 min", "3 h 5 min", "1 day 2 h": how far apart, in words a reader takes in at a glance. */
export function durationInWords(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? '' : 's'}${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

export function suspectReason(change: ChangeFact, offsetMs: number, anchor: string): string {
  const what = `${KIND_PHRASE[change.kind]} ${change.service}`;
  if (Math.abs(offsetMs) < 30_000) return `${what} as ${anchor}`;
  return `${what} ${durationInWords(offsetMs)} ${offsetMs < 0 ? 'before' : 'after'} ${anchor}`;
}

/**
 * The changes that may have caused an incident, most likely first: those in the window around its
 * impact start; a change to one of the incident's services before any other; then the closest in
 * time, a change just before the start ahead of one as long after it; then the newest, then by id.
 * `anchor` names the start in the reasons ("impact started").
 */
export function rankSuspects<C extends ChangeFact>(
  incident: { startedAt: string; services: readonly string[] },
  changes: readonly C[],
  window: SuspectWindow = DEFAULT_SUSPECT_WINDOW,
  anchor = 'impact started',
): Array<RankedSuspect<C>> {
  const start = Date.parse(incident.startedAt);
  const services = new Set(incident.services.map((s) => s.toLowerCase()));
  return changes
    .map((change) => ({ change, offsetMs: Date.parse(change.occurredAt) - start, sameService: services.has(change.service.toLowerCase()) }))
    .filter(({ offsetMs }) => offsetMs >= -window.beforeMs && offsetMs <= window.afterMs)
    .sort(
      (a, b) =>
        Number(b.sameService) - Number(a.sameService) ||
        Math.abs(a.offsetMs) - Math.abs(b.offsetMs) ||
        a.offsetMs - b.offsetMs ||
        b.change.id - a.change.id,
    )
    .map(({ change, offsetMs, sameService }) => ({
      change,
      offsetMinutes: Math.round(offsetMs / 60_000),
      sameService,
      reason: suspectReason(change, offsetMs, anchor) + (sameService ? '' : ' (not one of this incident\'s services)'),
    }));
}

const KIND_TITLE: Record<ChangeKind, string> = {
  deploy: 'Deploy to',
  config: 'Config change to',
  'feature-flag': 'Feature flag change on',
  migration: 'Migration on',
  other: 'Change to',
};

/**
 * The text of the timeline entry made from a change. The server recognises an entry it made by
 * this text (with source deploy and the change's instant), so it is a pure function of the change.
 */
export function changeTimelineText(change: ChangeFact & { title: string; author: string | null; environment: string | null; link: string | null }): string {
  const where = change.environment ? ` (${change.environment})` : '';
  const by = change.author ? ` by ${change.author}` : '';
  const link = change.link ? ` ${change.link}` : '';
  return `${KIND_TITLE[change.kind]} ${change.service}${where}${by}: ${change.title}${link}`.slice(0, 10_000);
}
