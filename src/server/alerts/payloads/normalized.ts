import type { Severity } from '../../../shared/incidents/incident.schema.js';
import { invalidField } from '../../http/version-conflict.js';

/** What happened to an alert, as the timeline tells it. */
export type AlertEventType = 'triggered' | 'acknowledged' | 'escalated' | 'resolved';

export interface AlertEvent {
  /** Unique within the source: the same event in a later delivery adds nothing. */
  key: string;
  type: AlertEventType;
  /** The source's time of the event (ISO 8601 with offset). */
  at: string;
  text: string;
  /** A link to the alert in the source, when it gives one. */
  ref: string | null;
  /** The part of the payload the entry comes from. */
  excerpt: string;
}

/** One alert (or alert group, or incident) of a delivery: one incident here. */
export interface NormalizedAlert {
  /** The source's id for it: deliveries with the same id update one incident. */
  externalId: string;
  title: string;
  severity: Severity | null;
  service: string | null;
  events: AlertEvent[];
  /** When the source says the alert as a whole was acknowledged (the incident's respondedAt, if it has none). */
  acknowledgedAt: string | null;
  /** When the source says the alert as a whole was resolved: the incident is resolved then. */
  resolvedAt: string | null;
}

export interface NormalizedDelivery {
  /** The sender's id for this delivery, when the payload carries one (PagerDuty's event id). */
  deliveryId: string | null;
  alerts: NormalizedAlert[];
}

/** A payload the source's format does not allow: 400 naming the field, nothing changes. */
export const malformed = (field: string, message: string) => invalidField(field, message);

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function objectAt(value: unknown, field: string): Json {
  if (!isObject(value)) throw malformed(field, 'must be an object');
  return value;
}

export function stringAt(value: unknown, field: string, { max = 2000 }: { max?: number } = {}): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || !value.trim()) throw malformed(field, 'must be a non-empty string');
  return value.trim().slice(0, max);
}

export const optionalString = (value: unknown, max = 2000): string | null =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;

const YEAR_MIN = Date.UTC(1970, 0, 1);
const YEAR_MAX = Date.UTC(9999, 11, 31, 23, 59, 59);

/**
 * An instant as the source writes it: ISO 8601 (kept as written when it has an offset), GitLab's
 * "2024-01-01 10:00:00 UTC", or epoch seconds / milliseconds.
 */
export function instantAt(value: unknown, field: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value > 1e11 ? value : value * 1000;
    if (ms < YEAR_MIN || ms > YEAR_MAX) throw malformed(field, 'is not a time between 1970 and 9999');
    return new Date(ms).toISOString();
  }
  if (typeof value !== 'string') throw malformed(field, 'must be a time (ISO 8601 or epoch)');
  const text = value.trim();
  if (/^\d{9,13}$/.test(text)) return instantAt(Number(text), field);
  const gitlab = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC$/.exec(text);
  const iso = gitlab ? `${gitlab[1]}T${gitlab[2]}Z` : text;
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(iso) || Number.isNaN(ms) || ms < YEAR_MIN || ms > YEAR_MAX) {
    throw malformed(field, 'must be an ISO 8601 time with an offset');
  }
  // Sub-millisecond digits (Go writes nanoseconds) are more than the timeline keeps.
  return iso.replace(/(\.\d{3})\d+/, '$1');
}

/** Severity words the sources use: sevN, P1..P5, critical/high/warning/info. */
export function severityFrom(value: unknown): Severity | null {
  if (typeof value !== 'string') return null;
  const word = value.trim().toLowerCase();
  const table: Record<string, Severity> = {
    sev1: 'sev1', sev2: 'sev2', sev3: 'sev3', sev4: 'sev4',
    p1: 'sev1', p2: 'sev2', p3: 'sev3', p4: 'sev4', p5: 'sev4',
    critical: 'sev1', page: 'sev1', error: 'sev2', high: 'sev2', major: 'sev2',
    warning: 'sev3', medium: 'sev3', minor: 'sev3', low: 'sev4', info: 'sev4', informational: 'sev4',
  };
  return table[word] ?? null;
}

/** A short excerpt of a payload part for the entry's provenance. */
export const excerptOf = (value: unknown): string => JSON.stringify(value).slice(0, 2000);
