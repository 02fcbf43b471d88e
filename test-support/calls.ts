import type { ApiError } from '../src/shared/api/result';
import type { Ctx } from '../src/core/context';
import { dispatch } from '../src/core/dispatch';

/** Runs an operation through dispatch and returns its value; a failure throws with the error envelope. */
export async function callOk<T = Record<string, unknown>>(ctx: Ctx, name: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Runs an operation that must fail and returns its error. */
export async function callError(ctx: Ctx, name: string, input: unknown): Promise<ApiError> {
  const result = await dispatch(ctx, name, input);
  if (result.ok) throw new Error(`${name} should have failed`);
  return result.error;
}
