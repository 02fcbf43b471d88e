import type { z } from 'zod';

/**
 * Whether an operation only reads or may change what the app holds (the database, a running job or
 * timer, a backup, the preferences). Hosts derive from it what they do after a call: the renderer
 * announces every successful write, the CLI opens a missing database only for a write
 * (docs/architecture.md, "Reads and writes").
 */
type OpKind = 'read' | 'write';

type Operation<I extends z.ZodType, O extends z.ZodType, K extends OpKind> = {
  input: I;
  output: O;
  description: string;
  kind: K;
};

function define<K extends OpKind>(kind: K) {
  return <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, description: string): Operation<I, O, K> => ({
    input,
    output,
    description,
    kind,
  });
}

/**
 * One operation: zod input and output, and the one-line description `leadledger api --list` prints.
 * `op.read` or `op.write` says whether it writes; there is no bare `op()`, so a new operation
 * cannot leave it out (nor the description).
 */
export const op = {
  /** Changes nothing: the database's `total_changes` is the same after it (checked in op-kinds.test.ts). */
  read: define('read'),
  /** Writes the database, starts or stops a job or timer, restores, imports, undoes or makes a backup. */
  write: define('write'),
};
