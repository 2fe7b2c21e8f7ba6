import { ICalCalendar, ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator';
import { DateTime } from 'luxon';
import { currentOrNextSession, type Cadence } from '../../shared/global-review/cadence.js';
import { isUtc, vtimezone } from '../meetings/invitation.js';

const weekdays: Record<number, ICalWeekday> = {
  1: ICalWeekday.MO,
  2: ICalWeekday.TU,
  3: ICalWeekday.WE,
  4: ICalWeekday.TH,
  5: ICalWeekday.FR,
  6: ICalWeekday.SA,
  7: ICalWeekday.SU,
};

/**
 * The global review as one recurring calendar event (ical-generator): weekly on the cadence's days
 * at its local time with the zone's VTIMEZONE, so the time stays 15:00 across daylight-saving
 * changes; starting at the next session, with a UID stable for the organisation's cadence.
 */
export function globalReviewCalendar(cadence: Cadence, now: Date, publicUrl: string): string {
  const calendar = new ICalCalendar({ prodId: { company: 'Hindsight', product: 'Global incident review' }, name: 'Global incident review' });
  const utc = isUtc(cadence.timeZone);
  if (!utc) calendar.timezone({ name: cadence.timeZone, generator: vtimezone });
  const first = currentOrNextSession(now, cadence);
  const start = DateTime.fromISO(first.startsAt, { zone: 'utc' }).setZone(utc ? 'utc' : cadence.timeZone);
  const link = `${publicUrl}/global-review`;
  calendar.createEvent({
    id: `global-review-${cadence.weekdays.join('')}-${cadence.time.replace(':', '')}@${new URL(publicUrl).hostname}`,
    stamp: DateTime.fromJSDate(now, { zone: 'utc' }),
    start,
    end: start.plus({ minutes: cadence.durationMinutes }),
    ...(utc ? {} : { timezone: cadence.timeZone }),
    repeating: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: cadence.weekdays.map((day) => weekdays[day]!) },
    summary: 'Global incident review',
    description: `The major incidents since the last session (business impact first), overdue action items, contributors that recurred and reviews past their deadline. Open to everyone. Agenda: ${link}`,
    url: link,
  });
  return calendar.toString();
}
