import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type McpTransportKind = 'http' | 'stdio';

/** The SDK's own client, connected to Hindsight's /mcp (http) or to `hindsight mcp` (stdio) with `token`. */
export async function mcpClient(kind: McpTransportKind, baseUrl: string, token: string): Promise<Client> {
  const client = new Client({ name: 'hindsight-test', version: '1.0.0' });
  if (kind === 'http') {
    await client.connect(new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  } else {
    const { DATABASE_URL: _inherited, ...env } = process.env;
    const tsx = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: ['--import', tsx, path.resolve('src/server/main.ts'), 'mcp'],
        env: { ...(env as Record<string, string>), HINDSIGHT_URL: baseUrl, HINDSIGHT_TOKEN: token },
        stderr: 'inherit',
      }),
    );
  }
  return client;
}

/** A tool's answer: its text, and whether it is an error result. */
export async function callTool(client: Client, name: string, args: Record<string, unknown>): Promise<{ isError: boolean; text: string }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
  return { isError: result.isError === true, text };
}

/** A successful tool's JSON answer; throws with the tool's text otherwise. */
export async function toolJson<T>(client: Client, name: string, args: Record<string, unknown>): Promise<T> {
  const answer = await callTool(client, name, args);
  if (answer.isError) throw new Error(`${name}: ${answer.text}`);
  return JSON.parse(answer.text) as T;
}
