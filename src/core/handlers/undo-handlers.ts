import { undoActivityDelete, undoExpenseDelete, undoLeadDelete, undoPaymentDelete, undoSubscriptionDelete } from '../services/undo-service';
import type { HandlersFor } from './types';

// Undo of deletes (issue 13.6): each takes the snapshot its delete returned.
export const undoHandlers: HandlersFor<'undo'> = {
  'undo:lead': (ctx, { snapshot }) => undoLeadDelete(ctx, snapshot),
  'undo:payment': (ctx, { snapshot }) => undoPaymentDelete(ctx, snapshot),
  'undo:expense': (ctx, { snapshot }) => undoExpenseDelete(ctx, snapshot),
  'undo:activity': (ctx, { snapshot }) => undoActivityDelete(ctx, snapshot),
  'undo:subscription': (ctx, { snapshot }) => undoSubscriptionDelete(ctx, snapshot),
};
