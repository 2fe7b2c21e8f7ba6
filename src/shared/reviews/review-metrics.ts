/**
 * F6 timeline metrics, shown on the review and fed to trends.
 *
 * Definitions (every "time to ..." is measured from impact start, so they share one origin and
 * time to respond = time to detect + detection-to-response gap):
 * - timeToDetect            impact started → detected
 * - timeToRespond           impact started → responded (acknowledged): how long users waited for a human
 * - detectionToResponseGap  detected → responded (the gap the DevOps-library review format asks for)
 * - timeToMitigate          impact started → mitigated
 * - timeToResolve           impact started → resolved
 * - totalDuration           earliest known moment (impact start or the first `signal` in the
 *                           timeline, whichever is earlier) → resolved
 *
 * A missing incident timestamp falls back to the earliest timeline entry of the matching kind
 * (signal → impact started, detection → detected, escalation → responded, mitigation → mitigated,
 * resolution → resolved) and the metric is marked `derivedFromTimeline`.
 *
 * Never a negative number: a span whose end precedes its start is `contradictory`, and so is a
 * metric touching these impossible orderings: responded before detected, resolved before
 * mitigated. Missing (or unparseable) inputs give `unknown`. Instants are compared with their
 * offsets; a timestamp without an offset is treated as invalid rather than guessed.
 */
import { DateTime } from 'luxon';

export interface MetricInputs {
  impactStartedAt?: string | null;
  detectedAt?: string | null;
  respondedAt?: string | null;
  mitigatedAt?: string | null;
  resolvedAt?: string | null;
} // ISO 8601 with offsets

export type TimelineKind =
  | 'signal' | 'detection' | 'escalation' | 'action' | 'mitigation' | 'communication' | 'resolution' | 'note';

export interface TimelinePoint {
  occurredAt: string;
  kind: TimelineKind;
}

export type MetricKey =
  | 'timeToDetect' | 'timeToRespond' | 'detectionToResponseGap' | 'timeToMitigate' | 'timeToResolve' | 'totalDuration';

export type Metric =
  | { key: MetricKey; label: string; status: 'known'; milliseconds: number; from: string; to: string; derivedFromTimeline: boolean }
  | { key: MetricKey; label: string; status: 'unknown'; reason: string }
  | { key: MetricKey; label: string; status: 'contradictory'; reason: string };

type PointName = 'impactStarted' | 'detected' | 'responded' | 'mitigated' | 'resolved';

/** A resolved moment: where the value came from matters for the UI and for error wording. */
interface Point {
  name: PointName;
  raw: string;
  at: DateTime;
  fromTimeline: boolean;
}
type Resolved = Point | { problem: string };

const points: Record<PointName, { field: keyof MetricInputs; kind: TimelineKind; noun: string; verb: string }> = {
  impactStarted: { field: 'impactStartedAt', kind: 'signal', noun: 'Impact start', verb: 'impact started' },
  detected: { field: 'detectedAt', kind: 'detection', noun: 'Detected', verb: 'detected' },
  responded: { field: 'respondedAt', kind: 'escalation', noun: 'Responded', verb: 'responded' },
  mitigated: { field: 'mitigatedAt', kind: 'mitigation', noun: 'Mitigated', verb: 'mitigated' },
  resolved: { field: 'resolvedAt', kind: 'resolution', noun: 'Resolved', verb: 'resolved' },
};

/** Each metric: its span, plus orderings that must also hold for its numbers to be trusted. */
const definitions: Array<{ key: MetricKey; label: string; from: PointName; to: PointName; mustFollow: PointName[] }> = [
  { key: 'timeToDetect', label: 'Time to detect', from: 'impactStarted', to: 'detected', mustFollow: [] },
  { key: 'timeToRespond', label: 'Time to respond', from: 'impactStarted', to: 'responded', mustFollow: ['detected'] },
  { key: 'detectionToResponseGap', label: 'Detection-to-response gap', from: 'detected', to: 'responded', mustFollow: [] },
  { key: 'timeToMitigate', label: 'Time to mitigate', from: 'impactStarted', to: 'mitigated', mustFollow: [] },
  { key: 'timeToResolve', label: 'Time to resolve', from: 'impactStarted', to: 'resolved', mustFollow: ['mitigated'] },
];

export function computeMetrics(incident: MetricInputs, timeline: TimelinePoint[] = []): Metric[] {
  const hasTimeline = timeline.length > 0;
  const resolve = (name: PointName): Resolved => resolvePoint(name, incident, timeline, hasTimeline);
  const metrics = definitions.map((d) =>
    spanMetric(d.key, d.label, resolve(d.from), resolve(d.to), d.mustFollow.map(resolve)),
  );
  const totalStart = earliest(resolve('impactStarted'), firstOfKind(timeline, 'impactStarted'));
  metrics.push(spanMetric('totalDuration', 'Total duration', totalStart, resolve('resolved'), [resolve('mitigated')]));
  return metrics;
}

function spanMetric(key: MetricKey, label: string, from: Resolved, to: Resolved, mustFollow: Resolved[]): Metric {
  if ('problem' in from || 'problem' in to) {
    const problems = [from, to].flatMap((p) => ('problem' in p ? [p.problem] : []));
    return { key, label, status: 'unknown', reason: problems.join('; ') };
  }
  // The extra orderings are checked only when the other moment is known.
  const contradictions = [from, ...mustFollow]
    .filter((p): p is Point => !('problem' in p) && to.at.toMillis() < p.at.toMillis())
    .map((p) => describeInversion(to, p));
  if (contradictions.length > 0) {
    return { key, label, status: 'contradictory', reason: contradictions.join('; ') };
  }
  return {
    key, label, status: 'known',
    milliseconds: to.at.toMillis() - from.at.toMillis(),
    from: from.raw, to: to.raw,
    derivedFromTimeline: from.fromTimeline || to.fromTimeline,
  };
}

function resolvePoint(name: PointName, incident: MetricInputs, timeline: TimelinePoint[], hasTimeline: boolean): Resolved {
  const { field, kind, noun } = points[name];
  const raw = incident[field];
  if (raw != null && raw.trim() !== '') {
    const at = parseInstant(raw);
    if (at) return { name, raw, at, fromTimeline: false };
    // An unparseable value is reported, not silently replaced by the timeline.
    return { problem: `${noun} time "${raw}" is not an ISO 8601 timestamp with an offset` };
  }
  const fallback = firstOfKind(timeline, name);
  if (fallback) return fallback;
  const hint = hasTimeline ? ` and the timeline has no ${kind} entry` : '';
  return { problem: `${noun} time is missing${hint}` };
}

/** Earliest timeline entry of the kind matching `name`; unparseable entries are skipped. */
function firstOfKind(timeline: TimelinePoint[], name: PointName): Point | undefined {
  let first: Point | undefined;
  for (const entry of timeline) {
    if (entry.kind !== points[name].kind) continue;
    const at = parseInstant(entry.occurredAt);
    if (at && (!first || at.toMillis() < first.at.toMillis())) {
      first = { name, raw: entry.occurredAt, at, fromTimeline: true };
    }
  }
  return first;
}

/** Total duration starts at whichever is earlier; an invalid impact start stays an error. */
function earliest(impactStart: Resolved, firstSignal: Point | undefined): Resolved {
  if (!firstSignal || 'problem' in impactStart) return impactStart;
  return firstSignal.at.toMillis() < impactStart.at.toMillis() ? firstSignal : impactStart;
}

// Without an offset an instant would depend on the reader's time zone, so it is rejected.
function parseInstant(value: string): DateTime | null {
  if (!/T[\d:.,]+(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(value.trim())) return null;
  const at = DateTime.fromISO(value.trim(), { setZone: true });
  return at.isValid ? at : null;
}

/** "Detected (10:05) is before impact started (10:20)": short times when both share a day and offset. */
function describeInversion(later: Point, earlier: Point): string {
  const sameDay = later.at.offset === earlier.at.offset && later.at.toISODate() === earlier.at.toISODate();
  const times = [later.at, earlier.at];
  const time = times.some((t) => t.millisecond !== 0) ? 'HH:mm:ss.SSS' : times.some((t) => t.second !== 0) ? 'HH:mm:ss' : 'HH:mm';
  const format = sameDay ? time : `yyyy-MM-dd ${time} ZZ`;
  const label = (p: Point) => `${points[p.name].verb} (${p.at.toFormat(format)}${p.fromTimeline ? ', from the timeline' : ''})`;
  const text = `${label(later)} is before ${label(earlier)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "2h 05m", "45s", "3d 4h": the two largest units, truncated, so a duration is never overstated. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`A duration must be a non-negative number of milliseconds, got ${ms}`);
  if (ms > 0 && ms < 1000) return '<1s';
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor(totalSeconds / 3600) % 24;
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const seconds = totalSeconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  if (minutes > 0) return `${minutes}m ${pad(seconds)}s`;
  return `${seconds}s`;
}
