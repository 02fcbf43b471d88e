import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

type Undo = () => unknown;
type Toast = { id: number; kind: 'info' | 'error'; text: string; undo?: Undo | undefined };
type ToastOptions = { undo?: Undo };
type ToastApi = { info: (text: string, options?: ToastOptions) => void; error: (text: string) => void };

const ToastContext = createContext<ToastApi>({ info: () => {}, error: () => {} });
const ListContext = createContext<{ toasts: Toast[]; dismiss: (id: number) => void }>({
  toasts: [],
  dismiss: () => {},
});

let nextId = 1;
/** At most two at a time: a third pushes the oldest out. */
const maxShown = 2;

/** Short messages in a live region: errors are announced at once, the rest politely; a move or delete offers Undo. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (kind: Toast['kind'], text: string, undo?: Undo) => {
      const id = nextId++;
      setToasts((list) => [...list.slice(-(maxShown - 1)), { id, kind, text, undo }]);
      window.setTimeout(() => dismiss(id), kind === 'error' ? 8000 : undo ? 8000 : 4000);
    },
    [dismiss],
  );
  const api = useMemo<ToastApi>(
    () => ({ info: (t, o) => push('info', t, o?.undo), error: (t) => push('error', t) }),
    [push],
  );
  const list = useMemo(() => ({ toasts, dismiss }), [toasts, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      <ListContext.Provider value={list}>{children}</ListContext.Provider>
    </ToastContext.Provider>
  );
}

/** Where the toasts show: a strip under the page (in the layout, so it never covers content). */
export function ToastArea() {
  const { toasts, dismiss } = useContext(ListContext);
  return (
    <div className={`toast-area${toasts.length ? ' toast-area-open' : ''}`}>
      <div className="toasts" role="status" aria-live="polite">
        {toasts
          .filter((t) => t.kind === 'info')
          .map((t) => (
            <div key={t.id} className="toast">
              <span title={t.text}>{t.text}</span>
              {t.undo && (
                <button
                  type="button"
                  className="toast-undo"
                  onClick={() => {
                    dismiss(t.id);
                    void t.undo?.();
                  }}
                >
                  Undo
                </button>
              )}
              <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => dismiss(t.id)}>
                ×
              </button>
            </div>
          ))}
      </div>
      <div className="toasts toasts-errors" role="alert">
        {toasts
          .filter((t) => t.kind === 'error')
          .map((t) => (
            <div key={t.id} className="toast toast-error">
              <span title={t.text}>{t.text}</span>
              <button type="button" className="icon-button" aria-label="Dismiss error" onClick={() => dismiss(t.id)}>
                ×
              </button>
            </div>
          ))}
      </div>
    </div>
  );
}

export function useToast(): ToastApi {
  return useContext(ToastContext);
}
