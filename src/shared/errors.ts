/** A short list of error codes the UI and API clients can switch on. */
export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'version_conflict'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited'
  | 'upgrade_required'
  | 'internal';

export interface FieldError {
  /** Dotted path of the offending field, e.g. `severity` or `services.1`. */
  field: string;
  /** Where the field was: body, query, params or headers. */
  in: 'body' | 'query' | 'params' | 'headers';
  message: string;
}

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  conflict: 409,
  rate_limited: 429,
  upgrade_required: 426,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldError[]; current?: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = statusByCode[code];
  }
}

export const notFound = (what: string, id: string | number) => new AppError('not_found', `${what} ${id} not found`);

/** The problem+json body (RFC 9457) every error response carries. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  /** For version conflicts: the record as it is now, so nothing typed is lost. */
  current?: unknown;
}
