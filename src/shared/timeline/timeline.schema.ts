import { z } from 'zod';
import { personSchema } from '../accounts/person.schema.js';
import { isoDateTime, storedInt, storedIntParam, versionField } from '../common.schema.js';
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

/**
 * How precisely an entry's time is known. An entry whose time is unknown still has an `occurredAt`:
 * an ordering anchor (where it sits in the story), never shown as its time (docs/timeline-evidence.md).
 */
export const timelinePrecisions = ['exact', 'minute', 'approximate', 'range', 'unknown'] as const;
export const timelinePrecisionSchema = z.enum(timelinePrecisions);
export type TimelinePrecision = z.infer<typeof timelinePrecisionSchema>;

/** Where an entry's evidence comes from: who or what ("Slack #inc-42", "postmortem.md"), a link or message ref, the raw text. */
export const provenanceSchema = z.object({
  label: z.string().describe('Who or what the evidence is, e.g. "Slack #inc-42", "postmortem.md", "PagerDuty"'),
  ref: z.string().nullable().describe('A link, a message ref (Slack ts) or a file and line'),
  excerpt: z.string().nullable().describe('The raw text the entry was taken from'),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export const provenanceInputSchema = z
  .object({
    label: z.string().trim().min(1).max(200),
    ref: z.string().trim().min(1).max(2000).nullable().optional(),
    excerpt: z.string().min(1).max(10_000).nullable().optional(),
  })
  .strict();
export type ProvenanceInput = z.output<typeof provenanceInputSchema>;

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
  precision: timelinePrecisionSchema.describe("How precisely the time is known; with 'unknown', occurredAt only orders the entry"),
  provenance: provenanceSchema.nullable(),
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
    precision: timelinePrecisionSchema.default('minute'),
    provenance: provenanceInputSchema.nullable().optional(),
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
    precision: timelinePrecisionSchema.optional(),
    provenance: provenanceInputSchema.nullable().optional().describe('null removes it'),
    reason: reason.optional().describe('Why the correction was made; kept in the history'),
  })
  .strict();
export type TimelineEntryUpdate = z.output<typeof timelineEntryUpdateSchema>;

const MAX_OFFSET_SECONDS = 7 * 24 * 3600;

/** One source's clock was off: every live entry of that source moves by the same amount, each correction kept in its history. */
export const clockOffsetSchema = z
  .object({
    source: timelineSourceSchema.describe('The kind of source whose clock was off'),
    label: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .nullable()
      .optional()
      .describe("Only the entries with this provenance label (null: only those without provenance); omitted: every entry of the source kind"),
    offsetSeconds: z
      .number()
      .int()
      .min(-MAX_OFFSET_SECONDS)
      .max(MAX_OFFSET_SECONDS)
      .refine((seconds) => seconds !== 0, 'must not be 0')
      .describe('Added to each entry\'s time: negative moves them earlier'),
    reason,
    entries: z
      .array(z.object({ id: storedInt, version: versionField }).strict())
      .min(1)
      .max(10_000)
      .optional()
      .describe('The entries you expect to move, with the versions you read: if the source\'s entries differ (one changed, added or removed), nothing moves and the answer is 409'),
  })
  .strict();
export type ClockOffset = z.output<typeof clockOffsetSchema>;

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
  precision: timelinePrecisionSchema.optional().describe('Absent from corrections made before precision was kept'),
  provenance: provenanceSchema.nullable().optional().describe('Absent from corrections made before provenance was kept'),
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
