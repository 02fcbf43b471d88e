import { z } from 'zod';
import { op } from '../define';

export const DbCheck = z.object({
  schemaVersion: z.number().int(),
  /** False for an older schema that was opened as it is: its summary tables are not checked. */
  summariesChecked: z.boolean(),
  leads: z.number().int(),
  /** What is wrong, one sentence each (empty when all is well). */
  problems: z.array(z.string()),
  notes: z.array(z.string()),
  /** The summary tables were rebuilt from the data (`repair`). */
  repaired: z.boolean(),
});
export type DbCheck = z.infer<typeof DbCheck>;

export const dbContract = {
  'db:check': op.write(
    z.object({ repair: z.boolean().optional() }),
    DbCheck,
    'Check the database: every page, references and summary tables (repair rebuilds the summaries)',
  ),
};
