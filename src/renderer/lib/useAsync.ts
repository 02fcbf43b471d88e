import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { writesSince } from '../api/data-version';
import { useDataVersion } from './dataVersion';
import { type Applied, applyAll, type Write } from './writes';

export type AsyncState<T> = { data: T | undefined; error: Error | undefined; loading: boolean; reload: () => void };

export type AsyncOptions<T> = {
  /**
   * Applies a write to what is shown (helpers in lib/writes.ts): the record a write returned is shown at once, and
   * the hook fetches again only when the answer says so. Without it, every write fetches again.
   */
  apply?: (shown: T, write: Write) => Applied<T>;
};

/**
 * Runs `load` when its deps or the data version change; late answers of older runs are dropped. After a write,
 * a hook with `apply` that has its data (no load on its way) applies the writes since instead
 * (docs/architecture.md, "Reads and writes").
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options: AsyncOptions<T> = {},
): AsyncState<T> {
  const dataVersion = useDataVersion();
  const [state, setState] = useState<{ data: T | undefined; error: Error | undefined; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const run = useRef(0);
  // What is shown and the data version it is up to date with; null while a load is on its way or after a failure.
  const shown = useRef<{ data: T; version: number } | null>(null);
  // The deps and tick of the latest run: when they are the same, only the data version changed.
  const asked = useRef<unknown[] | null>(null);
  const { apply } = options;
  useEffect(() => {
    const key = [...deps, tick];
    const before = asked.current;
    asked.current = key;
    const onlyWrites = before !== null && before.length === key.length && key.every((d, i) => Object.is(d, before[i]));
    const base = shown.current;
    const writes = onlyWrites && apply && base ? writesSince(base.version) : undefined;
    const applied = writes && base && apply ? applyAll(base.data, writes, apply) : undefined;
    if (applied) {
      shown.current = { data: applied.data, version: dataVersion };
      setState({ data: applied.data, error: undefined, loading: applied.refetch });
      if (!applied.refetch) return;
    } else {
      setState((s) => ({ ...s, loading: true }));
    }
    shown.current = null;
    const current = ++run.current;
    const version = dataVersion;
    load().then(
      (data) => {
        if (current !== run.current) return;
        shown.current = { data, version };
        setState({ data, error: undefined, loading: false });
      },
      (error: Error) => current === run.current && setState((s) => ({ ...s, error, loading: false })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what `load` depends on
  }, [...deps, dataVersion, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
