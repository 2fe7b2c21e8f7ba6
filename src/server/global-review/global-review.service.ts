import { closedActionItemStatuses } from '../../shared/actions/action-item.schema.js';
import { samePerson, type PersonRef } from '../../shared/accounts/person.schema.js';
import { notFound } from '../../shared/errors.js';
import { byBusinessImpact, impactMinutesOf, impactWhy } from '../../shared/global-review/agenda-order.js';
import { currentOrNextSession, isSessionDay, nextSession, previousSession, sessionOfDay, type Cadence } from '../../shared/global-review/cadence.js';
import type { AgendaIncident, AgendaNote, AgendaNoteInput, AttendeesInput, GlobalReview } from '../../shared/global-review/global-review.schema.js';
import type { ReviewState, Severity } from '../../shared/incidents/incident.schema.js';
import { calendarDayOf } from '../../shared/knowledge-base/calendar-month.js';
import { canSeeIncident, visibleIncidentId, visibleIncidents } from '../access/visibility.js';
import type { AppContext, Executor } from '../context.js';
import { writeTransaction } from '../db/group-commit.js';
import type { GlobalReviewNotesTable } from '../db/schema.js';
import { recordChange } from '../events/record-change.js';
import { incidentsWithContributorCategories, taxonomyFor } from '../factors/factors.service.js';
import { versionConflict } from '../http/version-conflict.js';
import { resolvePeople } from '../people/people.service.js';
import * as repo from './global-review.repo.js';

/**
 * The global incident review (F19, B3): on a cadence, the wider organisation looks at the major
 * incidents since the last session (business impact first), overdue action items, contributors that
 * recurred and reviews past their deadline. The agenda is computed for each caller, so a restricted
 * incident shows only to its members; what people write (notes, decisions, attendees) is stored.
 */

const DAY_MS = 86_400_000;

export const cadenceOf = (ctx: AppContext): Cadence => ({ ...ctx.config.globalReview, timeZone: ctx.config.calendar.timeZone });

const toNote = (row: { notes: string; decision: string; version: number; updated_at: string; updated_by: string }): AgendaNote => ({
  notes: row.notes,
  decision: row.decision,
  version: row.version,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

const person = (name: string | null, userId: number | null): PersonRef | null => (name === null ? null : { userId, name });

/** Whole days from `from` to `to` (YYYY-MM-DD or instants), at least 0. */
const daysBetween = (from: string, to: string) => Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / DAY_MS));

/** The session on `day`, or a 404 naming the days the cadence meets on. */
function sessionNamed(ctx: AppContext, day: string) {
  const cadence = cadenceOf(ctx);
  if (!isSessionDay(day, cadence)) throw notFound('Global review session', `${day} (the global review meets on ${cadence.weekdays.map((d) => ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d]).join(', ')} at ${cadence.time})`);
  return sessionOfDay(day, cadence);
}

/** The session in progress or the next one. */
export const upcomingSessionDay = (ctx: AppContext): string => currentOrNextSession(ctx.now(), cadenceOf(ctx)).day;

export async function globalReview(ctx: AppContext, day: string): Promise<GlobalReview> {
  const cadence = cadenceOf(ctx);
  const session = sessionNamed(ctx, day);
  const previous = previousSession(day, cadence);
  const visible = visibleIncidents(ctx.actor);
  const now = ctx.now();
  const upcoming = Date.parse(session.endsAt) > now.getTime();
  // A past session's agenda is what was due by its start; an upcoming one's is what is due now.
  const asOf = upcoming ? now : new Date(session.startsAt);
  const today = calendarDayOf(asOf, cadence.timeZone);
  const [fromMs, untilMs] = [Date.parse(previous.startsAt), Date.parse(session.startsAt)];
  const [incidentRows, actionRows, reviewRows, categoryRows, noteRows, sessionRow] = await Promise.all([
    repo.majorIncidents(ctx.db, visible, fromMs, untilMs),
    repo.overdueActionItems(ctx.db, visible, today, closedActionItemStatuses),
    repo.reviewsPastDeadline(ctx.db, visible, asOf.getTime(), 'published'),
    repo.contributorCategoriesIn(ctx.db, visible, fromMs, untilMs),
    repo.notesOfSession(ctx.db, visibleIncidentId(ctx.actor, 'global_review_notes.incident_id'), day),
    repo.findSession(ctx.db, day),
  ]);
  const notes = new Map(noteRows.map((row) => [row.item, toNote(row)]));
  const noteOf = (key: string) => notes.get(key) ?? null;

  const incidents: AgendaIncident[] = incidentRows
    .map((row) => {
      const facts = {
        severity: row.severity as Severity,
        userFacing: row.user_facing === 1,
        impactMinutes: impactMinutesOf([row.impact_started_at, row.detected_at], [row.mitigated_at, row.resolved_at]),
        customerImpact: row.customer_impact,
        startedAt: new Date(row.started_at_ms).toISOString(),
      };
      const key = `incident:${row.id}`;
      return { key, incidentId: row.id, title: row.title, ...facts, services: JSON.parse(row.services) as string[], reviewId: row.review_id, reviewState: row.review_state as ReviewState | null, why: impactWhy(facts), note: noteOf(key) };
    })
    .sort(byBusinessImpact);

  const categories = categoryRows.map((row) => row.category!);
  const withCategories = await incidentsWithContributorCategories(ctx, visible, categories, { untilMs }, categories.length * repo.INCIDENTS_PER_CONTRIBUTOR * 5);
  const labels = new Map(taxonomyFor(ctx).categories.map((category) => [category.key, category.label]));
  const recurringContributors = categories
    .map((category) => {
      const incidentsOf = withCategories.filter((row) => row.category === category);
      const key = `contributor:${category}`;
      return {
        key,
        category,
        label: labels.get(category) ?? category,
        incidents: incidentsOf.slice(0, repo.INCIDENTS_PER_CONTRIBUTOR).map((row) => ({ incidentId: row.id, title: row.title, startedAt: new Date(row.started_at_ms).toISOString() })),
        count: incidentsOf.length,
        note: noteOf(key),
      };
    })
    // Recurred: named on an incident since the last session and on at least one other.
    .filter((contributor) => contributor.count >= 2)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .map(({ count: _count, ...contributor }) => contributor);

  return {
    session,
    timeZone: cadence.timeZone,
    previousDay: previous.day,
    nextDay: nextSession(day, cadence).day,
    upcoming,
    since: previous.startsAt,
    incidents,
    overdueActionItems: actionRows.map((row) => {
      const key = `action-item:${row.id}`;
      return {
        key,
        actionItemId: row.id,
        reviewId: row.review_id,
        incidentId: row.incident_id,
        incidentTitle: row.incident_title,
        title: row.title,
        owner: person(row.owner, row.owner_user_id),
        dueDate: row.due_date!,
        daysOverdue: daysBetween(row.due_date!, today),
        note: noteOf(key),
      };
    }),
    recurringContributors,
    reviewsPastDeadline: reviewRows.map((row) => {
      const key = `review:${row.id}`;
      return {
        key,
        reviewId: row.id,
        incidentId: row.incident_id,
        title: row.title,
        owner: person(row.owner, row.owner_user_id),
        state: row.state as ReviewState,
        dueAt: row.due_at!,
        daysLate: daysBetween(row.due_at!, asOf.toISOString()),
        note: noteOf(key),
      };
    }),
    attendees: sessionRow ? (JSON.parse(sessionRow.attendees) as PersonRef[]) : [],
    attendeesVersion: sessionRow?.version ?? null,
  };
}

/** The incident an agenda item belongs to (null for a contributor category); 404 when it does not exist or is not visible. */
async function incidentOfItem(ctx: AppContext, db: Executor, item: string): Promise<number | null> {
  const [kind, ref] = item.split(':') as [string, string];
  if (kind === 'contributor') return null;
  const id = Number(ref);
  const incidentId =
    kind === 'incident'
      ? (await db.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirst())?.id
      : kind === 'review'
        ? (await db.selectFrom('reviews').select('incident_id').where('id', '=', id).executeTakeFirst())?.incident_id
        : (await db.selectFrom('action_items').innerJoin('reviews', 'reviews.id', 'action_items.review_id').select('reviews.incident_id').where('action_items.id', '=', id).executeTakeFirst())?.incident_id;
  if (incidentId === undefined || !(await canSeeIncident(ctx, ctx.actor, incidentId, db))) throw notFound('Agenda item', item);
  return incidentId;
}

/**
 * Writes the notes and decision on one agenda item. The first note is sent with version null and
 * every later one with the version read, so two people taking notes at once never overwrite each other.
 */
export async function saveAgendaNote(ctx: AppContext, day: string, input: Required<AgendaNoteInput>): Promise<AgendaNote> {
  sessionNamed(ctx, day);
  return writeTransaction(ctx.db, async (trx) => {
    const incidentId = await incidentOfItem(ctx, trx, input.item);
    const before = await repo.findNote(trx, day, input.item);
    const what = `The note on ${input.item} of the global review of ${day}`;
    if ((before?.version ?? null) !== input.version) throw versionConflict(what, before ? { version: before.version } : null, input.version ?? undefined);
    const values: Pick<GlobalReviewNotesTable, 'notes' | 'decision' | 'updated_at' | 'updated_by' | 'updated_by_user_id'> = {
      notes: input.notes.trim(),
      decision: input.decision.trim(),
      updated_at: ctx.now().toISOString(),
      updated_by: ctx.actor?.name ?? 'anonymous',
      updated_by_user_id: ctx.actor?.userId ?? null,
    };
    const saved = before
      ? await repo.updateNote(trx, { day, item: input.item, version: before.version }, values)
      : await repo.insertNote(trx, { day, item: input.item, incident_id: incidentId, ...values });
    const after = await repo.findNote(trx, day, input.item);
    if (!saved || !after) throw versionConflict(what, after ? { version: after.version } : null, input.version ?? undefined);
    await recordChange(
      ctx,
      trx,
      { type: 'global_review.changed', day, item: input.item, ...(incidentId === null ? {} : { incidentId }) },
      { action: 'global_review.note', entityType: 'global_review_note', entityId: `${day}:${input.item}`, before: before ? toNote(before) : null, after: toNote(after) },
    );
    return toNote(after);
  });
}

/** Records who attended (anyone in the organisation may: unlike a local review, the audience is open). */
export async function saveAttendees(ctx: AppContext, day: string, input: AttendeesInput): Promise<{ attendees: PersonRef[]; version: number }> {
  sessionNamed(ctx, day);
  const people = await resolvePeople(ctx.db, input.attendees.map((attendee, i) => ({ field: `attendees.${i}`, input: attendee })));
  // A person named twice is kept once.
  const unique = people.filter((p, i) => people.findIndex((q) => samePerson(p, q)) === i);
  return writeTransaction(ctx.db, async (trx) => {
    const before = await repo.findSession(trx, day);
    const what = `The attendees of the global review of ${day}`;
    if ((before?.version ?? null) !== input.version) throw versionConflict(what, before ? { version: before.version } : null, input.version ?? undefined);
    const values = { attendees: JSON.stringify(unique), updated_at: ctx.now().toISOString() };
    const saved = before ? await repo.updateSession(trx, day, before.version, values) : await repo.insertSession(trx, { day, ...values });
    const after = await repo.findSession(trx, day);
    if (!saved || !after) throw versionConflict(what, after ? { version: after.version } : null, input.version ?? undefined);
    await recordChange(
      ctx,
      trx,
      { type: 'global_review.changed', day, item: null },
      { action: 'global_review.attendees', entityType: 'global_review_session', entityId: day, before: before ? JSON.parse(before.attendees) : null, after: unique },
    );
    return { attendees: unique, version: after.version };
  });
}

