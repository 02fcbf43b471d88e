import { AppError } from '../shared/api/result';
import { createCtx, type Ctx } from '../core/context';
import { openDatabase } from '../core/db/open';
import { sqliteApiError } from '../core/db/sqlite-errors';
import { resolveDbPath } from '../core/paths';
import { appVersion } from '../core/version';
import { CliError } from './cli-error';
import type { CliIo } from './command';
import { commands } from './commands';

/** A write that waited for the app's write lock (its import) and gave up: one line, nothing written. */
export const cliBusyMessage = 'LeadLedger is open on this file in another window and is saving a change (such as an import): nothing was written. Close it or use that window, or try again when it has finished.';

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

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let ctx: Ctx | undefined;
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
    if (globals.help) {
      io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`);
      return 0;
    }
    const dbPath = resolveDbPath(globals.db);
    return await command.run(args, {
      dbPath,
      io,
      openCtx: () => {
        ctx ??= createCtx(openDatabase(dbPath), dbPath);
        return ctx;
      },
    });
  } catch (error) {
    const sqlite = sqliteApiError(error);
    const message =
      error instanceof CliError || error instanceof AppError
        ? error.message
        : sqlite
          ? sqlite.code === 'busy' ? cliBusyMessage : sqlite.message
          : (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
            (error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ||
            (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
          ? (error as Error).message
          : `Unexpected error: ${(error as Error)?.message ?? String(error)}`;
    io.stderr(`leadledger: ${message.split('\n')[0]}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  } finally {
    if (ctx?.db.open) ctx.db.close();
  }
}
