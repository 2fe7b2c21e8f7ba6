import { z } from 'zod';
import { isoDateTime } from '../../common.schema.js';
import { timelinePrecisionSchema } from '../../timeline/timeline.schema.js';
import { zoneName } from '../import.schema.js';

/** A Slack export is at most this large once encoded (about 6 MiB of zip). */
const MAX_ARCHIVE_BASE64 = 8 * 1024 * 1024;
const MAX_TRANSCRIPT = 500_000;

const window = {
  from: isoDateTime.optional().describe('Only messages at or after this instant'),
  to: isoDateTime.optional().describe('Only messages at or before this instant'),
  timeZone: zoneName.optional().describe('The zone instants are written in (IANA); for a transcript, the zone its times were written in. Default UTC'),
};

/** One flat object (not a union), so that an unknown field is named as such whatever the format. */
export const chatImportRequestSchema = z
  .object({
    format: z.enum(['slack_export', 'transcript', 'slack_api']).describe("slack_api: read the channel's messages and threads from Slack with the server's bot token (HINDSIGHT_SLACK_TOKEN)"),
    archive: z.string().min(1).max(MAX_ARCHIVE_BASE64).optional().describe("slack_export: Slack's export archive (.zip), base64"),
    channel: z.string().trim().min(1).max(80).optional().describe("slack_export: only this channel (its folder in the archive); slack_api: the channel's id (C0123...)"),
    text: z.string().min(1).max(MAX_TRANSCRIPT).optional().describe('transcript: the pasted chat'),
    date: z.iso.date().optional().describe('transcript: the day of messages whose line gives none'),
    ...window,
  })
  .strict()
  .superRefine((request, ctx) => {
    const needed = request.format === 'slack_export' ? 'archive' : request.format === 'slack_api' ? 'channel' : 'text';
    if (request.format === 'slack_api') {
      for (const field of ['from', 'to'] as const) if (request[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'is required when the format is slack_api (the time window to read)' });
    }
    if (request[needed] === undefined) ctx.addIssue({ code: 'custom', path: [needed], message: `is required when the format is ${request.format}` });
  });
export type ChatImportRequest = z.output<typeof chatImportRequestSchema>;

export const proposedChatEntrySchema = z.object({
  occurredAt: z.string().describe('ISO 8601 with the offset of the chosen zone'),
  author: z.string(),
  text: z.string(),
  provenance: z.object({
    source: z.enum(['slack_export', 'transcript', 'slack_api']),
    channel: z.string().nullable(),
    file: z.string().nullable().describe('The file inside the archive'),
    ref: z.string().describe("Slack's message ts, or the transcript line"),
    excerpt: z.string().describe('The message as written'),
  }),
  entry: z
    .object({
      occurredAt: z.string(),
      kind: z.literal('note'),
      text: z.string(),
      source: z.literal('chat'),
      precision: timelinePrecisionSchema,
      provenance: z.object({ label: z.string(), ref: z.string(), excerpt: z.string() }),
    })
    .describe('The timeline entry to add when the message is kept (POST /api/incidents/{id}/timeline/batch), linked back to its message'),
});

export const chatImportResultSchema = z.object({
  entries: z.array(proposedChatEntrySchema).describe('Proposed timeline entries, in time order; nothing is stored'),
  channels: z.array(z.string()).describe("The archive's channels (empty for a transcript)"),
  warnings: z.array(z.string()),
});
export type ChatImportResult = z.infer<typeof chatImportResultSchema>;
