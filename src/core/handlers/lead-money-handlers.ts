import { leadMoney } from '../services/lead-money-service';
import type { HandlersFor } from './types';

export const leadMoneyHandlers: HandlersFor<'money'> = {
  'money:lead': (ctx, { leadId }) => leadMoney(ctx, leadId),
};
