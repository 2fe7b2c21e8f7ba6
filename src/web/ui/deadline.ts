/**
 * Deadlines are calendar days in the organisation's zone (HINDSIGHT_TIME_ZONE). The server writes a
 * review's due instant with that zone's offset on the due date (see shared/policy/working-days.ts), and
 * an edited one keeps the offset it was entered with, so the day the deadline means is the date as
 * recorded — converting it to the reader's zone first would move 23:59 UTC to the next day in Berlin.
 */

const recordedDate = /^(\d{4}-\d{2}-\d{2})(?:T|$)/;

/** "2026-12-08" for "2026-12-08T23:59:59.999Z" or "2026-12-08T23:59:59+01:00", whatever the reader's zone. */
export function deadlineDay(value: string): string | null {
  return recordedDate.exec(value)?.[1] ?? null;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** "8 Dec 2026" for "2026-12-08", built from the parts so no time zone can shift it. */
export function formatCalendarDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return dayFormat.format(new Date(y, m - 1, d));
}

/** The reader's today as "YYYY-MM-DD". */
export function todayKey(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const relativeDays = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "today", "tomorrow", "in 3 days", "2 days ago": whole calendar days between two "YYYY-MM-DD" days. */
export function formatDaysUntil(day: string, today: string): string {
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return relativeDays.format(days, 'day');
}

/**
 * The due instant after the user picks `day` in a date input: the same time and offset as before on the
 * new day (so it stays the end of the day in the organisation's zone), or the end of that day in the
 * reader's zone when there was no deadline yet.
 */
export function moveDeadlineToDay(previous: string | null, day: string): string | null {
  if (!day) return null;
  if (previous && deadlineDay(previous)) return `${day}${previous.slice(10)}`;
  const [y, m, d] = day.split('-').map(Number);
  const end = new Date(y!, m! - 1, d!, 23, 59, 59);
  const offset = -end.getTimezoneOffset();
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  return `${day}T23:59:59${offset >= 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** "in 3 days" for a due instant, counted in calendar days from the reader's today. */
export function formatDueIn(value: string, today = todayKey()): string {
  const day = deadlineDay(value);
  return day ? formatDaysUntil(day, today) : '';
}
