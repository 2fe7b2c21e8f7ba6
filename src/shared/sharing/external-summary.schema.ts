/** External summaries (customer-safe, public versions of a published review): the API's shapes. */
import { z } from 'zod';
import { personSchema } from '../accounts/person.schema.js';
import { storedIntParam } from '../common.schema.js';
import { redactionKinds } from './redaction-kinds.js';

/** What an author may put in an external summary, in the order it shows. */
export const summarySections = ['summary', 'impact', 'timeline', 'contributingFactors', 'whatWentWell', 'actionItems', 'lessons'] as const;
export const summarySectionSchema = z.enum(summarySections);
export type SummarySection = z.infer<typeof summarySectionSchema>;

export const summarySectionLabels: Record<SummarySection, string> = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  contributingFactors: 'Contributing factors',
  whatWentWell: 'What went well',
  actionItems: 'Action items',
  lessons: 'Lessons learned',
};

export const SUMMARY_MAX_DAYS = 90;
export const SUMMARY_DEFAULT_DAYS = 30;
const SUMMARY_MAX_CHARS = 200_000;

const sectionsField = z.array(summarySectionSchema).min(1).max(summarySections.length).refine((s) => new Set(s).size === s.length, 'must not repeat a section');

export const summaryPreviewRequestSchema = z.object({ sections: sectionsField }).strict();
export type SummaryPreviewRequest = z.infer<typeof summaryPreviewRequestSchema>;

export const redactionFindingSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  kind: z.enum(redactionKinds),
  text: z.string(),
  replacement: z.string(),
});

export const summaryPreviewSchema = z.object({
  text: z.string().describe('The chosen sections as Markdown, composed from the review only'),
  findings: z.array(redactionFindingSchema).describe('Spans of `text` to redact (names, internal hosts, IPs, e-mails, internal links, tickets)'),
}).meta({ id: 'ExternalSummaryPreview' });
export type SummaryPreview = z.infer<typeof summaryPreviewSchema>;

export const summaryCreateSchema = z
  .object({
    sections: sectionsField,
    text: z.string().trim().min(1).max(SUMMARY_MAX_CHARS).describe('The text to share, as the author accepted it: findings redacted or kept, edits made'),
    expiresInDays: z.number().int().min(1).max(SUMMARY_MAX_DAYS).describe(`How long the link works (at most ${SUMMARY_MAX_DAYS} days)`),
  })
  .strict();
export type SummaryCreate = z.infer<typeof summaryCreateSchema>;

export const summaryStateSchema = z.enum(['active', 'expired', 'revoked']);
export type SummaryState = z.infer<typeof summaryStateSchema>;

export const externalSummarySchema = z.object({
  id: z.number().int(),
  reviewId: z.number().int(),
  title: z.string(),
  sections: z.array(summarySectionSchema),
  text: z.string(),
  state: summaryStateSchema,
  keptFindings: z.number().int().describe('How many possible redactions the author chose to keep in the shared text'),
  createdBy: personSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
}).meta({ id: 'ExternalSummary' });
export type ExternalSummary = z.infer<typeof externalSummarySchema>;

export const externalSummaryCreatedSchema = externalSummarySchema
  .extend({ token: z.string().describe('The link token, shown this once: the link is /shared/{token}') })
  .meta({ id: 'ExternalSummaryCreated' });
export type ExternalSummaryCreated = z.infer<typeof externalSummaryCreatedSchema>;

export const externalSummaryListSchema = z.object({ items: z.array(externalSummarySchema) });

export const summaryParams = z.object({ id: storedIntParam, summaryId: storedIntParam });

/** What a link shows to anyone who has it: the shared text and its dates, nothing else. */
export const sharedSummarySchema = z.object({
  title: z.string(),
  text: z.string().describe('Markdown'),
  sharedAt: z.string(),
  expiresAt: z.string(),
}).meta({ id: 'SharedSummary' });
export type SharedSummary = z.infer<typeof sharedSummarySchema>;

/** Any text: a malformed token is answered like an unknown one (404), so the answer tells nothing. */
export const sharedTokenParam = z.object({ token: z.string() });
