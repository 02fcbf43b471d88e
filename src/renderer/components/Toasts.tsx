import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

type Toast = { id: number; kind: 'info' | 'error'; text: string };
type ToastApi = { info: (text: string) => void; error: (text: string) => void };

const ToastContext = createContext<ToastApi>({ info: () => {}, error: () => {} });

let nextId = 1;

/** Short messages in a live region: errors are announced at once, the rest politely. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (kind: Toast['kind'], text: string) => {
      const id = nextId++;
      setToasts((list) => [...list.slice(-3), { id, kind, text }]);
      window.setTimeout(() => dismiss(id), kind === 'error' ? 8000 : 4000);
    },
    [dismiss],
  );
  const api = useMemo<ToastApi>(() => ({ info: (t) => push('info', t), error: (t) => push('error', t) }), [push]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts
          .filter((t) => t.kind === 'info')
          .map((t) => (
            <div key={t.id} className="toast">
              <span>{t.text}</span>
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
              <span>{t.text}</span>
              <button type="button" className="icon-button" aria-label="Dismiss error" onClick={() => dismiss(t.id)}>
                ×
              </button>
            </div>
          ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  return useContext(ToastContext);
}
