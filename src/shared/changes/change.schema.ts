import { z } from 'zod';
import { isoDateTime, page, pageQuery } from '../common.schema.js';
import { zoneName } from '../imports/import.schema.js';

/**
 * Deploys and other changes: organisation-wide facts copied in from CI, a deploy log or GitHub,
 * shown on an incident's review as suspects near its impact start (docs/importing.md).
 */
export const changeKinds = ['deploy', 'config', 'feature-flag', 'migration', 'other'] as const;
export const changeKindSchema = z.enum(changeKinds);
export type ChangeKind = z.infer<typeof changeKindSchema>;

/** Where a change came from; (source, externalId) is unique, so importing the same list twice adds nothing. */
export const changeSources = ['api', 'csv', 'json', 'github'] as const;
export const changeSourceSchema = z.enum(changeSources);

export const CHANGE_LIMITS = { service: 100, title: 300, description: 5000, author: 200, link: 2000, environment: 100, externalId: 500 } as const;

/** An http(s) link: anything else (javascript:, data:) is never shown as a link. */
export const changeLink = z
  .string()
  .trim()
  .max(CHANGE_LIMITS.link)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), 'must be an http or https URL');

const text = (max: number) => z.string().trim().min(1).max(max);

export const changeEventSchema = z
  .object({
    id: z.number().int(),
    service: z.string(),
    kind: changeKindSchema,
    title: z.string(),
    description: z.string().nullable(),
    author: z.string().nullable(),
    occurredAt: z.string().describe('ISO 8601 with the offset it was given with'),
    link: z.string().nullable(),
    environment: z.string().nullable(),
    source: changeSourceSchema,
    externalId: z.string().describe('Its id where it came from (a deploy id, a sha); with source, unique'),
    createdAt: z.string(),
  })
  .meta({ id: 'ChangeEvent' });
export type ChangeEvent = z.infer<typeof changeEventSchema>;

export const changeCreateSchema = z
  .object({
    service: text(CHANGE_LIMITS.service),
    kind: changeKindSchema.default('deploy'),
    title: text(CHANGE_LIMITS.title),
    description: text(CHANGE_LIMITS.description).nullable().default(null),
    author: text(CHANGE_LIMITS.author).nullable().default(null),
    occurredAt: isoDateTime,
    link: changeLink.nullable().default(null),
    environment: text(CHANGE_LIMITS.environment).nullable().default(null),
    externalId: text(CHANGE_LIMITS.externalId)
      .optional()
      .describe('Its id in the calling system (a deploy id); sending the same one again adds nothing. Default: service, instant and title'),
  })
  .strict();
export type ChangeCreate = z.output<typeof changeCreateSchema>;

/** A change as read from a file, before it is stored. */
export type ParsedChange = Required<ChangeCreate> & { source: Exclude<ChangeSource, 'api'> };
export type ChangeSource = z.infer<typeof changeSourceSchema>;

export const changeFormats = ['csv', 'json', 'github_deployments'] as const;
export const MAX_CHANGES_CONTENT = 5_000_000;
export const MAX_CHANGES_PER_IMPORT = 5000;

export const changeImportRequestSchema = z
  .object({
    format: z.enum(changeFormats).describe('csv (a header row), json (an array of objects) or github_deployments (GitHub\'s "List deployments" response)'),
    content: z.string().min(1).max(MAX_CHANGES_CONTENT).describe('The file as text'),
    dryRun: z.boolean().default(false).describe('Only read the list and answer with what would be imported'),
    timeZone: zoneName.optional().describe('The zone of times that state none (IANA); without it such rows are refused'),
    service: text(CHANGE_LIMITS.service).optional().describe('The service of rows that name none (GitHub deployments default to the repository name)'),
  })
  .strict();
export type ChangeImportRequest = z.output<typeof changeImportRequestSchema>;

export const changeRowProblemSchema = z.object({
  row: z.number().int().describe('1-based: the CSV line, or the position in the JSON array'),
  field: z.string(),
  message: z.string(),
});
export type ChangeRowProblem = z.infer<typeof changeRowProblemSchema>;

export const importedChangeSchema = changeEventSchema
  .omit({ id: true, createdAt: true })
  .extend({
    row: z.number().int(),
    id: z.number().int().nullable().describe('The stored change; null in a dry run for one not yet known'),
    known: z.boolean().describe('Already imported before (or twice in this list): nothing new is created'),
  });

export const changeImportResultSchema = z.object({
  created: z.number().int(),
  known: z.number().int(),
  changes: z.array(importedChangeSchema),
  problems: z.array(changeRowProblemSchema).describe('Rows that were skipped, and why'),
});
export type ChangeImportResult = z.infer<typeof changeImportResultSchema>;

export const changeListQuerySchema = z
  .object({
    service: text(CHANGE_LIMITS.service).optional(),
    from: isoDateTime.optional().describe('Only changes at or after this instant'),
    to: isoDateTime.optional().describe('Only changes at or before this instant'),
    ...pageQuery,
  })
  .strict();
export type ChangeListQuery = z.output<typeof changeListQuerySchema>;
export const changeListSchema = page(changeEventSchema);

export const suspectQuerySchema = z
  .object({
    beforeHours: z.coerce.number().int().min(1).max(168).default(24).describe('How far before the impact start to look'),
    afterHours: z.coerce.number().int().min(0).max(24).default(1).describe('How far after the impact start to look'),
  })
  .strict();

export const suspectChangeSchema = z.object({
  change: changeEventSchema,
  offsetMinutes: z.number().int().describe('Minutes from the impact start: negative before it'),
  sameService: z.boolean().describe('The change touched one of the incident\'s services'),
  reason: z.string(),
  timelineEntryId: z.number().int().nullable().describe('The timeline entry made from this change, once added'),
});
export type SuspectChange = z.infer<typeof suspectChangeSchema>;

export const suspectListSchema = z.object({
  impactStartedAt: z.string().describe('The instant suspects are measured from: the impact start, else detection, response or opening'),
  items: z.array(suspectChangeSchema),
});
export type SuspectList = z.infer<typeof suspectListSchema>;
