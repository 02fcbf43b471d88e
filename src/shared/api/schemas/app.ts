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

/** The first-day guide: which of its steps the database shows done (and how many leads it holds). */
export const FirstDay = z.object({
  channels: z.boolean(),
  connects: z.boolean(),
  lead: z.boolean(),
  import: z.boolean(),
  time: z.boolean(),
  leads: z.number().int(),
});
export type FirstDay = z.infer<typeof FirstDay>;

const sampleCount = z.number().int().min(0).max(10_000_000).optional();

export const appContract = {
  'app:info': op.read(z.object({}), AppInfo, 'Version, database path, schema version, base currency and lead count'),
  'app:first-day': op.read(
    z.object({}),
    FirstDay,
    "The first-day guide's steps: channels, opening Connects, a lead, an import, time logged",
  ),
  'settings:update': op.write(
    z.object({ baseCurrency: currencyCode.optional() }),
    AppInfo,
    'Change settings (the base currency of reports)',
  ),
  'sample:load': op.write(
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
