import { z } from 'zod';
import { op } from '../define';
import { count, currencyCode, hexColor, id } from '../fields';

const name = z.string().trim().min(1, 'Give the channel a name').max(60, 'At most 60 characters');

export const Source = z.object({
  id,
  name: z.string(),
  color: z.string(),
  archived: z.boolean(),
  /** Name of the bidding credit ("Connects"), or null when the channel has none. */
  creditName: z.string().nullable(),
  freeCreditsMonthly: z.number().int(),
  /** Current credit price, minor units. */
  creditPriceMinor: z.number().int().nullable(),
  creditCurrency: z.string().nullable(),
  /** Current commission rule in percent, null when none. */
  commissionPercent: z.number().nullable(),
  commissionMinFeeMinor: z.number().int().nullable(),
  leadCount: z.number().int(),
});
export type Source = z.infer<typeof Source>;

export const SourceCreate = z.object({
  name,
  color: hexColor.optional(),
  creditName: z.string().trim().max(30).nullable().optional(),
  freeCreditsMonthly: count.optional(),
  currency: currencyCode.optional(),
});

export const SourceUpdate = z.object({
  id,
  name: name.optional(),
  color: hexColor.optional(),
  archived: z.boolean().optional(),
  creditName: z.string().trim().max(30).nullable().optional(),
  freeCreditsMonthly: count.optional(),
});

export const sourcesContract = {
  'sources:list': op.read(
    z.object({ includeArchived: z.boolean().optional() }),
    z.array(Source),
    'The channels (sources) of leads, payments and costs',
  ),
  'sources:create': op.write(SourceCreate, Source, 'Add a channel'),
  'sources:update': op.write(SourceUpdate, Source, 'Rename, recolour or archive a channel'),
};
