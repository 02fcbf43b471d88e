import type { z } from 'zod';

/** One operation: zod input and output, and the one-line description `leadledger api --list` prints. */
export function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, description?: string): { input: I; output: O; description: string | undefined } {
  return { input, output, description };
}
