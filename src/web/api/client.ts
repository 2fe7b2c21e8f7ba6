import { networkError, toApiError } from './errors.js';

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (e.g. Idempotency-Key on a POST that may be retried). */
  headers?: Record<string, string>;
}

/** `?status=active,resolved&q=db`: empty values are left out, arrays become comma lists. */
export function toSearch(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

declare global {
  interface Window {
    /** Responses index.html started fetching before the app loaded, by path; each is used once. */
    __hindsightEarly?: Record<string, Promise<Response>>;
  }
}

function takeEarly(url: string): Promise<Response> | undefined {
  const early = window.__hindsightEarly?.[url];
  if (early) delete window.__hindsightEarly![url];
  return early;
}

let csrfToken: string | null = null;

/** The session's CSRF token, sent as `x-csrf-token` on every write made with the session cookie. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthenticatedHandler = (next: string) => void;
let onUnauthenticated: UnauthenticatedHandler = (next) => {
  window.location.assign(`/sign-in?next=${encodeURIComponent(next)}`);
};

/** How a 401 sends the user to sign in (the app swaps the full reload for a router navigation). */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler): void {
  onUnauthenticated = handler;
}

/** Auth endpoints answer 401 as part of their job (wrong password, nobody signed in): no redirect for them. */
const redirectsOn401 = (path: string) => !path.startsWith('/api/auth/') && !path.startsWith('/api/setup');

const currentPath = () => `${window.location.pathname}${window.location.search}${window.location.hash}`;

/** The one place the web app calls the API: JSON in, JSON out, problem+json into ApiError. */
export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const hasBody = options.body !== undefined;
  const url = `${path}${toSearch(options.query)}`;
  let response: Response;
  try {
    const early = method === 'GET' ? takeEarly(url) : undefined;
    response = await (early ?? fetch(url, {
      method,
      headers: {
        accept: 'application/json, application/problem+json',
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...options.headers,
      },
      ...(hasBody ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    }));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError(error);
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && redirectsOn401(path) && !window.location.pathname.startsWith('/sign-in')) onUnauthenticated(currentPath());
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
