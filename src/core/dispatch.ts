import type { z } from 'zod';
import { contract, isOperationName } from '../shared/api/contract';
import { type ApiError, type ApiResult, AppError, type FieldError } from '../shared/api/result';
import type { Ctx } from './context';
import { appHandlers } from './handlers/app-handlers';
import { costsHandlers } from './handlers/costs-handlers';
import { paymentsHandlers } from './handlers/payments-handlers';
import { reportsHandlers } from './handlers/reports-handlers';
import { backupsHandlers } from './handlers/backups-handlers';
import { leadsHandlers } from './handlers/leads-handlers';
import { sourcesHandlers } from './handlers/sources-handlers';
import { csvHandlers } from './handlers/csv-handlers';
import { connectsHandlers } from './handlers/connects-handlers';
import { leadMoneyHandlers } from './handlers/lead-money-handlers';
import type { Handlers } from './handlers/types';

// A missing handler is a compile error here.
const handlers: Handlers = {
  ...appHandlers,
  ...sourcesHandlers,
  ...leadsHandlers,
  ...costsHandlers, ...paymentsHandlers, ...reportsHandlers,
  ...backupsHandlers,
  ...csvHandlers,
  ...connectsHandlers,
  ...leadMoneyHandlers,
};

/** Output checks cost time on big lists; tests and development turn them on. */
const validateOutput = process.env.LEADLEDGER_VALIDATE_OUTPUT === '1';

export function zodFields(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(input)', message: issue.message }));
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  }
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_FULL') {
    return { code: 'storage', message: 'The disk is full: nothing was saved. Free some space and try again.' };
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    return { code: 'storage', message: `The database refused the change (${code}): nothing was saved.` };
  }
  return { code: 'internal', message: `Something went wrong: ${(error as Error)?.message ?? String(error)}` };
}

/** The one entry every transport calls: validate → handler → result envelope. Never throws. */
export async function dispatch(ctx: Ctx, name: string, rawInput: unknown): Promise<ApiResult<unknown>> {
  if (!isOperationName(name)) {
    return { ok: false, error: { code: 'unknown_operation', message: `Unknown operation "${String(name).slice(0, 80)}"` } };
  }
  const definition = contract[name];
  const parsed = definition.input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    const fields = zodFields(parsed.error);
    const message = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    return { ok: false, error: { code: 'invalid_input', message, fields } };
  }
  try {
    const handler = handlers[name] as (ctx: Ctx, input: unknown) => unknown;
    const value = await handler(ctx, parsed.data);
    if (validateOutput) definition.output.parse(value);
    return { ok: true, value };
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.code === 'internal') console.error(`[leadledger] ${name} failed:`, error);
    return { ok: false, error: apiError };
  }
}
