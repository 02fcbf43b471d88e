import { isOperationName } from '../shared/api/contract';
import { type ApiError, AppError } from '../shared/api/result';
import { dispatch, type DispatchOptions, parseInput } from '../core/dispatch';
import { toApiError } from '../core/errors';
import { type HostCtx, lazyHostCtx } from '../core/host-store';
import { resolveDbPath } from '../core/paths';
import { appVersion } from '../core/version';
import { apiErrorLine, CliError } from './cli-error';
import type { CliIo, CommandEnv } from './command';
import { commands } from './commands';
import { storeModeFor } from './store-mode';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `LeadLedger ${appVersion}: leads pipeline and per-channel profit for freelancers`,
    '',
    'Usage: leadledger [--db FILE] <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  --db FILE   the database file (default: LEADLEDGER_DB or the user-data folder)',
    '  --help      this help, or `leadledger <command> --help`',
    '  --version   print the version',
    '',
  ].join('\n');
}

/** Pulls the global options out of argv, wherever they stand. */
function splitGlobals(argv: string[]): { db?: string; help: boolean; version: boolean; rest: string[] } {
  const rest: string[] = [];
  let db: string | undefined;
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--db') {
      db = argv[++i];
      if (db === undefined || db === '') throw new CliError('--db needs a file path');
    } else if (arg.startsWith('--db=')) db = arg.slice(5);
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--version') version = true;
    else rest.push(arg);
  }
  return { db, help, version, rest };
}

const parseArgsCodes = new Set([
  'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
]);

/** One line for anything thrown: our own errors as they are, SQLite's as the API words them (disk full, locked, damaged). */
export function errorLine(error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code;
  const message =
    error instanceof CliError || error instanceof AppError || parseArgsCodes.has(code ?? '')
      ? (error as Error).message
      : typeof code === 'string' && code.startsWith('SQLITE_')
        ? apiErrorLine(toApiError(error))
        : `Unexpected error: ${(error as Error)?.message ?? String(error)}`;
  return message.split('\n')[0]!;
}

/** The CLI prints one line, never a stack: LEADLEDGER_DEBUG=1 shows the stack of an unexpected error. */
const quiet: DispatchOptions['onInternalError'] = (name, error) => {
  if (process.env.LEADLEDGER_DEBUG) console.error(`[leadledger] ${name} failed:`, error);
};

class CliApiError extends CliError {
  constructor(readonly error: ApiError) {
    super(apiErrorLine(error));
  }
}

function commandEnv(dbPath: string, io: CliIo, host: (operation: string) => HostCtx): CommandEnv {
  const run = async (name: string, input: unknown, onProgress?: DispatchOptions['onProgress']) => {
    const options = { onProgress, onInternalError: quiet };
    // A call that will not run (an unknown operation, invalid input) opens and creates nothing: dispatch refuses it first.
    if (!isOperationName(name) || !parseInput(name, input).ok)
      return dispatch(lazyHostCtx(dbPath, 'create').ctx, name, input, options);
    let ctx: HostCtx['ctx'];
    try {
      // The store opens as the operation needs (storeModeFor: a read on a missing database stops here), and
      // before the call: some handlers only pass ctx.dbPath on, such as an import's own connection.
      ctx = host(name).ctx;
      void ctx.db;
    } catch (error) {
      return { ok: false as const, error: toApiError(error) };
    }
    return dispatch(ctx, name, input, options);
  };
  return {
    dbPath,
    io,
    dispatch: (name, input) => run(name, input),
    call: async (name, input, onProgress) => {
      const result = await run(name, input, onProgress);
      if (!result.ok) throw new CliApiError(result.error);
      return result.value as never;
    },
  };
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let host: HostCtx | undefined;
  try {
    const globals = splitGlobals(argv);
    if (globals.version) {
      io.stdout(`${appVersion}\n`);
      return 0;
    }
    const [name, ...args] = globals.rest;
    const command = commands.find((c) => c.name === name);
    if (!name || (globals.help && !command)) {
      io.stdout(helpText());
      return name || globals.help ? 0 : 2;
    }
    if (!command) throw new CliError(`Unknown command "${name}". Run leadledger --help for the list.`, 2);
    if (globals.help && !command.ownHelp) {
      io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`);
      return 0;
    }
    const dbPath = resolveDbPath(globals.db);
    // The first call opens the store, as its operation needs (storeModeFor); later calls use it.
    const env = commandEnv(dbPath, io, (operation) => (host ??= lazyHostCtx(dbPath, storeModeFor(command, operation))));
    return await command.run(globals.help ? [...args, '--help'] : args, env);
  } catch (error) {
    io.stderr(`leadledger: ${errorLine(error)}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  } finally {
    host?.close();
  }
}
