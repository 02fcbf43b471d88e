import type { Source } from '../../shared/api/schemas/sources';
import { type Applied, replaceById, settled, type Write } from './writes';

/**
 * A channel list (`sources:list`, archived ones too when `withArchived`) after a write: the channel a create or an
 * update returned is all such a list shows of it, so it takes its place with no refetch. The list is ordered by
 * archived, then the order channels were added in (a new one comes last of the active ones); a channel archived or
 * restored in a list of both moves where only the store knows, so that one is fetched again.
 */
export function applySourceWrite(withArchived: boolean) {
  return (shown: Source[], write: Write): Applied<Source[]> => {
    if (write.operation === 'sources:create') {
      const source = write.value;
      if (shown.some((s) => s.id === source.id)) return settled(replaceById(shown, source)!);
      const firstArchived = shown.findIndex((s) => s.archived);
      const at = firstArchived < 0 ? shown.length : firstArchived;
      return settled([...shown.slice(0, at), source, ...shown.slice(at)]);
    }
    if (write.operation !== 'sources:update') return undefined;
    const source = write.value;
    const before = shown.find((s) => s.id === source.id);
    if (!withArchived && source.archived) return settled(shown.filter((s) => s.id !== source.id));
    if (!before || before.archived !== source.archived) return undefined;
    return settled(replaceById(shown, source)!);
  };
}
