/** Date and duration formatting in the reader's own time zone, with cached Intl formatters. */
export const userTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const formatters = {
  datetime: new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
  datetimeSeconds: new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  date: new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' }),
  time: new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }),
  dayTimeSeconds: new Intl.DateTimeFormat(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  timeSeconds: new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  dayHeading: new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }),
};
export type DateFormat = keyof typeof formatters;

export function formatDate(iso: string, format: DateFormat = 'datetime'): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatters[format].format(date);
}

/** "2026-03-10": the calendar day in the reader's zone, for grouping. */
export function localDayKey(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "in 3 days", "2 hours ago": coarse, for due dates and recency. */
export function formatRelative(iso: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const abs = Math.abs(diff);
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  for (const [unit, ms] of units) {
    if (abs >= ms || unit === 'minute') return relative.format(Math.round(diff / ms), unit);
  }
  return relative.format(0, 'minute');
}

/** A local "YYYY-MM-DDTHH:mm" value (for datetime-local inputs) from an ISO instant. */
export function toLocalInput(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const minutes = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return withSeconds ? `${minutes}:${pad(d.getSeconds())}` : minutes;
}

/** The reverse: a datetime-local value as ISO 8601 with the reader's offset, e.g. 2026-03-10T09:05:00+01:00. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  return toOffsetIso(d);
}

/** A Date as ISO 8601 with the local offset rather than Z, so the author's wall clock is kept. */
export function toOffsetIso(d: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${date}T${time}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}
