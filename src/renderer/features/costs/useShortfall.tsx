import { useState } from 'react';

type Anchor = string | number;
import { ApiCallError } from '../../../shared/api/client';
import type { useFormErrors } from '../../components/useFormErrors';

type Form = ReturnType<typeof useFormErrors>;
type Pending = {
  message: string;
  save: () => Promise<unknown>;
  success: string;
  undo: ((saved: unknown) => Promise<unknown>) | undefined;
  done: (() => void) | undefined;
  anchor: Anchor | undefined;
};

/**
 * Saves through `form`; when the API answers `needs_confirmation` (an edit or delete that leaves credits
 * short on some day, docs/domain.md §5), keeps the save and shows its day and shortfall with "Save anyway".
 * A save made from a table row passes its `anchor` (the row's id): the question is then drawn under that
 * row (`promptAt`), scrolled into view with its first button focused, not at the top of the panel.
 */
export function useShortfall(form: Form) {
  const [pending, setPending] = useState<Pending | null>(null);
  const run = async <T,>(
    save: (confirm: boolean) => Promise<T>,
    success: string,
    options: { undo?: (saved: T) => Promise<unknown>; done?: () => void; anchor?: Anchor } = {},
  ) => {
    // The pending save is kept untyped; its undo gets back exactly what that save returned.
    const undo = options.undo as ((saved: unknown) => Promise<unknown>) | undefined;
    setPending(null);
    const ok = await form.run(
      async () => {
        try {
          return await save(false);
        } catch (e) {
          if (e instanceof ApiCallError && e.code === 'needs_confirmation') {
            setPending({
              message: e.message,
              save: () => save(true),
              success,
              undo,
              done: options.done,
              anchor: options.anchor,
            });
          }
          throw e;
        }
      },
      success,
      undo,
    );
    if (ok) options.done?.();
    return ok;
  };
  const confirm = async () => {
    if (!pending) return;
    if (await form.run(pending.save, pending.success, pending.undo)) {
      setPending(null);
      pending.done?.();
    }
  };
  const node = pending ? (
    <div
      className="shortfall-confirm"
      role="alertdialog"
      aria-label="Credits would run short"
      aria-describedby="shortfall-message"
      ref={(el) => {
        if (!el || el.dataset.shown) return;
        el.dataset.shown = '1';
        el.scrollIntoView({ block: 'nearest' });
        el.querySelector('button')?.focus({ preventScroll: true });
      }}
    >
      <p id="shortfall-message">{pending.message}.</p>
      <div className="dialog-actions">
        <button type="button" onClick={() => setPending(null)}>
          Keep as it was
        </button>
        <button type="button" className="danger" onClick={() => void confirm()} disabled={form.busy}>
          Save anyway
        </button>
      </div>
    </div>
  ) : null;
  const prompt = pending && pending.anchor === undefined ? node : null;
  const promptAt = (anchor: Anchor) => (pending && pending.anchor === anchor ? node : null);
  return { run, prompt, promptAt, asking: pending !== null };
}
