import { closeLost, closeWon, previewFee } from './closeout-service';
import type { HandlersFor } from '../handler-types';

export const closeoutHandlers: HandlersFor<'closeout'> = {
  'closeout:won': (ctx, input) => closeWon(ctx, input),
  'closeout:lost': (ctx, input) => closeLost(ctx, input),
  'closeout:fee': (ctx, input) => previewFee(ctx, input),
};
