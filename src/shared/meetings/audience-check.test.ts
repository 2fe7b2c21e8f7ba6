import { describe, expect, it } from 'vitest';
import { audienceWarnings, meetingAudience, type Audience } from './audience-check.js';
import type { AudienceFacts } from './meeting.schema.js';

const person = (userId: number, name = `Person ${userId}`) => ({ userId, name });
const facts: AudienceFacts = { maxAttendees: 4, involvedUserIds: [1, 2, 3, 4, 5, 6], seniorLeadershipUserIds: [9] };
const small: Audience = { facilitator: person(1), scribe: person(2), attendees: [person(3), person(4)] };

const cases: Array<[string, Audience, string[], Partial<AudienceFacts>?]> = [
  ['a small room of people who responded', small, []],
  ['the facilitator and scribe listed again as attendees count once', { ...small, attendees: [person(1), person(2), person(3)] }, []],
  ['one more than the limit', { ...small, attendees: [person(3), person(4), person(5)] }, ['too_many']],
  ['someone who was not involved', { ...small, attendees: [person(3), person(7, 'Cy Out')] }, ['not_involved']],
  ['a name without an account is not known to be involved', { ...small, attendees: [{ userId: null, name: 'Vendor engineer' }] }, ['not_involved']],
  ['a facilitator from outside the incident is fine', { ...small, facilitator: person(8) }, []],
  ['senior leadership (also not involved)', { ...small, attendees: [person(3), person(9, 'Vi P')] }, ['not_involved', 'senior_leadership']],
  ['senior leadership who was involved', { ...small, attendees: [person(9)] }, ['senior_leadership'], { involvedUserIds: [1, 2, 9] }],
];

describe('meeting audience check', () => {
  it.each(cases)('%s', (_, audience, kinds, overrides = {}) => {
    const warnings = audienceWarnings(audience, { ...facts, ...overrides });
    expect(warnings.map((w) => w.kind)).toEqual(kinds);
    for (const warning of warnings) expect(warning.why.length).toBeGreaterThan(20);
  });

  it('quotes why and names the people', () => {
    const [tooMany, outsider, leader] = audienceWarnings({ ...small, attendees: [person(3), person(7, 'Cy Out'), person(9, 'Vi P')] }, facts);
    expect(tooMany!.message).toBe('5 people are invited, more than 4');
    expect(tooMany!.why).toMatch(/the harder it is for participants to speak openly/);
    expect(outsider!.people.map((p) => p.name)).toEqual(['Cy Out', 'Vi P']);
    expect(leader!.why).toMatch(/Senior leadership .* do not attend/);
  });

  it('lists the audience once each, facilitator first', () => {
    expect(meetingAudience({ facilitator: person(1), scribe: person(1), attendees: [person(2), person(2)] })).toEqual([person(1), person(2)]);
  });
});
