import { leadMoney } from './lead-money-service';
import type { HandlersFor } from '../handler-types';

export const leadMoneyHandlers: HandlersFor<'money'> = {
  'money:lead': (ctx, { leadId }) => leadMoney(ctx, leadId),
};
