import { contract, isOperationName, type OperationName } from '../shared/api/contract';
import { type ApiError, type ApiResult, type FieldError } from '../shared/api/result';
import type { Ctx } from './context';
import { appHandlers } from './app/app-handlers';
import { settingsHandlers } from './settings/settings-handlers';
import { sampleHandlers } from './app/sample-handlers';
import { costsHandlers } from './costs/costs-handlers';
import { subscriptionsHandlers } from './subscriptions/subscriptions-handlers';
import { ratesHandlers } from './rates/rates-handlers';
import { paymentsHandlers } from './payments/payments-handlers';
import { expensesHandlers } from './expenses/expenses-handlers';
import { reportsHandlers } from './reports/reports-handlers';
import { backupsHandlers } from './backups/backups-handlers';
import { leadsHandlers } from './leads/leads-handlers';
import { sourcesHandlers } from './sources/sources-handlers';
import { csvHandlers } from './imports/csv-handlers';
import { importsHandlers } from './imports/imports-handlers';
import { connectsHandlers } from './connects/connects-handlers';
import { leadMoneyHandlers } from './payments/lead-money-handlers';
import { dbHandlers } from './app/db-handlers';
import type { HostHooks, Handlers } from './handler-types';
import { activityHandlers } from './activity/activity-handlers';
import { closeoutHandlers } from './activity/closeout-handlers';
import { preferencesHandlers } from './settings/preferences-handlers';
import { reasonsHandlers } from './activity/reasons-handlers';
import { agendaHandlers } from './activity/agenda-handlers';
import { undoHandlers } from './undo/undo-handlers';
import { timeHandlers } from './time/time-handlers';
import { timerHandlers } from './time/timer-handlers';
import { clientsHandlers } from './clients/clients-handlers';
import { visibilityHandlers } from './visibility/visibility-handlers';
import { zodFields, toApiError } from './errors';

// A missing handler is a compile error here.
const handlers: Handlers = {
  ...appHandlers,
  ...settingsHandlers,
  ...sampleHandlers,
  ...sourcesHandlers,
  ...leadsHandlers,
  ...costsHandlers,
  ...subscriptionsHandlers,
  ...ratesHandlers,
  ...paymentsHandlers,
  ...expensesHandlers,
  ...reportsHandlers,
  ...backupsHandlers,
  ...csvHandlers,
  ...importsHandlers,
  ...connectsHandlers,
  ...leadMoneyHandlers,
  ...dbHandlers,
  ...activityHandlers,
  ...closeoutHandlers,
  ...preferencesHandlers,
  ...reasonsHandlers,
  ...agendaHandlers,
  ...undoHandlers,
  ...timeHandlers,
  ...timerHandlers,
  ...clientsHandlers,
  ...visibilityHandlers,
};

/** Output checks cost time on big lists; tests and development turn them on. */
const validateOutput = process.env.LEADLEDGER_VALIDATE_OUTPUT === '1';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The input's keys that the schema dropped: every object schema strips a key it does not know, so
 * a key of the raw input missing at the same place in the parsed value is unknown (a typo such as
 * "stgae" would otherwise be ignored and the call succeed doing nothing). One rule for every
 * operation and every host (CLI, IPC, HTTP), intersections and unions included.
 */
export function unknownFields(raw: unknown, parsed: unknown, prefix = ''): string[] {
  if (Array.isArray(raw) && Array.isArray(parsed) && raw.length === parsed.length) {
    return raw.flatMap((item, i) => unknownFields(item, parsed[i], `${prefix}${i}.`));
  }
  if (!isPlainObject(raw) || !isPlainObject(parsed)) return [];
  return Object.keys(raw).flatMap((key) => {
    if (Object.hasOwn(parsed, key)) return unknownFields(raw[key], parsed[key], `${prefix}${key}.`);
    return raw[key] === undefined ? [] : [`${prefix}${key}`]; // an absent value (IPC keeps `undefined`) says nothing
  });
}

const unknownMessage = 'Unknown field: this operation has no field of that name';

/** The input checked against the operation's schema, unknown fields refused by name. */
export function parseInput(
  name: OperationName,
  rawInput: unknown,
): { ok: true; data: unknown } | { ok: false; error: ApiError } {
  const raw = rawInput === undefined ? {} : rawInput;
  const parsed = contract[name].input.safeParse(raw);
  let fields: FieldError[];
  if (parsed.success) {
    const unknown = unknownFields(raw, parsed.data);
    if (unknown.length === 0) return { ok: true, data: parsed.data };
    fields = unknown.slice(0, 20).map((path) => ({ path, message: unknownMessage }));
  } else {
    // Invalid anyway: an unknown key of a plain object schema is named beside the other errors.
    const shape = (contract[name].input as { shape?: Record<string, unknown> }).shape;
    const unknown =
      shape && isPlainObject(raw)
        ? Object.keys(raw).filter((key) => !Object.hasOwn(shape, key) && raw[key] !== undefined)
        : [];
    fields = [...zodFields(parsed.error), ...unknown.slice(0, 20).map((path) => ({ path, message: unknownMessage }))];
  }
  const message = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  return { ok: false, error: { code: 'invalid_input', message, fields } };
}

/**
 * What a host may add to a call. IPC and HTTP pass nothing: long work there is a job they poll
 * (`csv:start-import` → `csv:job`); an in-process host (the CLI) can also listen to progress.
 */
export type DispatchOptions = HostHooks & {
  /** Where unexpected errors are logged (default console.error with the stack); the CLI prints one line instead. */
  onInternalError?: (operation: string, error: unknown) => void;
};

const logInternal = (name: string, error: unknown) => console.error(`[leadledger] ${name} failed:`, error);

/** The one entry every transport calls: validate → handler → result envelope. Never throws. */
export async function dispatch(
  ctx: Ctx,
  name: string,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<ApiResult<unknown>> {
  if (!isOperationName(name)) {
    return {
      ok: false,
      error: { code: 'unknown_operation', message: `Unknown operation "${String(name).slice(0, 80)}"` },
    };
  }
  const definition = contract[name];
  const parsed = parseInput(name, rawInput);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  try {
    // E.g. another program renamed a different file over the database: work on the file there now.
    ctx.beforeCall?.();
    const handler = handlers[name] as (ctx: Ctx, input: unknown, hooks: HostHooks) => unknown;
    const value = await handler(ctx, parsed.data, { onProgress: options.onProgress });
    if (validateOutput) definition.output.parse(value);
    return { ok: true, value };
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.code === 'internal') (options.onInternalError ?? logInternal)(name, error);
    return { ok: false, error: apiError };
  }
}
