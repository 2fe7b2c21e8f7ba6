/**
 * The meeting's audience check (F11): advice, never a block. It warns when the audience grows past
 * a size, includes people who were not involved in the incident, or includes senior leadership,
 * each time quoting why. Pure, so the schedule form shows it live and the server returns the same.
 */
import type { PersonRef } from '../accounts/person.schema.js';
import type { AudienceFacts, AudienceWarning } from './meeting.schema.js';

export interface Audience {
  facilitator: PersonRef | null;
  scribe: PersonRef | null;
  attendees: PersonRef[];
}

/** Quoted from the sources (../shared/seeds/): incident.io on review meetings, IT Revolution on the post-incident review. */
export const audienceReasons = {
  too_many: '“The larger the “audience,” the harder it is for participants to speak openly.” (incident.io, post-incident review meetings)',
  not_involved: '“It\'s important to keep attendees limited to those with direct involvement or valuable input.” Recording the session and sharing it allows outside read-only participation. (incident.io)',
  senior_leadership: '“Senior leadership and customer representatives do not attend this meeting in order to maintain an open, safe space.” (IT Revolution, post-incident review)',
} as const;

const names = (people: PersonRef[]) => people.map((p) => p.name).join(', ');

/** Everyone in the room once: the facilitator, the scribe and the attendees. */
export function meetingAudience({ facilitator, scribe, attendees }: Audience): PersonRef[] {
  const all = [facilitator, scribe, ...attendees].filter((p): p is PersonRef => p !== null);
  return all.filter((person, index) => all.findIndex((other) => other.userId === person.userId && other.name === person.name) === index);
}

export function audienceWarnings(audience: Audience, facts: AudienceFacts): AudienceWarning[] {
  const everyone = meetingAudience(audience);
  const warnings: AudienceWarning[] = [];
  if (everyone.length > facts.maxAttendees) {
    warnings.push({ kind: 'too_many', message: `${everyone.length} people are invited, more than ${facts.maxAttendees}`, why: audienceReasons.too_many, people: [] });
  }
  // A facilitator from outside the incident is good practice: only the others are checked.
  const outsiders = everyone.filter((p) => p !== audience.facilitator && p.userId !== audience.facilitator?.userId && (p.userId === null || !facts.involvedUserIds.includes(p.userId)));
  if (outsiders.length) {
    warnings.push({ kind: 'not_involved', message: `Not involved in the incident: ${names(outsiders)}`, why: audienceReasons.not_involved, people: outsiders });
  }
  const leaders = everyone.filter((p) => p.userId !== null && facts.seniorLeadershipUserIds.includes(p.userId));
  if (leaders.length) {
    warnings.push({ kind: 'senior_leadership', message: `Senior leadership invited: ${names(leaders)}`, why: audienceReasons.senior_leadership, people: leaders });
  }
  return warnings;
}
