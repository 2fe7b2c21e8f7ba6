import type { FastifyInstance } from 'fastify';

/**
 * The REST API as the MCP tools and the command line call it: every tool and command is one or a
 * few API calls, so access (the token's role, restricted incidents), validation and the audit log
 * are exactly the API's. Over HTTP for `hindsight mcp` and the command line; through `app.inject`
 * for the /mcp endpoint of the app itself, with the caller's own Authorization header.
 */
export interface ApiAnswer {
  status: number;
  contentType: string;
  text: string;
  /** The body as received (a PDF export is bytes). */
  bytes?: Uint8Array;
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | string[] | undefined> | undefined;
  body?: unknown;
}

export type ApiClient = (request: ApiRequest) => Promise<ApiAnswer>;

/** The client could not talk to the server at all (no answer, not a refusal). */
export class ApiUnreachable extends Error {}

/** A problem+json answer (or any non-2xx) as a thrown error; `status` says which. */
export class ApiRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problem: unknown,
  ) {
    super(message);
  }
}

export function queryString(query: ApiRequest['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Talks to a Hindsight server at `baseUrl` with an API token. */
export function httpApiClient(baseUrl: string, token: string | undefined): ApiClient {
  const root = baseUrl.replace(/\/+$/, '');
  return async ({ method, path, query, body }) => {
    const headers: Record<string, string> = { accept: 'application/json, text/markdown;q=0.9, */*;q=0.5', 'user-agent': 'hindsight-cli' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${root}${path}${queryString(query)}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new ApiUnreachable(`Cannot reach the Hindsight server at ${root}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: new TextDecoder().decode(bytes), bytes };
  };
}

/** Calls the app in-process with the caller's own Authorization header (the /mcp endpoint). */
export function injectApiClient(app: FastifyInstance, authorization: string): ApiClient {
  return async ({ method, path, query, body }) => {
    const response = await app.inject({
      method,
      url: `${path}${queryString(query)}`,
      headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return { status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), text: response.body, bytes: response.rawPayload };
  };
}

/** What a refusal says: its status and the problem's detail. */
export function problemText(answer: ApiAnswer): string {
  try {
    // The detail of a validation problem already names each field.
    const problem = JSON.parse(answer.text) as { title?: string; detail?: string };
    return `${answer.status} ${problem.detail ?? problem.title ?? ''}`.trim();
  } catch {
    return `${answer.status} ${answer.text.slice(0, 500)}`.trim();
  }
}

/** Sends the request; a 2xx answer's JSON (or text), any other answer thrown as ApiRefused. */
export async function callApi<T = unknown>(client: ApiClient, request: ApiRequest): Promise<T> {
  const answer = await client(request);
  if (answer.status < 200 || answer.status >= 300) {
    let problem: unknown = null;
    try {
      problem = JSON.parse(answer.text);
    } catch {
      // not JSON
    }
    throw new ApiRefused(answer.status, problemText(answer), problem);
  }
  if (answer.status === 204 || answer.text === '') return undefined as T;
  return (/json/.test(answer.contentType) ? JSON.parse(answer.text) : answer.text) as T;
}
