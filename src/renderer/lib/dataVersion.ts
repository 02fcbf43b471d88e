import { useSyncExternalStore } from 'react';
import { bumpDataVersion, currentDataVersion, subscribeDataVersion } from '../api/data-version';

/**
 * Says the data changed where no write of this window's api did it: an import job's rows land after
 * `csv:start-import` answered. The api announces every successful write itself (src/renderer/api/named-api.ts).
 */
export const notifyDataChanged = bumpDataVersion;

/**
 * Every page fetches and draws again although this window wrote nothing: the date format changed, or a
 * refused write says what is shown is out of date (a timer started or stopped elsewhere).
 */
export const refreshPages = bumpDataVersion;

/** Changes after every write: hooks that show data fetch again when it does (useAsync). */
export function useDataVersion(): number {
  return useSyncExternalStore(subscribeDataVersion, currentDataVersion);
}
