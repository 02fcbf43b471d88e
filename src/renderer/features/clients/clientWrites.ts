import type { ClientDetail } from '../../../shared/api/schemas/clients';
import { type Applied, settled, type Write } from '../../lib/writes';

/**
 * A client's page after a save of that client: `clients:update` answers with the whole client (name, e-mails, first
 * source, lifetime figures), and its leads and channels do not change with it, so no refetch.
 */
export function applyClientWrite(shown: ClientDetail, write: Write): Applied<ClientDetail> {
  if (write.operation !== 'clients:update' || write.value.id !== shown.client.id) return undefined;
  return settled({ ...shown, client: write.value });
}
