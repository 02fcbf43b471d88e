import type { z } from 'zod';

export type OperationDef = { input: z.ZodType; output: z.ZodType };

export function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): { input: I; output: O } {
  return { input, output };
}
