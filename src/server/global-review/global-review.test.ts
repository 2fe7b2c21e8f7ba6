import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/errors.js';
import type { AgendaNote, GlobalReview } from '../../shared/global-review/global-review.schema.js';
import type { IncidentCreateInput } from '../../shared/incidents/incident.schema.js';
import { createUser, signIn } from '../../../test/support/accounts.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, post } from '../../../test/support/reviews.js';
import { globalReviewCalendar } from './global-review-calendar.js';

/**
 * The cadence is the default: Tuesdays and Thursdays at 15:00 in the organisation's zone (UTC here).
 * The session of Thursday 2026-12-03 looks at incidents that started from Tuesday's session
 * (2026-12-01 15:00) until its own start (2026-12-03 15:00).
 */
const SESSION = '2026-12-03';

/** An incident (with a review) whose impact ran from `start` for `minutes`, created while the clock reads `createdAt`. */
async function incident(t: TestApp, title: string, start: string, minutes: number | null, overrides: Partial<IncidentCreateInput> = {}) {
  const end = minutes === null ? null : new Date(Date.parse(start) + minutes * 60_000).toISOString();
  return createReview(t, { title, severity: 'sev2', userFacing: false, impactStartedAt: start, ...(end ? { mitigatedAt: end } : {}), ...overrides });
}

const restrict = (t: TestApp, incidentId: number) => t.request({ method: 'PUT', url: `/api/incidents/${incidentId}/access`, payload: { restricted: true, memberIds: [] } });
const contributor = (t: TestApp, reviewId: number, category: string) => post(t, `/api/reviews/${reviewId}/factors`, { kind: 'contributor', title: `A ${category} contributor`, category });

describe.each(databaseKinds)('the global review on %s', (kind) => {
  const t = useTestApp(kind);
  const agendaAs = async (role: 'viewer' | 'responder' | 'admin', day = SESSION) => (await t.requestAs<GlobalReview>(role, { method: 'GET', url: `/api/global-review/sessions/${day}` })).body;
  const note = (role: 'viewer' | 'responder' | 'admin', payload: object, day = SESSION) =>
    t.requestAs<AgendaNote & Problem>(role, { method: 'PUT', url: `/api/global-review/sessions/${day}/notes`, payload });

  let seeded: Awaited<ReturnType<typeof seed>>;
  async function seed() {
    // Reviews requested a month before: their deadlines (10 working days) have passed by the session.
    t.clock.now = new Date('2026-11-02T09:00:00Z');
    const internalLong = await incident(t, 'GR internal sev2, 2 h', '2026-12-02T08:00:00Z', 120);
    const customerSev1 = await incident(t, 'GR customer sev1, 30 min', '2026-12-02T09:00:00Z', 30, { severity: 'sev1', userFacing: true, customerImpact: 'Checkout failed for EU users' });
    const customerSev2 = await incident(t, 'GR customer sev2, 4 h', '2026-12-02T12:00:00Z', 240, { userFacing: true });
    const minor = await incident(t, 'GR minor sev3', '2026-12-02T10:00:00Z', 10, { severity: 'sev3', userFacing: true });
    const earlier = await incident(t, 'GR earlier sev1', '2026-12-01T10:00:00Z', 60, { severity: 'sev1', userFacing: true });
    const secret = await incident(t, 'GR secret sev1', '2026-12-02T07:00:00Z', 600, { severity: 'sev1', userFacing: true });
    // "technical" recurs: named since the last session (customer sev1) and before (earlier); "process" only once.
    await contributor(t, customerSev1.review.id, 'technical');
    await contributor(t, earlier.review.id, 'technical');
    await contributor(t, secret.review.id, 'technical');
    await contributor(t, customerSev2.review.id, 'process');
    const overdue = await post<{ id: number }>(t, `/api/reviews/${customerSev1.review.id}/action-items`, { title: 'Alert on checkout error rate', dueDate: '2026-11-30', owner: 'Sara Lind' });
    await post(t, `/api/reviews/${customerSev1.review.id}/action-items`, { title: 'Not due yet', dueDate: '2026-12-20' });
    await post(t, `/api/reviews/${customerSev1.review.id}/action-items`, { title: 'Done already', dueDate: '2026-11-20', status: 'done' });
    const secretItem = await post<{ id: number }>(t, `/api/reviews/${secret.review.id}/action-items`, { title: 'Secret follow-up', dueDate: '2026-11-25' });
    await restrict(t, secret.incident.id);
    t.clock.now = new Date('2026-12-03T10:00:00Z');
    return { internalLong, customerSev1, customerSev2, minor, earlier, secret, overdue, secretItem };
  }

  it('builds the next session’s agenda: major incidents since the last session, business impact first, with why', async () => {
    seeded = await seed();
    const next = (await t.requestAs<GlobalReview>('viewer', { method: 'GET', url: '/api/global-review' })).body;
    expect(next.session).toEqual({ day: SESSION, startsAt: '2026-12-03T15:00:00.000Z', endsAt: '2026-12-03T16:00:00.000Z' });
    expect(next).toMatchObject({ previousDay: '2026-12-01', nextDay: '2026-12-08', upcoming: true, since: '2026-12-01T15:00:00.000Z', timeZone: 'UTC' });
    expect(next.incidents.map((i) => i.title)).toEqual(['GR customer sev1, 30 min', 'GR customer sev2, 4 h', 'GR internal sev2, 2 h']);
    expect(next.incidents[0]).toMatchObject({
      incidentId: seeded.customerSev1.incident.id,
      reviewId: seeded.customerSev1.review.id,
      impactMinutes: 30,
      why: 'customer-facing · SEV1 · 30 min of impact · Checkout failed for EU users',
      note: null,
    });
  });

  it('lists overdue action items, contributors that recurred and reviews past their deadline', async () => {
    const agenda = await agendaAs('viewer');
    expect(agenda.overdueActionItems.map((i) => [i.title, i.dueDate, i.daysOverdue])).toEqual([['Alert on checkout error rate', '2026-11-30', 3]]);
    expect(agenda.overdueActionItems[0]!.owner).toEqual({ userId: null, name: 'Sara Lind' });
    expect(agenda.recurringContributors).toHaveLength(1);
    expect(agenda.recurringContributors[0]).toMatchObject({ key: 'contributor:technical', category: 'technical', label: 'Technical' });
    expect(agenda.recurringContributors[0]!.incidents.map((i) => i.title)).toEqual(['GR customer sev1, 30 min', 'GR earlier sev1']);
    const late = agenda.reviewsPastDeadline.find((r) => r.reviewId === seeded.customerSev1.review.id)!;
    expect(late).toMatchObject({ state: 'draft', title: 'GR customer sev1, 30 min' });
    expect(late.daysLate).toBeGreaterThan(10);
  });

  it('keeps a restricted incident out of every list and count for non-members, and shows it to admins', async () => {
    const visible = JSON.stringify(await agendaAs('viewer'));
    expect(visible).not.toContain('GR secret');
    expect(visible).not.toContain('Secret follow-up');
    expect(visible).not.toContain(`"incidentId":${seeded.secret.incident.id},`);
    const admin = await agendaAs('admin');
    expect(admin.incidents[0]!.title).toBe('GR secret sev1');
    expect(admin.overdueActionItems.map((i) => i.title)).toContain('Secret follow-up');
    expect(admin.recurringContributors[0]!.incidents.map((i) => i.title)).toContain('GR secret sev1');
  });

  it('records notes and decisions per item, refusing a stale version and a viewer', async () => {
    const item = `incident:${seeded.customerSev1.incident.id}`;
    const first = await note('responder', { item, notes: 'Impact first: EU checkout.', decision: 'Fund the checkout alerting work', version: null });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ notes: 'Impact first: EU checkout.', decision: 'Fund the checkout alerting work', version: 1, updatedBy: 'Harness responder' });
    expect((await note('responder', { item, notes: 'Overwrite?', version: null })).status).toBe(409);
    expect((await note('responder', { item, notes: 'Impact first: EU checkout, 30 min.', decision: 'Fund it', version: 1 })).body.version).toBe(2);
    expect((await note('viewer', { item, notes: 'x', version: 2 })).status).toBe(403);
    const agenda = await agendaAs('viewer');
    expect(agenda.incidents[0]!.note).toMatchObject({ notes: 'Impact first: EU checkout, 30 min.', decision: 'Fund it', version: 2 });
    const contributorNote = await note('responder', { item: 'contributor:technical', decision: 'Review deploy checks across teams', version: null });
    expect(contributorNote.status).toBe(200);
    expect((await agendaAs('viewer')).recurringContributors[0]!.note?.decision).toBe('Review deploy checks across teams');
  });

  it("keeps notes on a restricted incident's items with its members", async () => {
    const secretNote = await note('admin', { item: `action-item:${seeded.secretItem.id}`, notes: 'Secret discussion', version: null });
    expect(secretNote.status).toBe(200);
    expect(JSON.stringify(await agendaAs('viewer'))).not.toContain('Secret discussion');
    // A non-member cannot write on it either, and learns nothing from the answer.
    const refused = await note('responder', { item: `incident:${seeded.secret.incident.id}`, notes: 'x', version: null });
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain('secret');
  });

  it('answers bad input with a problem naming the field', async () => {
    const badItem = await note('responder', { item: 'incidents:1', notes: 'x', version: null });
    expect(badItem.status).toBe(400);
    expect(badItem.body.errors?.[0]).toMatchObject({ field: 'item' });
    const badDay = await t.requestAs<Problem>('viewer', { method: 'GET', url: '/api/global-review/sessions/2026-13-01' });
    expect(badDay.status).toBe(400);
    expect(badDay.body.errors?.[0]).toMatchObject({ field: 'day' });
    const notASessionDay = await t.requestAs<Problem>('viewer', { method: 'GET', url: '/api/global-review/sessions/2026-12-04' });
    expect(notASessionDay.status).toBe(404);
    expect(notASessionDay.body.detail).toContain('Tue, Thu at 15:00');
    const missing = await note('responder', { item: 'incident:999999', notes: 'x', version: null });
    expect(missing.status).toBe(404);
  });

  it('records who attended, from anywhere in the organisation', async () => {
    const user = await createUser(t, { role: 'viewer', email: `gr-${kind}@example.com`, name: 'Global Viewer' });
    const put = (payload: object) => t.requestAs<{ attendees: unknown[]; version: number } & Problem>('responder', { method: 'PUT', url: `/api/global-review/sessions/${SESSION}/attendees`, payload });
    const saved = await put({ attendees: [{ userId: user.id }, 'Someone From Sales', { userId: user.id }], version: null });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ attendees: [{ userId: user.id, name: 'Global Viewer' }, { userId: null, name: 'Someone From Sales' }], version: 1 });
    expect((await put({ attendees: [], version: null })).status).toBe(409);
    const agenda = await agendaAs('viewer');
    expect(agenda.attendees).toHaveLength(2);
    expect(agenda.attendeesVersion).toBe(1);
    // A viewer signed in with a password reads the same agenda.
    const browser = await signIn(t, user.email);
    expect((await browser.request<GlobalReview>({ method: 'GET', url: `/api/global-review/sessions/${SESSION}` })).body.attendees).toHaveLength(2);
  });

  it("shows a past session's agenda as it stood at its start, and offers the series as a calendar", async () => {
    t.clock.now = new Date('2026-12-09T10:00:00Z');
    const past = await agendaAs('viewer', SESSION);
    expect(past.upcoming).toBe(false);
    expect(past.incidents.map((i) => i.title)).toEqual(['GR customer sev1, 30 min', 'GR customer sev2, 4 h', 'GR internal sev2, 2 h']);
    expect(past.overdueActionItems[0]!.daysOverdue).toBe(3);
    const ics = await t.requestAs<string>('viewer', { method: 'GET', url: '/api/global-review/calendar.ics' });
    expect(ics.status).toBe(200);
    expect(String(ics.headers['content-type'])).toContain('text/calendar');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-10T15:00:00.000Z');
    expect(event.component.getFirstPropertyValue('rrule')!.toString()).toBe('FREQ=WEEKLY;BYDAY=TU,TH');
  });
});

describe('the global review calendar', () => {
  it('repeats at 15:00 local time across a daylight-saving change', () => {
    const ics = globalReviewCalendar({ weekdays: [2, 4], time: '15:00', durationMinutes: 45, timeZone: 'Europe/Copenhagen' }, new Date('2026-03-20T12:00:00Z'), 'https://hindsight.example.com');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Copenhagen');
    const event = new ICAL.Event(vevent);
    const iterator = event.iterator();
    const starts = Array.from({ length: 4 }, () => iterator.next()!.toJSDate().toISOString());
    // Tue 24 and Thu 26 March at 15:00 CET, Tue 31 March and Thu 2 April at 15:00 CEST.
    expect(starts).toEqual(['2026-03-24T14:00:00.000Z', '2026-03-26T14:00:00.000Z', '2026-03-31T13:00:00.000Z', '2026-04-02T13:00:00.000Z']);
    expect(event.endDate.subtractDate(event.startDate).toSeconds()).toBe(45 * 60);
  });
});
