import path from 'node:path';

/**
 * `-o -`, `--output -` and the names of this process's standard output: written to stdout by the
 * CLI itself (with its back-pressure and closed-pipe handling), never opened as a file.
 */
export function isStdout(output: string): boolean {
  if (output === '-') return true;
  const resolved = path.resolve(output);
  return (
    resolved === '/dev/stdout' ||
    resolved === '/dev/fd/1' ||
    resolved === '/proc/self/fd/1' ||
    resolved === `/proc/${process.pid}/fd/1`
  );
}
