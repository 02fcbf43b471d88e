import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../command';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Write a checked backup of the database into backups/ next to it (or --list them)',
  usage: 'leadledger backup [--list]',
  async run(args, env) {
    const { values } = parseArgs({ args, options: { list: { type: 'boolean' } }, strict: true });
    if (values.list) {
      const { folder, backups } = await env.call('backups:list', {});
      if (backups.length === 0) env.io.stdout(`No backups of ${env.dbPath} yet.\n`);
      for (const b of backups)
        env.io.stdout(
          `${b.createdAt}  ${b.reason.padEnd(13)}  ${megabytes(b.sizeBytes).padStart(9)}  ${path.join(folder, b.name)}\n`,
        );
      return 0;
    }
    const backup = await env.call('backups:create', {});
    const { folder } = await env.call('backups:list', {});
    env.io.stdout(
      `Backed up ${env.dbPath} to ${path.join(folder, backup.name)} (${megabytes(backup.sizeBytes)}, integrity checked)\n`,
    );
    return 0;
  },
};
