import { z } from 'zod';
import { op } from '../define';
import { id } from '../fields';
import { Payment } from './payments';

/** A lead's own money: its payments and fees, the connects it spent at the day's price, its profit. */
export const LeadMoney = z.object({
  leadId: id,
  currency: z.string(),
  payments: z.array(Payment),
  connects: z.object({
    spent: z.number().int(),
    refunded: z.number().int(),
    net: z.number().int(),
    /** The channel's credit price on the lead's created day (null: none set). */
    unitPriceMinor: z.number().int().nullable(),
    priceCurrency: z.string().nullable(),
  }),
  /** Base currency minor units; amounts without a rate are left out and listed in warnings. */
  revenue: z.number().int(),
  fees: z.number().int(),
  connectsCost: z.number().int(),
  profit: z.number().int(),
  warnings: z.array(z.string()),
});
export type LeadMoney = z.infer<typeof LeadMoney>;

export const leadMoneyContract = {
  'money:lead': op.read(z.object({ leadId: id }), LeadMoney, "One lead's payments, fees, connects cost and profit"),
};
