import { z } from 'zod';
import { op } from '../define';
import { currencyCode } from '../fields';
import { exchangeRate, isoMonth } from './money-fields';

export const FxRate = z.object({ currency: z.string(), month: z.string(), rate: z.string() });
export type FxRate = z.infer<typeof FxRate>;

export const ratesContract = {
  /** The rates of the current base; `otherBases` counts rates kept for earlier base currencies (never reinterpreted). */
  'rates:list': op.read(
    z.object({}),
    z.object({
      baseCurrency: z.string(),
      rates: z.array(FxRate),
      otherBases: z.array(z.object({ base: z.string(), rates: z.number().int() })),
    }),
    'Exchange rates of the base currency by currency and month; counts of rates kept for other bases',
  ),
  /** Insert or replace the rate of a currency for a month (base units per 1 unit). */
  'rates:set': op.write(
    z.object({ currency: currencyCode, month: isoMonth, rate: exchangeRate }),
    FxRate,
    'Set the rate of a currency for a month (base units per 1 unit)',
  ),
  'rates:delete': op.write(
    z.object({ currency: currencyCode, month: isoMonth }),
    z.object({ deleted: z.boolean() }),
    'Delete the rate of a currency for a month',
  ),
};
