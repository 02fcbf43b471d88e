import type { Preferences } from '../../../shared/api/schemas/preferences';
import { type Applied, settled, type Write } from '../../lib/writes';

/** A save answers with the whole preferences: they replace what is shown, with no refetch; any other write refetches. */
export const applyPreferencesWrite = (_shown: Preferences, write: Write): Applied<Preferences> =>
  write.operation === 'preferences:update' ? settled(write.value) : undefined;
