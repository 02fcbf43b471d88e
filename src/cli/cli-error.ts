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

/** One line for an error envelope: its message, plus any field the message does not name already. */
export function apiErrorLine(error: ApiError): string {
  const unnamed = (error.fields ?? []).filter((f) => !error.message.includes(f.path));
  const extra = unnamed.map((f) => `${f.path}: ${f.message}`).join('; ');
  return (extra ? `${error.message} (${extra})` : error.message).split('\n')[0]!;
}
