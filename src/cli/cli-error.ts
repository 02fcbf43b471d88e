import type { ApiError } from '../shared/api/result';

/** An error the CLI prints as one line (no stack) before exiting with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A write that waited for another writer's lock (the app's import, say) and gave up: nothing was written. */
export const cliBusyMessage =
  'LeadLedger is open on this file in another window and is saving a change (such as an import): nothing was written. Close it or use that window, or try again when it has finished.';

/** One line for an error envelope: its message, plus any field the message does not name already. */
export function apiErrorLine(error: ApiError): string {
  if (error.code === 'busy') return cliBusyMessage;
  const unnamed = (error.fields ?? []).filter((f) => !error.message.includes(f.path));
  const extra = unnamed.map((f) => `${f.path}: ${f.message}`).join('; ');
  return (extra ? `${error.message} (${extra})` : error.message).split('\n')[0]!;
}
