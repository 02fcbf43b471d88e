import type { Backup } from '../../shared/api/schemas/backups';
import type { BackupInfo } from '../db/backup';
import { backupDir, listBackups } from '../db/backup';
import { backupInBackground, restoreBackupByName, startupNotice } from './backup-service';
import { schemaVersion } from '../db/migrate';
import type { HandlersFor } from '../handler-types';

const toBackup = ({ name, createdAt, reason, sizeBytes }: BackupInfo): Backup => ({
  name,
  createdAt,
  reason,
  sizeBytes,
});

export const backupsHandlers: HandlersFor<'backups'> = {
  'backups:list': (ctx) => ({
    folder: backupDir(ctx.dbPath),
    backups: listBackups(ctx.dbPath).map(toBackup),
    notice: startupNotice(ctx),
  }),
  'backups:create': async (ctx) => toBackup(await backupInBackground(ctx, 'manual')),
  'backups:restore': async (ctx, { name }) => {
    const outcome = await restoreBackupByName(ctx, name);
    return { ...outcome, schemaVersion: schemaVersion(ctx.db) };
  },
};
