import { z } from 'zod';
import { op } from '../define';
import { currencyCode } from '../fields';

export const AppInfo = z.object({
  version: z.string(),
  dbPath: z.string(),
  schemaVersion: z.number().int(),
  baseCurrency: z.string(),
  leadCount: z.number().int(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const sampleCount = z.number().int().min(0).max(10_000_000).optional();

export const appContract = {
  'app:info': op(z.object({}), AppInfo, 'Version, database path, schema version, base currency and lead count'),
  'settings:update': op(z.object({ baseCurrency: currencyCode.optional() }), AppInfo, 'Change settings (the base currency of reports)'),
  'sample:load': op(
    // The CLI and benchmarks seed millions; the page asks for a few hundred.
    z.object({
      leads: sampleCount,
      seed: z.number().int().optional(),
      /** Extra standalone payments and expenses besides those of the leads. */
      payments: sampleCount,
      expenses: sampleCount,
    }),
    z.object({ leads: z.number().int(), payments: z.number().int(), expenses: z.number().int() }),
    'Write synthetic sample leads, payments and costs (the "Load sample data" generator)',
  ),
};
