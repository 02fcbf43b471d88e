import type { z } from 'zod';

export type OperationDef = { input: z.ZodType; output: z.ZodType; description?: string | undefined };

/** One operation: zod input and output, and the one-line description `leadledger api --list` prints. */
export function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, description?: string): { input: I; output: O; description: string | undefined } {
  return { input, output, description };
}
