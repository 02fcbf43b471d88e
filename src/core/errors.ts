import type { z } from 'zod';
import { type ApiError, AppError, type FieldError } from '../shared/api/result';
import { sqliteApiError } from './db/sqlite-errors';

export function zodFields(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(input)', message: issue.message }));
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  }
  const sqlite = sqliteApiError(error);
  if (sqlite) return sqlite;
  return { code: 'internal', message: `Something went wrong: ${(error as Error)?.message ?? String(error)}` };
}
