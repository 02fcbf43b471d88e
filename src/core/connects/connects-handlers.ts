import { adjustCredits, connectsLedgers, deleteEntry, setOpening } from './ledger-service';
import type { HandlersFor } from '../handler-types';

export const connectsHandlers: HandlersFor<'connects'> = {
  'connects:ledger': (ctx, input) => connectsLedgers(ctx, input),
  'connects:set-opening': (ctx, input) => setOpening(ctx, input),
  'connects:adjust': (ctx, input) => adjustCredits(ctx, input),
  'connects:delete-entry': (ctx, input) => deleteEntry(ctx, input),
};
