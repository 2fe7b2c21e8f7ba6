import { z } from 'zod';
import { personSchema } from '../accounts/person.schema.js';
import { isoDateTime, versionField, storedIntParam } from '../common.schema.js';
import { keyTimestamps } from '../incidents/incident.schema.js';
import type { MetricKey, TimelineKind } from '../reviews/review-metrics.js';

/** The kinds of timeline entry; identical to `TimelineKind` in review-metrics.ts (checked below). */
export const timelineKinds = [
  'signal',
  'detection',
  'escalation',
  'action',
  'mitigation',
  'communication',
  'resolution',
  'note',
] as const satisfies readonly TimelineKind[];
type _SameKinds = [TimelineKind] extends [(typeof timelineKinds)[number]] ? true : never;
const _sameKinds: _SameKinds = true;
void _sameKinds;

export const timelineKindSchema = z.enum(timelineKinds);
export type { TimelineKind } from '../reviews/review-metrics.js';
export const timelineSources = ['manual', 'alert', 'chat', 'deploy', 'import'] as const;
export const timelineSourceSchema = z.enum(timelineSources);
export type TimelineSource = z.infer<typeof timelineSourceSchema>;

export const keyTimestampSchema = z.enum(keyTimestamps);

const entryText = z.string().trim().min(1).max(10_000);
const reason = z.string().trim().min(1).max(1000);

export const timelineEntrySchema = z.object({
  id: z.number().int(),
  incidentId: z.number().int(),
  occurredAt: z.string().describe('ISO 8601 with the original offset, exactly as given'),
  kind: timelineKindSchema,
  text: z.string(),
  author: personSchema,
  source: timelineSourceSchema,
  keyTimestamp: keyTimestampSchema.nullable().describe("Set when the entry is one of the incident's key timestamps; the two stay in sync"),
  commentCount: z.number().int(),
  deleted: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineEntryCreateSchema = z
  .object({
    occurredAt: isoDateTime,
    kind: timelineKindSchema.default('note'),
    text: entryText,
    source: timelineSourceSchema.default('manual'),
  })
  .strict();
export type TimelineEntryCreate = z.output<typeof timelineEntryCreateSchema>;

export const timelineBatchCreateSchema = z
  .object({ entries: z.array(timelineEntryCreateSchema).min(1).max(500) })
  .strict();

export const timelineEntryUpdateSchema = z
  .object({
    version: versionField,
    occurredAt: isoDateTime.optional(),
    kind: timelineKindSchema.optional(),
    text: entryText.optional(),
    source: timelineSourceSchema.optional(),
    reason: reason.optional().describe('Why the correction was made; kept in the history'),
  })
  .strict();
export type TimelineEntryUpdate = z.output<typeof timelineEntryUpdateSchema>;

export const timelineDeleteQuerySchema = z
  .object({
    version: storedIntParam.describe('The version you read; a stale one is refused with 409'),
    reason: reason.optional(),
  })
  .strict();

export const timelineListQuerySchema = z
  .object({
    includeDeleted: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('Also list deleted entries (their history stays readable)'),
  })
  .strict();

export const entryIdParam = z.object({ entryId: storedIntParam });

export const timelineListSchema = z.object({ items: z.array(timelineEntrySchema) });

/** The fields a correction can change, as kept in the history before and after each change. */
export const timelineSnapshotSchema = z.object({
  occurredAt: z.string(),
  kind: timelineKindSchema,
  text: z.string(),
  source: timelineSourceSchema,
  keyTimestamp: keyTimestampSchema.nullable(),
  deleted: z.boolean(),
});
export type TimelineSnapshot = z.infer<typeof timelineSnapshotSchema>;

export const timelineRevisionSchema = z.object({
  id: z.number().int(),
  entryId: z.number().int(),
  author: personSchema.describe('Who made the correction'),
  changedAt: z.string(),
  before: timelineSnapshotSchema,
  after: timelineSnapshotSchema,
  reason: z.string().nullable(),
});
export type TimelineRevision = z.infer<typeof timelineRevisionSchema>;
export const timelineHistorySchema = z.object({ items: z.array(timelineRevisionSchema) });

export const timelineCommentCreateSchema = z.object({ text: entryText }).strict();
export const timelineCommentSchema = z.object({
  id: z.number().int(),
  entryId: z.number().int(),
  author: personSchema,
  text: z.string(),
  mentions: z.array(personSchema).describe('The people the text @mentions'),
  createdAt: z.string(),
}).meta({ id: 'TimelineComment' });
export type TimelineComment = z.infer<typeof timelineCommentSchema>;
export const timelineCommentListSchema = z.object({ items: z.array(timelineCommentSchema) });

const metricKeys = [
  'timeToDetect',
  'timeToRespond',
  'detectionToResponseGap',
  'timeToMitigate',
  'timeToResolve',
  'totalDuration',
] as const satisfies readonly MetricKey[];
const metricBase = { key: z.enum(metricKeys), label: z.string() };

/** One F6 metric as computed by `computeMetrics` in review-metrics.ts. */
export const metricSchema = z.discriminatedUnion('status', [
  z.object({
    ...metricBase,
    status: z.literal('known'),
    milliseconds: z.number(),
    from: z.string(),
    to: z.string(),
    derivedFromTimeline: z.boolean(),
  }),
  z.object({ ...metricBase, status: z.literal('unknown'), reason: z.string() }),
  z.object({ ...metricBase, status: z.literal('contradictory'), reason: z.string() }),
]);
export const incidentMetricsSchema = z.object({ items: z.array(metricSchema) });
