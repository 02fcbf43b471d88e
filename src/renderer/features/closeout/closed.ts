import { ApiCallError } from '../../../shared/api/client';

/** A refused save's errors by our field (`fieldOf` maps the server's paths; any other goes to `form`). */
export function closeoutErrors<K extends string>(
  e: unknown,
  fieldOf: Readonly<Record<string, K>>,
): Partial<Record<K | 'form', string>> {
  const fields = e instanceof ApiCallError ? e.fields : [];
  if (!fields.length) return { form: (e as Error).message } as Partial<Record<K | 'form', string>>;
  const mapped: Partial<Record<K | 'form', string>> = {};
  for (const f of fields) mapped[Object.hasOwn(fieldOf, f.path) ? fieldOf[f.path]! : 'form'] = f.message;
  return mapped;
}

/** What a saved close-out recorded: the payment the Won dialog added, if any (Undo deletes it). */
export type Closed = { paymentId: number | null };
