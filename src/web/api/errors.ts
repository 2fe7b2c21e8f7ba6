import type { ErrorCode, FieldError, Problem } from '../../shared/errors.js';

export type ApiErrorCode = ErrorCode | 'network' | 'unexpected_response';

/**
 * A failed API call, parsed from the server's application/problem+json body. The UI switches on
 * `code`; `errors` say which field caused a validation failure; `current` is the record as it is
 * now when a version conflict (409) refused a stale write.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly title: string;
  readonly errors: FieldError[];
  readonly current: unknown;

  constructor(problem: { status: number; code: ApiErrorCode; title: string; detail: string; errors?: FieldError[]; current?: unknown }) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.errors = problem.errors ?? [];
    this.current = problem.current;
  }

  get isConflict(): boolean {
    return this.code === 'version_conflict';
  }

  /** Field errors keyed by the top-level field name (`services.1` → `services`), first message wins. */
  fieldErrors(prefix = ''): Record<string, string> {
    const result: Record<string, string> = {};
    for (const error of this.errors) {
      if (prefix && !error.field.startsWith(prefix)) continue;
      const key = error.field.slice(prefix.length).split('.')[0] ?? error.field;
      result[key] ??= error.message.charAt(0).toUpperCase() + error.message.slice(1);
    }
    return result;
  }
}

const codes: readonly ErrorCode[] = [
  'validation_failed', 'not_found', 'version_conflict', 'conflict', 'unauthenticated', 'forbidden', 'rate_limited', 'internal',
];

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'code' in value && 'detail' in value;
}

/** Turns any non-2xx response into an ApiError, whether or not its body is problem+json. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: fall through to a generic error below
  }
  if (isProblem(body)) {
    const code = codes.includes(body.code) ? body.code : 'unexpected_response';
    return new ApiError({ ...body, code, status: response.status });
  }
  return new ApiError({
    status: response.status,
    code: response.status === 404 ? 'not_found' : 'unexpected_response',
    title: response.statusText || 'Request failed',
    detail: `The server answered ${response.status} ${response.statusText}`.trim(),
  });
}

export const networkError = (cause: unknown): ApiError =>
  new ApiError({
    status: 0,
    code: 'network',
    title: 'Cannot reach Hindsight',
    detail: cause instanceof Error ? `The server could not be reached (${cause.message})` : 'The server could not be reached',
  });

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** A conflict whose `current` record the caller can show next to what the user typed. */
export function conflictCurrent<T>(error: unknown): T | null {
  return isApiError(error) && error.isConflict && error.current !== undefined ? (error.current as T) : null;
}
