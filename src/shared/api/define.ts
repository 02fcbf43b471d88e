import type { z } from 'zod';

/**
 * One operation: zod input and output, and the one-line description `leadledger api --list` prints
 * (required, so a new operation without one does not compile).
 */
export function op<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  description: string,
): { input: I; output: O; description: string } {
  return { input, output, description };
}
