import { z } from 'zod';
import { op } from '../define';

export const BackupReason = z.enum(['manual', 'startup', 'daily', 'pre-migration', 'pre-import', 'pre-restore']);

export const Backup = z.object({
  name: z.string(),
  createdAt: z.string(),
  reason: BackupReason,
  sizeBytes: z.number().int().nonnegative(),
});
export type Backup = z.infer<typeof Backup>;

/** A bare file name from the backups folder: no separators, so no path can be smuggled in. */
const backupName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._-]+\.db$/, 'Choose a backup from the list');

export const backupsContract = {
  'backups:list': op.read(
    z.object({}),
    z.object({
      folder: z.string(),
      backups: z.array(Backup),
      /** What happened at start, e.g. a damaged database opened read-only, or a backup restored into it at the user's choice. */
      notice: z.string().nullable(),
    }),
    'List the backups beside the database, with what happened at start',
  ),
  'backups:create': op.write(z.object({}), Backup, 'Make a checked backup now'),
  'backups:restore': op.write(
    z.object({ name: backupName }),
    z.object({ restored: z.string(), keptCopy: z.string(), schemaVersion: z.number().int() }),
    'Replace the database with a backup from the list (the current one is kept as a backup)',
  ),
};
