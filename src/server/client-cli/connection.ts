import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readClientEnvironment } from '../config.js';
import { httpApiClient, type ApiClient } from './api-client.js';
import { CliError } from '../operations/startup-errors.js';

/**
 * Exit codes of the client commands (documented in docs/mcp-and-cli.md): scripts can rely on them.
 * 0 done; 1 the server refused (not found, not allowed for the token's role, invalid input, conflict);
 * 2 bad usage of the command line; 3 the server cannot be reached or does not accept the token.
 */
export const exitCodes = { ok: 0, refused: 1, usage: 2, unreachable: 3 } as const;

export const connectionOptions = {
  url: { type: 'string' },
  token: { type: 'string' },
  config: { type: 'string' },
} as const;

export const connectionHelp = `Connection (first found wins):
  --url <url>         the Hindsight server, e.g. https://hindsight.example.com (env HINDSIGHT_URL)
  --token <token>     an API token (env HINDSIGHT_TOKEN); its role and incident memberships are the limit
  --config <file>     a JSON file {"url": ..., "token": ...} (env HINDSIGHT_CLIENT_CONFIG;
                      default $XDG_CONFIG_HOME/hindsight/config.json or ~/.config/hindsight/config.json)
Exit codes: 0 done, 1 the server refused (not found, not allowed, invalid), 2 bad usage,
            3 cannot reach the server or the token is not accepted.`;

const configFileSchema = z.object({ url: z.string().url().optional(), token: z.string().min(1).optional() });

export interface Connection {
  url: string;
  token: string | undefined;
}

function readConfigFile(file: string, explicit: boolean): z.infer<typeof configFileSchema> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (!explicit && (error as { code?: string }).code === 'ENOENT') return {};
    throw new CliError(`Cannot read the config file ${file}: ${(error as Error).message}`, exitCodes.usage);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(`The config file ${file} is not JSON; write {"url": "https://...", "token": "..."}`, exitCodes.usage);
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) throw new CliError(`The config file ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`, exitCodes.usage);
  return parsed.data;
}

/** The server and token from flags, then the environment, then the config file. */
export function resolveConnection(values: { url?: string | undefined; token?: string | undefined; config?: string | undefined }): Connection {
  const env = readClientEnvironment();
  const explicitFile = values.config ?? env.configFile;
  const file = explicitFile ?? (env.configHome ? path.join(env.configHome, 'hindsight', 'config.json') : undefined);
  const fromFile = file ? readConfigFile(file, explicitFile !== undefined) : {};
  const url = values.url ?? env.url ?? fromFile.url;
  if (!url) throw new CliError('No Hindsight server given: use --url, HINDSIGHT_URL or a config file (see --help)', exitCodes.usage);
  if (!/^https?:\/\//i.test(url)) throw new CliError(`--url: must start with http:// or https://, not ${url}`, exitCodes.usage);
  return { url, token: values.token ?? env.token ?? fromFile.token };
}

export const clientFor = (connection: Connection): ApiClient => httpApiClient(connection.url, connection.token);
