import { api } from '../api';
import { applySourceWrite } from './sourceWrites';
import { useAsync } from './useAsync';

/** Channels for pickers and filters (archived ones only when asked); a channel written here updates in place. */
export function useSources(includeArchived = false) {
  return useAsync(() => api.sources.list({ includeArchived }), [includeArchived], {
    apply: applySourceWrite(includeArchived),
  });
}

export function useAppInfo() {
  return useAsync(() => api.app.info({}), []);
}
