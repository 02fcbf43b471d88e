import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { useDataVersion } from './dataVersion';

export type AsyncState<T> = { data: T | undefined; error: Error | undefined; loading: boolean; reload: () => void };

/** Runs `load` when its deps or the data version change; late answers of older runs are dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const dataVersion = useDataVersion();
  const [state, setState] = useState<{ data: T | undefined; error: Error | undefined; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const run = useRef(0);
  useEffect(() => {
    const current = ++run.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current === run.current && setState({ data, error: undefined, loading: false }),
      (error: Error) => current === run.current && setState((s) => ({ ...s, error, loading: false })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what `load` depends on
  }, [...deps, dataVersion, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
