import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useDataVersion } from '../../lib/dataVersion';

/** How many payments wait in "To assign", for the sidebar badge. */
export function useToAssignCount(): number {
  const version = useDataVersion();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    api.payments.toAssignCount({}).then(
      (r) => live && setCount(r.count),
      () => live && setCount(0),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return count;
}
