import { closedActionItemStatuses } from '../../shared/actions/action-item.schema.js';
import { digestTitle, renderDigestMarkdown } from '../../shared/digests/digest-markdown.js';
import type { Digest, DigestQuery } from '../../shared/digests/digest.schema.js';
import { lastCompleteWeek, namedWeek } from '../../shared/digests/digest-week.js';
import { calendarDayOf } from '../../shared/knowledge-base/calendar-month.js';
import { visibleIncidents } from '../access/visibility.js';
import type { AppContext } from '../context.js';
import { renderHtml } from '../exports/html.js';
import { taxonomyFor } from '../factors/factors.service.js';
import { invalidField } from '../http/version-conflict.js';
import { publishedWithLessons } from '../knowledge-base/knowledge-base.service.js';
import { teamOfFilter } from '../teams/teams.service.js';
import * as repo from './digests.repo.js';

/**
 * The team digest (F21): for a week and a service or a team (or every service), the reviews published with
 * their lessons, contributor categories that recur, and the open and overdue action items. What the
 * caller may not see (restricted incidents) is filtered in each query, counts included.
 */

const PUBLISHED = 50;

/** The services a digest covers: a service, a team's (both: the service if the team owns it), or every one (null). */
const servicesOf = (service: string | undefined, team: string[] | undefined): string[] | null =>
  team === undefined ? (service === undefined ? null : [service]) : service === undefined ? team : team.filter((s) => s === service);
const OVERDUE = 50;

export async function weeklyDigest(ctx: AppContext, query: DigestQuery): Promise<Digest> {
  const { timeZone } = ctx.config.calendar;
  const week = query.week ? namedWeek(query.week, timeZone) : lastCompleteWeek(ctx.now(), timeZone);
  if (!week) throw invalidField('week', `there is no week ${query.week}`);
  const team = query.team === undefined ? null : await teamOfFilter(ctx, query.team);
  const services = servicesOf(query.service?.toLowerCase(), team?.services);
  const visible = visibleIncidents(ctx.actor);
  const [fromMs, untilMs] = [Date.parse(week.startIso), Date.parse(week.endIso)];
  // Open and overdue as of the week's end, or now for the current week.
  const asOf = new Date(Math.min(untilMs - 1, ctx.now().getTime()));
  const [published, thisWeek, open, overdue] = await Promise.all([
    publishedWithLessons(ctx, { publishedFrom: week.startIso, publishedBefore: week.endIso, ...(services ? { services } : {}) }, PUBLISHED),
    repo.categoriesBetween(ctx.db, visible, services, fromMs, untilMs),
    repo.countOpenItems(ctx.db, visible, services, closedActionItemStatuses),
    repo.overdueItems(ctx.db, visible, services, closedActionItemStatuses, calendarDayOf(asOf, timeZone), OVERDUE),
  ]);
  const before = new Map((await repo.categoriesBetween(ctx.db, visible, services, 0, fromMs)).map((row) => [row.category, Number(row.incidents)]));
  const labels = new Map(taxonomyFor(ctx).categories.map((category) => [category.key, category.label]));
  return {
    week: week.week,
    from: week.startIso,
    until: week.endIso,
    timeZone,
    service: query.service ?? null,
    team: team && { slug: team.slug, name: team.name },
    published: published.map((review) => ({
      reviewId: review.reviewId,
      incidentId: review.incidentId,
      title: review.title,
      severity: review.severity,
      services: review.services,
      publishedAt: review.publishedAt,
      summary: review.summary,
      learnings: review.lessons,
    })),
    recurringContributors: thisWeek
      .map((row) => ({ category: row.category!, label: labels.get(row.category!) ?? row.category!, thisWeek: Number(row.incidents), before: before.get(row.category!) ?? 0 }))
      .filter((row) => row.thisWeek + row.before >= 2)
      // Seen at most once before: this week is its first recurrence.
      .map((row) => ({ ...row, isNew: row.before <= 1 }))
      .sort((a, b) => b.thisWeek + b.before - (a.thisWeek + a.before) || a.label.localeCompare(b.label)),
    openActionItems: open,
    overdueActionItems: overdue.map((row) => ({
      actionItemId: row.id,
      reviewId: row.review_id,
      incidentId: row.incident_id,
      title: row.title,
      owner: row.owner === null ? null : { userId: row.owner_user_id, name: row.owner },
      dueDate: row.due_date!,
    })),
  };
}

/** The digest as a file: Markdown, or a standalone HTML page. */
export async function exportDigest(ctx: AppContext, query: DigestQuery, format: 'markdown' | 'html'): Promise<{ fileName: string; contentType: string; body: string }> {
  const digest = await weeklyDigest(ctx, query);
  const markdown = renderDigestMarkdown(digest, (reviewId) => `${ctx.config.publicUrl}/reviews/${reviewId}/read`);
  const base = ['digest', digest.week, digest.team?.slug, digest.service?.toLowerCase().replace(/[^a-z0-9]+/g, '-')].filter(Boolean).join('-');
  return format === 'html'
    ? { fileName: `${base}.html`, contentType: 'text/html; charset=utf-8', body: renderHtml(markdown, { title: digestTitle(digest), footer: 'Exported from Hindsight' }) }
    : { fileName: `${base}.md`, contentType: 'text/markdown; charset=utf-8', body: markdown };
}
