import { z } from 'zod';

/** One import: at most this many documents, each at most this long. */
export const MAX_DOCUMENTS = 100;
export const MAX_DOCUMENT_CHARS = 500_000;

export const zoneName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/London');

export const importRequestSchema = z
  .object({
    dryRun: z.boolean().default(false).describe('Only read the documents and answer with what would be imported'),
    timeZone: zoneName.optional().describe('The zone of times in documents that state none (IANA)'),
    dateOrder: z.enum(['DMY', 'MDY']).optional().describe('How to read 5/3/24: day first (default) or month first'),
    documents: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(500).describe('The file name; a date in it is the incident day when the text gives none'),
            content: z.string().min(1).max(MAX_DOCUMENT_CHARS),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_DOCUMENTS),
  })
  .strict();
export type ImportRequest = z.output<typeof importRequestSchema>;

export const importedEntrySchema = z.object({
  occurredAt: z.string().nullable().describe('ISO 8601 with the offset in force on that day, or null when the time is unknown'),
  date: z.string().nullable().describe('The day (YYYY-MM-DD) when known, even when the time is not'),
  precision: z.enum(['second', 'minute', 'hour', 'approximate', 'range', 'day', 'unknown']),
  zone: z.string().nullable(),
  text: z.string(),
  line: z.number().int().describe('The line of the document it came from'),
});

export const importedActionItemSchema = z.object({
  title: z.string(),
  description: z.string().nullable(),
  done: z.boolean(),
  owner: z.string().nullable(),
  line: z.number().int(),
});

export const importedIncidentSchema = z.object({
  title: z.string(),
  titleLine: z.number().int().nullable(),
  date: z.string().nullable(),
  severity: z.string().nullable().describe('As the document states it'),
  services: z.array(z.string()),
  summary: z.string().nullable(),
  impact: z.string().nullable(),
  contributingFactors: z.array(z.string()).describe('Created as contributor factors'),
  mitigators: z.array(z.string()).describe('What went well: created as mitigator factors'),
  risks: z.array(z.string()).describe('Where the team got lucky: created as risk factors'),
  lessons: z.array(z.string()).describe('Created as learning factors'),
  timeline: z.array(importedEntrySchema),
  actionItems: z.array(importedActionItemSchema),
  incidentId: z.number().int().nullable().describe('The incident created (or found, for a document imported before); null in a dry run'),
  reviewId: z.number().int().nullable(),
});

export const importWarningSchema = z.object({ code: z.string(), message: z.string(), line: z.number().int().nullable() });

export const importResultSchema = z.object({
  documents: z.array(
    z.object({
      name: z.string(),
      /** False when the same file (name and content) was imported before: nothing new was created. */
      created: z.boolean(),
      error: z.string().nullable().describe('Why nothing was imported from this document (it was rolled back whole), or null'),
      incidents: z.array(importedIncidentSchema),
      warnings: z.array(importWarningSchema),
    }),
  ),
});
export type ImportResult = z.infer<typeof importResultSchema>;
