import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';
import { injectApiClient } from '../client-cli/api-client.js';

/**
 * The MCP endpoint over streamable HTTP, stateless: each request gets its own server whose tools call
 * this app's API in-process with the request's own API token, so access, validation, restricted
 * incidents and the audit log are the API's. Only a Bearer API token is taken (no session cookie).
 */
export function mcpRoutes(version: string): FastifyPluginAsync {
  return async (app) => {
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const authorization = request.headers.authorization;
      if (request.principal?.via !== 'token' || !authorization) throw new AppError('unauthenticated', 'The MCP endpoint takes an API token: send "Authorization: Bearer <token>"');
      // The SDK is loaded on the first MCP request, not when the app starts.
      const [{ WebStandardStreamableHTTPServerTransport }, { createMcpServer }] = await Promise.all([
        import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
        import('./mcp-server.js'),
      ]);
      const server = createMcpServer(injectApiClient(app, authorization), version);
      const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      await server.connect(transport);
      try {
        const url = `http://${request.host || 'localhost'}${request.url}`;
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const body = request.method === 'POST' ? JSON.stringify(request.body ?? null) : undefined;
        const answer = await transport.handleRequest(new Request(url, { method: request.method, headers, ...(body === undefined ? {} : { body }) }), { parsedBody: request.body });
        reply.code(answer.status);
        answer.headers.forEach((value, name) => void reply.header(name, value));
        reply.header('cache-control', 'no-store');
        return reply.send(answer.body ? Buffer.from(await answer.arrayBuffer()) : '');
      } finally {
        await server.close();
      }
    };
    // Any JSON body is the transport's to judge (it answers JSON-RPC errors); not in the OpenAPI document.
    app.route({ method: ['GET', 'POST', 'DELETE'], url: '/mcp', config: { access: 'viewer' }, schema: { hide: true }, handler });
  };
}
