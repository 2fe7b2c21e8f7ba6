import { parseArgs } from 'node:util';
import { clientFor, connectionHelp, connectionOptions, exitCodes, resolveConnection } from '../client-cli/connection.js';
import { withExitCodes } from '../client-cli/client-commands.js';
import { callApi } from '../client-cli/api-client.js';

export const mcpUsage = {
  usage: 'mcp [--url <url>] [--token <token>] [--config <file>]',
  summary: 'an MCP server on stdin/stdout for AI assistants, acting with an API token on a Hindsight server',
  details: `Every tool is one call of the server's REST API with the token: the token's role and its user's
restricted-incident memberships are the limit, and writes are audited as the token's user.
The token is checked once at start: a bad one exits 3 before any MCP message. See docs/mcp-and-cli.md.
${connectionHelp}`,
};

/** `hindsight mcp`: serves MCP over stdio until stdin closes. Answers -1 (keeps running). */
export async function mcpCommand(argv: string[], version: string): Promise<number> {
  const { values } = parseArgs({ args: argv, allowPositionals: false, strict: true, options: connectionOptions });
  const connection = resolveConnection(values);
  const api = clientFor(connection);
  // Fail at once, with the documented exit code, rather than on the assistant's first tool call.
  await withExitCodes(() => callApi(api, { method: 'GET', path: '/api/auth/session' }));
  // Loaded here, not at start-up: the SDK is not needed by the other commands.
  const [{ StdioServerTransport }, { createMcpServer }] = await Promise.all([import('@modelcontextprotocol/sdk/server/stdio.js'), import('./mcp-server.js')]);
  const server = createMcpServer(api, version);
  const transport = new StdioServerTransport();
  await server.connect(transport);
  // The assistant ends the session by closing our stdin.
  process.stdin.once('end', () => void server.close().finally(() => process.exit(exitCodes.ok)));
  return -1;
}
