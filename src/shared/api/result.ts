export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  /** Allowed once the user confirms (the same call again with its confirm flag); `fields[0].path` names the flag. */
  | 'needs_confirmation'
  /** Another writer holds the database for now; the same call may succeed in a moment. */
  | 'busy'
  | 'unknown_operation'
  | 'unsupported'
  | 'storage'
  | 'internal';

export type FieldError = { path: string; message: string };

export type ApiError = { code: ErrorCode; message: string; fields?: FieldError[] };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by services for expected failures; dispatch turns it into an error envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  constructor(code: ErrorCode, message: string, fields?: FieldError[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}

export function fieldError(path: string, message: string): AppError {
  return new AppError('invalid_input', `${path}: ${message}`, [{ path, message }]);
}
