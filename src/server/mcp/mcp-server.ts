import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import type { Review } from '../../shared/reviews/review.schema.js';
import {
  addTimelineEntryInput,
  checkLanguageInput,
  commentInput,
  createIncidentInput,
  listActionItemsInput,
  listIncidentsInput,
  proposeActionItemInput,
  readReviewInput,
  relatedIncidentsInput,
  searchReviewsInput,
} from '../../shared/mcp/tool-inputs.js';
import { ApiRefused, ApiUnreachable, callApi, type ApiClient, type ApiRequest } from '../client-cli/api-client.js';

/**
 * Hindsight's MCP server: each tool is one REST API call made with the caller's API token, so what a
 * tool may do and see is what the token may do and see through the API (its role, restricted
 * incidents), and every write is validated and audited by the API as the token's user.
 */
export function createMcpServer(api: ApiClient, version: string): McpServer {
  const server = new McpServer(
    { name: 'hindsight', version },
    { instructions: 'Hindsight holds blameless post-incident reviews. Search past reviews before concluding something is new; write in blameless language (check_blameless_language).' },
  );

  /** A tool whose answer is the API's JSON (or text); a refusal is an error result naming why. */
  const tool = <S extends z.ZodObject>(name: string, description: string, inputSchema: S, request: (args: z.output<S>) => ApiRequest, readOnly: boolean) =>
    server.registerTool(name, { description, inputSchema, annotations: { readOnlyHint: readOnly, openWorldHint: false } }, (async (args: z.output<S>) =>
      answer(() => callApi(api, request(args)))) as never);

  tool(
    'search_reviews',
    'Full-text search of post-incident reviews ("have we seen this before?"): ranked hits with incident, review id and the matching extracts.',
    searchReviewsInput,
    (args) => ({ method: 'GET', path: '/api/search', query: args }),
    true,
  );
  tool(
    'read_review',
    'A whole review as Markdown: summary, impact, timeline, contributing factors, five whys, action items, learnings.',
    readReviewInput,
    ({ reviewId }) => ({ method: 'GET', path: `/api/reviews/${reviewId}/export`, query: { format: 'markdown' } }),
    true,
  );
  tool('list_incidents', 'Incidents, newest first, filtered by status, severity, service, label, start time or title words.', listIncidentsInput, (args) => ({ method: 'GET', path: '/api/incidents', query: args }), true);
  tool(
    'list_action_items',
    'Action items across reviews, filtered by owner ("me", a user id or a name), status, overdue or review.',
    listActionItemsInput,
    (args) => ({ method: 'GET', path: '/api/action-items', query: args }),
    true,
  );
  tool(
    'find_related_incidents',
    'Earlier incidents related to a review (same services, linked or similar factors, similar words), each with the reasons.',
    relatedIncidentsInput,
    ({ reviewId, limit }) => ({ method: 'GET', path: `/api/reviews/${reviewId}/related`, query: { limit } }),
    true,
  );
  tool('create_incident', 'Create an incident (needs the responder role). The review policy may open its review.', createIncidentInput, (args) => ({ method: 'POST', path: '/api/incidents', body: args }), false);
  tool(
    'add_timeline_entry',
    "Add an entry to an incident's timeline (needs the responder role). occurredAt is ISO 8601 with an offset.",
    addTimelineEntryInput,
    ({ incidentId, ...entry }) => ({ method: 'POST', path: `/api/incidents/${incidentId}/timeline`, body: entry }),
    false,
  );
  tool(
    'propose_action_item',
    'Propose an action item on a review (status proposed; needs the responder role).',
    proposeActionItemInput,
    ({ reviewId, ...item }) => ({ method: 'POST', path: `/api/reviews/${reviewId}/action-items`, body: { ...item, status: 'proposed' } }),
    false,
  );
  tool(
    'comment',
    'Comment on a review: a new thread on a part of it, or a reply to a thread (needs the responder role).',
    commentInput,
    ({ reviewId, anchor, parentId, ...comment }) => ({
      method: 'POST',
      path: `/api/reviews/${reviewId}/comments`,
      body: { ...comment, ...(parentId === undefined ? { anchor: anchor ?? { part: 'summary', itemId: null } } : { parentId, anchor }) },
    }),
    false,
  );
  tool(
    'check_blameless_language',
    'Check text for blaming language (human error, hindsight, judging people, exhortations); answers each finding with why and a suggestion. Stores nothing.',
    checkLanguageInput,
    (args) => ({ method: 'POST', path: '/api/language/check', body: args }),
    true,
  );

  server.registerResource(
    'published-review',
    new ResourceTemplate('hindsight://reviews/{reviewId}', {
      list: async () => {
        const page = await callApi<{ items: Review[] }>(api, { method: 'GET', path: '/api/reviews', query: { state: 'published', limit: 200 } });
        return {
          resources: page.items.map((review) => ({
            uri: `hindsight://reviews/${review.id}`,
            name: `Review ${review.id}: ${review.incidentTitle}`,
            mimeType: 'text/markdown',
          })),
        };
      },
    }),
    { description: 'A published post-incident review, as Markdown', mimeType: 'text/markdown' },
    async (uri, { reviewId }) => {
      const id = Number(reviewId);
      if (!Number.isSafeInteger(id) || id < 1) throw new Error(`No published review at ${uri.href}`);
      const review = await callApi<Review>(api, { method: 'GET', path: `/api/reviews/${id}` });
      if (review.state !== 'published') throw new Error(`Review ${id} is not published`);
      const markdown = await callApi<string>(api, { method: 'GET', path: `/api/reviews/${id}/export`, query: { format: 'markdown' } });
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: markdown }] };
    },
  );
  return server;
}

async function answer(call: () => Promise<unknown>): Promise<CallToolResult> {
  try {
    const body = await call();
    return { content: [{ type: 'text', text: typeof body === 'string' ? body : JSON.stringify(body ?? null, null, 2) }] };
  } catch (error) {
    if (error instanceof ApiRefused || error instanceof ApiUnreachable) return { isError: true, content: [{ type: 'text', text: error.message }] };
    throw error;
  }
}
