import { ICalAttendeeRole, ICalCalendar, ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Meeting } from '../../shared/meetings/meeting.schema.js';
import type { Review } from '../../shared/reviews/review.schema.js';

export interface Invitee {
  name: string;
  email: string;
}

export interface InvitationInput {
  meeting: Meeting;
  review: Review;
  /** The accounts of the meeting's people, by user id, for their e-mail addresses. */
  emails: Map<number, string>;
  publicUrl: string;
}

/**
 * The zone's VTIMEZONE block under the zone's own name: the library files linked zones (Copenhagen)
 * under the zone they link to (Berlin), and a calendar looks the zone up by the TZID the times name.
 */
export function vtimezone(zone: string): string {
  const [block] = tzlib_get_ical_block(zone);
  return block ? block.replace(/^TZID:.*$/m, `TZID:${zone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`) : '';
}

/** Zones that are UTC under another name: ical-generator writes floating times for "UTC", so they are written in UTC (…Z) instead. */
export const isUtc = (zone: string) => /^(Etc\/)?(UTC|UCT|GMT|Zulu|Universal|Greenwich)$/i.test(zone);

/**
 * The meeting as an iCalendar invitation (ical-generator): times in the meeting's zone with its
 * VTIMEZONE, the facilitator as organizer, everyone with an e-mail as attendee, a link to the
 * review, a UID stable for the review and a SEQUENCE raised on each reschedule, so calendars
 * update the event they already hold.
 */
export function meetingInvitation({ meeting, review, emails, publicUrl }: InvitationInput): string {
  const link = `${publicUrl}/reviews/${review.id}`;
  const calendar = new ICalCalendar({ prodId: { company: 'Hindsight', product: 'Review meetings' }, method: ICalCalendarMethod.REQUEST, name: 'Hindsight' });
  const utc = isUtc(meeting.timeZone);
  if (!utc) calendar.timezone({ name: meeting.timeZone, generator: vtimezone });
  const start = DateTime.fromISO(meeting.startsAt, { setZone: true }).setZone(utc ? 'utc' : meeting.timeZone);
  const invitee = (person: Meeting['facilitator']): Invitee | null => {
    const email = person?.userId == null ? undefined : emails.get(person.userId);
    return person && email ? { name: person.name, email } : null;
  };
  const organizer = invitee(meeting.facilitator);
  const roles: Array<[Meeting['facilitator'], ICalAttendeeRole]> = [
    [meeting.facilitator, ICalAttendeeRole.CHAIR],
    [meeting.scribe, ICalAttendeeRole.REQ],
    ...meeting.attendees.map((person): [Meeting['facilitator'], ICalAttendeeRole] => [person, ICalAttendeeRole.REQ]),
  ];
  const seen = new Set<string>();
  const attendees = roles.flatMap(([person, role]) => {
    const who = invitee(person);
    if (!who || seen.has(who.email)) return [];
    seen.add(who.email);
    return [{ ...who, role, rsvp: true }];
  });
  const roleLines = [meeting.facilitator && `Facilitator: ${meeting.facilitator.name}`, meeting.scribe && `Scribe: ${meeting.scribe.name}`].filter(Boolean);
  calendar.createEvent({
    id: `review-${review.id}-meeting@${new URL(publicUrl).hostname}`,
    sequence: meeting.sequence,
    stamp: DateTime.fromISO(meeting.updatedAt, { zone: 'utc' }),
    start,
    end: start.plus({ minutes: meeting.durationMinutes }),
    ...(utc ? {} : { timezone: meeting.timeZone }),
    summary: `Post-incident review: ${review.incidentTitle}`,
    description: [`The review meeting for "${review.incidentTitle}". Read the review first: ${link}`, ...roleLines].join('\n'),
    location: meeting.location,
    url: link,
    ...(organizer ? { organizer } : {}),
    attendees,
  });
  return calendar.toString();
}
