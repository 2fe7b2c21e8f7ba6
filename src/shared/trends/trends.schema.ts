import { z } from 'zod';
import { listParam } from '../common.schema.js';
import { severities, severitySchema } from '../incidents/incident.schema.js';
import { actionItemClasses } from '../actions/action-item.schema.js';
import { teamFilter } from '../teams/team.schema.js';
import { ageBands } from './backlog.js';
import { trendIntervals } from './buckets.js';

/** The filters every trend takes: the period, its interval, and which incidents count. */
export const trendQuerySchema = z
  .object({
    from: z.iso.date({ error: 'must be a YYYY-MM-DD date' }).optional().describe('First day of the period (organisation zone); default: a year of months, 12 weeks or 2 years of quarters back'),
    to: z.iso.date({ error: 'must be a YYYY-MM-DD date' }).optional().describe('Last day of the period (organisation zone), inclusive; default today'),
    interval: z.enum(trendIntervals).default('month').describe('Weeks (from Monday), calendar months or quarters, in the organisation zone'),
    severity: listParam(severitySchema).optional().describe('Comma-separated severities'),
    service: z.string().trim().min(1).max(100).optional().describe('Incidents with a service whose words start with these words, as the incident list filters'),
    label: z.string().trim().min(1).max(100).optional(),
    team: teamFilter,
  })
  .strict();
export type TrendQuery = z.output<typeof trendQuerySchema>;

export const backlogQuerySchema = trendQuerySchema
  .pick({ severity: true, service: true, label: true, team: true })
  .extend({ workingDays: z.coerce.number().int().min(1).max(1000).default(20).describe('List open items older than this many working days') })
  .strict();
export type BacklogQuery = z.output<typeof backlogQuerySchema>;

/** When the figures were computed: the last computation is served while the next one runs (docs/trends.md). */
const asOf = z.string().describe('When these figures were computed (ISO 8601 UTC); at most HINDSIGHT_TRENDS_MAX_STALE_SECONDS old when newer changes exist');

const bucketSchema = z.object({ key: z.string(), label: z.string(), from: z.string(), to: z.string() });
const count = z.number().int();

export const distributionSchema = z.object({
  count,
  min: z.number().nullable(),
  q1: z.number().nullable(),
  median: z.number().nullable(),
  q3: z.number().nullable(),
  p90: z.number().nullable(),
  max: z.number().nullable(),
});

export const incidentTrendSchema = z.object({
  timeZone: z.string(),
  asOf,
  buckets: z.array(bucketSchema),
  series: z.array(z.object({ severity: severitySchema, counts: z.array(count) })),
  totals: z.array(count),
});
export type IncidentTrend = z.infer<typeof incidentTrendSchema>;

/**
 * Durations from the start of impact (or detection when impact's start is unknown): to detection,
 * response, mitigation, resolution; and the gap from detection to response.
 */
export const durationMetrics = ['detect', 'respond', 'mitigate', 'resolve', 'gap'] as const;
export type DurationMetric = (typeof durationMetrics)[number];

export const durationTrendSchema = z.object({
  timeZone: z.string(),
  asOf,
  unit: z.literal('minutes'),
  buckets: z.array(bucketSchema),
  metrics: z.array(z.object({ metric: z.enum(durationMetrics), overall: distributionSchema, byBucket: z.array(distributionSchema) })),
});
export type DurationTrend = z.infer<typeof durationTrendSchema>;

const recurring = z.object({
  name: z.string(),
  label: z.string(),
  incidents: count.describe('Incidents in the period with a contributor of this category or tag'),
  recurs: z.boolean().describe('Seen in two or more incidents of the period'),
  counts: z.array(count),
});

export const contributorTrendSchema = z.object({
  timeZone: z.string(),
  asOf,
  buckets: z.array(bucketSchema),
  categories: z.array(recurring),
  tags: z.array(recurring),
  byService: z.array(z.object({ service: z.string(), category: z.string(), incidents: count })),
});
export type ContributorTrend = z.infer<typeof contributorTrendSchema>;

export const reviewDeadlineTrendSchema = z.object({
  timeZone: z.string(),
  asOf,
  buckets: z.array(bucketSchema),
  rows: z.array(
    z.object({
      due: count.describe('Reviews due in the period'),
      met: count.describe('Published by their deadline'),
      late: count.describe('Published after their deadline, or not published and past it'),
      pending: count.describe('Not published, deadline not yet passed'),
      daysLate: distributionSchema.describe('Days past the deadline of the late ones (until published, or until now)'),
    }),
  ),
});
export type ReviewDeadlineTrend = z.infer<typeof reviewDeadlineTrendSchema>;

const itemCounts = z.object({ open: count, overdue: count, done: count });

export const actionItemTrendSchema = z.object({
  timeZone: z.string(),
  asOf,
  buckets: z.array(bucketSchema),
  created: z.array(count),
  done: z.array(count).describe('Items whose last change, in the period, made or left them done'),
  openByAge: z.array(z.object({ age: z.enum(ageBands.map((band) => band.key) as [string, ...string[]]), label: z.string(), count })),
  open: count,
  overdue: count,
  byOwner: z.array(itemCounts.extend({ owner: z.string().nullable() })),
  byService: z.array(itemCounts.extend({ service: z.string() })),
});
export type ActionItemTrend = z.infer<typeof actionItemTrendSchema>;

export const backlogItemSchema = z.object({
  id: count,
  title: z.string(),
  incidentId: count,
  reviewId: count,
  owner: z.string().nullable(),
  class: z.enum(actionItemClasses).nullable(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
});

const mismatchSchema = z.object({
  count,
  oldest: z.array(backlogItemSchema.extend({ status: z.string(), issueKey: z.string().nullable(), issueUrl: z.string().nullable() })),
});

export const backlogHealthSchema = z.object({
  timeZone: z.string(),
  asOf,
  workingDays: count,
  byAgeAndClass: z.array(
    z.object({ age: z.string(), label: z.string(), detect: count, diagnose: count, mitigate: count, resolve: count, prevent: count, unclassified: count }),
  ),
  owners: z.array(z.object({ owner: z.string().nullable(), overdue: count, open: count })),
  openPast: z.object({ count, cutoff: z.string().describe('Open items created before this instant are past the working days'), oldest: z.array(backlogItemSchema) }),
  tracker: z
    .object({
      connected: z.boolean().describe('Whether a tracker is connected (Settings → Trackers)'),
      closedInTracker: mismatchSchema.describe('Open items whose tracker issue is closed'),
      openInTracker: mismatchSchema.describe('Items done or declined whose tracker issue is still open'),
    })
    .describe('Action items and their tracker issues that disagree: a sync that failed, or a change undone by hand'),
});
export type BacklogHealth = z.infer<typeof backlogHealthSchema>;

export { severities };
