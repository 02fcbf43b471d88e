import { api } from '../api';
import { useAsync } from './useAsync';

/** Channels for pickers and filters (archived ones only when asked). */
export function useSources(includeArchived = false) {
  return useAsync(() => api.sources.list({ includeArchived }), [includeArchived]);
}

export function useAppInfo() {
  return useAsync(() => api.app.info({}), []);
}
