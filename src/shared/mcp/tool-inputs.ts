/**
 * The MCP tools' input schemas, built from the API's own request schemas (the tools call the API,
 * which validates again). List filters are JSON arrays here where the query string takes commas.
 */
import { z } from 'zod';
import { actionItemCreateSchema, actionItemListQuerySchema, actionItemStatusSchema } from '../actions/action-item.schema.js';
import { storedInt } from '../common.schema.js';
import { incidentCreateSchema, incidentListQuerySchema, incidentStatusSchema, reviewStateSchema, severitySchema } from '../incidents/incident.schema.js';
import { languageCheckRequestSchema } from '../language/language-check.schema.js';
import { commentAnchorSchema } from '../review-comments/review-comment.schema.js';
import { searchQuerySchema } from '../search/search.schema.js';
import { timelineEntryCreateSchema } from '../timeline/timeline.schema.js';

const limit = (max: number) => z.number().int().min(1).max(max).optional().describe(`How many to answer (at most ${max})`);
const cursor = z.string().max(200).optional().describe('The nextCursor of the previous answer, for the next page');
const reviewId = storedInt.describe('The review id (search and list answers give it)');
const incidentId = storedInt.describe('The incident id');

const search = searchQuerySchema.shape;
export const searchReviewsInput = z.strictObject({
  q: z.string().max(500).default('').describe(search.q.description ?? 'Words to find'),
  service: search.service,
  factorCategory: search.factorCategory,
  tag: search.tag,
  severity: z.array(severitySchema).optional(),
  state: z.array(reviewStateSchema).optional().describe('Review states, e.g. ["published"]'),
  label: search.label,
  from: search.from,
  to: search.to,
  limit: limit(50),
  cursor,
});

export const readReviewInput = z.strictObject({ reviewId });

const incidents = incidentListQuerySchema.shape;
export const listIncidentsInput = z.strictObject({
  status: z.array(incidentStatusSchema).optional(),
  severity: z.array(severitySchema).optional(),
  service: incidents.service,
  label: incidents.label,
  from: incidents.from,
  to: incidents.to,
  q: incidents.q,
  limit: limit(200),
  cursor,
});

const actions = actionItemListQuerySchema.shape;
export const listActionItemsInput = z.strictObject({
  owner: actions.owner,
  status: z.array(actionItemStatusSchema).optional(),
  overdue: z.boolean().optional().describe('Only overdue items (true) or only items not overdue (false)'),
  reviewId: reviewId.optional(),
  limit: limit(200),
  cursor,
});

export const relatedIncidentsInput = z.strictObject({ reviewId: reviewId.describe('The review to find related incidents for'), limit: limit(20) });

export const createIncidentInput = incidentCreateSchema;

export const addTimelineEntryInput = timelineEntryCreateSchema.extend({ incidentId });

export const proposeActionItemInput = actionItemCreateSchema.omit({ status: true, declineReason: true }).extend({ reviewId });

export const commentInput = z.strictObject({
  reviewId,
  text: z.string().trim().min(1, 'must not be blank').max(10_000).describe('Markdown; @Name or @e-mail mentions a user'),
  anchor: commentAnchorSchema.optional().describe('Where the new thread sits (default: the summary as a whole); leave out with parentId'),
  parentId: storedInt.optional().describe('The thread to reply to'),
  forMeeting: z.boolean().optional().describe('A new thread only: a question for the review meeting'),
});

export const checkLanguageInput = languageCheckRequestSchema;
