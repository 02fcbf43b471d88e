import { z } from 'zod';
import { op } from '../define';
import { count, currencyCode } from '../fields';

export const AppInfo = z.object({
  version: z.string(),
  dbPath: z.string(),
  schemaVersion: z.number().int(),
  baseCurrency: z.string(),
  leadCount: z.number().int(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appContract = {
  'app:info': op(z.object({}), AppInfo),
  'settings:update': op(z.object({ baseCurrency: currencyCode.optional() }), AppInfo),
  'sample:load': op(
    z.object({ leads: count.max(200_000).optional(), seed: z.number().int().optional() }),
    z.object({ leads: z.number().int(), payments: z.number().int(), expenses: z.number().int() }),
  ),
};
