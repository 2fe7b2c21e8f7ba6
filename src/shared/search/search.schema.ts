import { z } from 'zod';
import { isoDateTime, listParam } from '../common.schema.js';
import { reviewStateSchema, severitySchema } from '../incidents/incident.schema.js';
import { searchFields } from './search-fields.js';

const facet = z.string().trim().min(1).max(100);
const dayOrInstant = z.union([z.iso.date(), isoDateTime]).describe('A day (YYYY-MM-DD, in the organisation\'s time zone) or an ISO 8601 date-time with offset');

export const searchQuerySchema = z
  .object({
    q: z.string().max(500).default('').describe('Words to find; the last one also matches words it starts (search as you type). Empty: the most recent reviews that pass the filters'),
    service: facet.optional().describe('Incidents that affected this service'),
    factorCategory: facet.optional().describe('Reviews with a factor of this category (a key of GET /api/taxonomy)'),
    tag: facet.optional().describe('Reviews with a factor carrying this tag (a key of GET /api/taxonomy)'),
    severity: listParam(severitySchema).optional(),
    state: listParam(reviewStateSchema).optional(),
    label: facet.optional(),
    owner: z.string().trim().min(1).max(200).optional().describe('The review owner: "me", a user id, or a plain name'),
    from: dayOrInstant.optional().describe('Incidents that started on or after this day or instant'),
    to: dayOrInstant.optional().describe('Incidents that started before this instant, or on or before this day'),
    rank: z
      .enum(['all', 'recent'])
      .default('all')
      .describe('Which matches are ranked: all of them, or (as you type) only the 1,000 most recently written, so the first results come at once however many reviews match; `total` then counts those'),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(200).optional().describe('The nextCursor of the previous page'),
  })
  .strict();
export type SearchQuery = z.output<typeof searchQuerySchema>;

export const searchFieldSchema = z.enum(searchFields);

/** Text with the matched words marked; segments instead of HTML, so a snippet is safe to render anywhere. */
export const snippetSegmentSchema = z.object({ text: z.string(), highlight: z.boolean() });
export type SnippetSegment = z.infer<typeof snippetSegmentSchema>;

export const searchMatchSchema = z.object({
  field: searchFieldSchema.describe('The part of the review the words were found in'),
  segments: z.array(snippetSegmentSchema),
});
export type SearchMatch = z.infer<typeof searchMatchSchema>;

const incidentInBrief = {
  incidentId: z.number().int(),
  reviewId: z.number().int(),
  title: z.string(),
  severity: severitySchema,
  state: reviewStateSchema,
  services: z.array(z.string()),
  startedAt: z.string().describe('When the incident started (ISO 8601, UTC)'),
};

export const searchHitSchema = z.object({
  ...incidentInBrief,
  score: z.number().describe('Higher is a better match; comparable within one answer only'),
  matches: z.array(searchMatchSchema).describe('Where the words were found, best field first'),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchPageSchema = z.object({
  items: z.array(searchHitSchema),
  total: z.number().int().describe('How many reviews the caller may see match, over all pages, counted up to 1,000'),
  totalCapped: z.boolean().describe('There are more matches than `total` ("1,000+")'),
  nextCursor: z.string().nullable(),
}).meta({ id: 'SearchPage' });
export type SearchPage = z.infer<typeof searchPageSchema>;

export const relatedIncidentSchema = z.object({
  ...incidentInBrief,
  reasons: z.array(z.string()).min(1).describe('Why it is related, in words; *asterisks* mark a name'),
});
export type RelatedIncident = z.infer<typeof relatedIncidentSchema>;

export const relatedIncidentListSchema = z.object({ items: z.array(relatedIncidentSchema) }).meta({ id: 'RelatedIncidents' });
export type RelatedIncidentList = z.infer<typeof relatedIncidentListSchema>;

export const relatedQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(20).default(5) }).strict();
