import { useState } from 'react';
import { ApiCallError } from '../../shared/api/client';
import { useToast } from './Toasts';

/** An API error as messages by field path (`form` when it names no field), ready to show next to the inputs. */
export function errorsByField(e: unknown): Record<string, string> {
  const fields = e instanceof ApiCallError ? e.fields : [];
  return fields.length ? Object.fromEntries(fields.map((f) => [f.path, f.message])) : { form: (e as Error).message };
}

/** Runs a save, maps field errors next to their inputs and says it succeeded (the api announces the write itself). */
export function useFormErrors() {
  const toast = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  /** `undo`, when given, is offered in the success message (a delete that can be put back, from what the save returned). */
  const run = async <T,>(
    save: () => Promise<T>,
    success: string,
    undo?: (saved: T) => Promise<unknown>,
  ): Promise<boolean> => {
    setBusy(true);
    try {
      const saved = await save();
      setErrors({});
      toast.info(
        success,
        undo
          ? {
              undo: () => undo(saved).catch((e: Error) => toast.error(`Could not undo: ${e.message}`)),
            }
          : undefined,
      );
      return true;
    } catch (e) {
      setErrors(errorsByField(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, run, setErrors };
}

export function FormError({ message }: { message: string | undefined }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}
