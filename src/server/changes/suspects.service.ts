import type { SuspectList } from '../../shared/changes/change.schema.js';
import { changeTimelineText, rankSuspects } from '../../shared/changes/suspects.js';
import { incidentStartOf } from '../../shared/knowledge-base/incident-start.js';
import type { AppContext } from '../context.js';
import { getIncident } from '../incidents/incidents.service.js';
import { listTimeline } from '../timeline/timeline.service.js';
import { changesBetween } from './changes.service.js';

/** More changes than anyone reads as suspects; a busier window shows the nearest ones. */
const MAX_CANDIDATES = 500;
const MAX_SUSPECTS = 50;

/**
 * The changes that may have caused an incident, most likely first (shared/changes/suspects.ts),
 * each with the timeline entry already made from it. Reading the incident first answers 404 for
 * a restricted incident the caller may not see, before any change is read.
 */
export async function suspectChanges(ctx: AppContext, incidentId: number, window: { beforeHours: number; afterHours: number }): Promise<SuspectList> {
  const incident = await getIncident(ctx, incidentId);
  const startedAt = incidentStartOf(incident);
  const start = Date.parse(startedAt);
  const beforeMs = window.beforeHours * 3_600_000;
  const afterMs = window.afterHours * 3_600_000;
  const [changes, timeline] = await Promise.all([changesBetween(ctx, start - beforeMs, start + afterMs, MAX_CANDIDATES), listTimeline(ctx, incidentId)]);
  // An entry made from a change has its text and instant, with source deploy.
  const entries = new Map(timeline.filter((e) => e.source === 'deploy').map((e) => [`${Date.parse(e.occurredAt)} ${e.text}`, e.id]));
  const anchor = incident.impactStartedAt ? 'impact started' : 'the incident started';
  return {
    impactStartedAt: startedAt,
    items: rankSuspects({ startedAt, services: incident.services }, changes, { beforeMs, afterMs }, anchor)
      .slice(0, MAX_SUSPECTS)
      .map((suspect) => ({ ...suspect, timelineEntryId: entries.get(`${Date.parse(suspect.change.occurredAt)} ${changeTimelineText(suspect.change)}`) ?? null })),
  };
}
