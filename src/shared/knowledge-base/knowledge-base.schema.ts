import { z } from 'zod';
import { severitySchema } from '../incidents/incident.schema.js';

/**
 * The knowledge base (F15): published reviews, readable by every viewer (restricted incidents only
 * by their members). Shapes of its home page and of its exports' query.
 */

/** A published review as the knowledge base lists it. */
export const knowledgeBaseReviewSchema = z
  .object({
    reviewId: z.number().int(),
    incidentId: z.number().int(),
    title: z.string(),
    severity: severitySchema,
    services: z.array(z.string()),
    summary: z.string().nullable(),
    incidentStartedAt: z.string().describe('When the impact started (else detection, response, or when the incident was opened), ISO 8601 as recorded'),
    publishedAt: z.string().describe('When the review was published, ISO 8601'),
    factorCategories: z.array(z.string()).describe('Category keys of its factors (GET /api/taxonomy)'),
    factorTags: z.array(z.string()).describe('Tag keys of its factors'),
  })
  .meta({ id: 'KnowledgeBaseReview' });
export type KnowledgeBaseReview = z.infer<typeof knowledgeBaseReviewSchema>;

const group = { reviews: z.number().int().describe('Published reviews in the group'), latest: z.array(knowledgeBaseReviewSchema).describe('The most recently published few') };

export const knowledgeBaseHomeSchema = z
  .object({
    published: z.number().int().describe('Published reviews the caller may read'),
    recent: z.array(knowledgeBaseReviewSchema),
    byService: z.array(z.object({ service: z.string(), ...group })),
    byCategory: z.array(z.object({ category: z.string(), label: z.string(), ...group })),
    mostRead: z.array(z.object({ review: knowledgeBaseReviewSchema, reads: z.number().int().describe('Readers, counting each user once a day') })),
    thisMonth: z.object({
      month: z.string().describe('YYYY-MM in the organisation\'s time zone'),
      timeZone: z.string(),
      reviews: z.number().int().describe('Reviews published this month'),
      learnings: z.array(z.object({ reviewId: z.number().int(), incidentId: z.number().int(), incidentTitle: z.string(), text: z.string() })),
      contributors: z.array(
        z.object({ reviewId: z.number().int(), incidentId: z.number().int(), incidentTitle: z.string(), title: z.string(), category: z.string().nullable() }),
      ),
    }),
  })
  .meta({ id: 'KnowledgeBaseHome' });
export type KnowledgeBaseHome = z.infer<typeof knowledgeBaseHomeSchema>;

export const reviewExportFormats = ['markdown', 'html', 'pdf'] as const;
export const reviewExportQuerySchema = z.object({ format: z.enum(reviewExportFormats).default('markdown') });
export type ReviewExportFormat = (typeof reviewExportFormats)[number];

export const wikiExportFormats = ['markdown', 'html'] as const;
export const wikiExportQuerySchema = z.object({ format: z.enum(wikiExportFormats).default('markdown') });
export type WikiExportFormat = (typeof wikiExportFormats)[number];
