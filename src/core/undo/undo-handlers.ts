import { undoDeleted } from './undo-service';
import type { HandlersFor } from '../handler-types';

// Undo of deletes (docs/domain.md §7.7): each names the undoId its delete returned.
export const undoHandlers: HandlersFor<'undo'> = {
  'undo:lead': (ctx, { undoId }) => undoDeleted(ctx, 'lead', undoId),
  'undo:payment': (ctx, { undoId }) => undoDeleted(ctx, 'payment', undoId),
  'undo:expense': (ctx, { undoId }) => undoDeleted(ctx, 'expense', undoId),
  'undo:activity': (ctx, { undoId }) => undoDeleted(ctx, 'activity', undoId),
  'undo:subscription': (ctx, { undoId }) => undoDeleted(ctx, 'subscription', undoId),
};
