import { parseArgs } from 'node:util';
import { listBackups } from '../../core/backup/backup';
import { backupNow } from '../../core/backup/backup-service';
import type { Command } from '../command';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Write a checked backup of the database into backups/ next to it (or --list them)',
  usage: 'leadledger backup [--list]',
  async run(args, env) {
    const { values } = parseArgs({ args, options: { list: { type: 'boolean' } }, strict: true });
    if (values.list) {
      const backups = listBackups(env.dbPath);
      if (backups.length === 0) env.io.stdout(`No backups of ${env.dbPath} yet.\n`);
      for (const b of backups) env.io.stdout(`${b.createdAt}  ${b.reason.padEnd(13)}  ${megabytes(b.sizeBytes).padStart(9)}  ${b.path}\n`);
      return 0;
    }
    const ctx = env.openCtx();
    const backup = backupNow(ctx, 'manual');
    env.io.stdout(`Backed up ${env.dbPath} to ${backup.path} (${megabytes(backup.sizeBytes)}, integrity checked)\n`);
    return 0;
  },
};
