import type { Severity } from '../incidents/incident.schema.js';

/** What an incident's place on the global review's agenda depends on: its business impact first. */
export interface ImpactFacts {
  severity: Severity;
  userFacing: boolean;
  /** From the start of impact (or detection) to mitigation (or resolution); null when unknown. */
  impactMinutes: number | null;
  customerImpact: string | null;
  startedAt: string;
}

const severityRank: Record<Severity, number> = { sev1: 1, sev2: 2, sev3: 3, sev4: 4 };

/**
 * Business impact first, then the technology: customer-facing incidents before internal ones, then
 * by severity, then the longer impact first (unknown last), then the earlier incident.
 */
export function byBusinessImpact(a: ImpactFacts, b: ImpactFacts): number {
  return (
    Number(b.userFacing) - Number(a.userFacing) ||
    severityRank[a.severity] - severityRank[b.severity] ||
    (b.impactMinutes ?? -1) - (a.impactMinutes ?? -1) ||
    Date.parse(a.startedAt) - Date.parse(b.startedAt)
  );
}

export function durationWords(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

/** The business impact in words, as the agenda shows it beside the incident. */
export function impactWhy(facts: ImpactFacts): string {
  const parts = [
    facts.userFacing ? 'customer-facing' : 'internal',
    facts.severity.toUpperCase(),
    facts.impactMinutes === null ? 'impact duration unknown' : `${durationWords(facts.impactMinutes)} of impact`,
  ];
  const stated = facts.customerImpact?.replace(/\s+/g, ' ').trim();
  if (stated) parts.push(stated.length > 120 ? `${stated.slice(0, 119)}…` : stated);
  return parts.join(' · ');
}

/** Minutes from the first of `starts` to the first of `ends` that is known; null when either is unknown or out of order. */
export function impactMinutesOf(starts: Array<string | null>, ends: Array<string | null>): number | null {
  const start = starts.find((value) => value !== null);
  const end = ends.find((value) => value !== null);
  if (!start || !end) return null;
  const minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
  return minutes >= 0 ? minutes : null;
}
