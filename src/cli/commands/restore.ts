import path from 'node:path';
import { parseArgs } from 'node:util';
import { restoreStore } from '../../core/host-store';
import { CliError } from '../cli-error';
import type { Command } from '../command';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Load a backup FILE into the database (the current content is kept as a backup first)',
  usage: 'leadledger restore FILE',
  async run(args, env) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    if (positionals.length !== 1)
      throw new CliError('restore needs exactly one backup FILE (see leadledger backup --list)', 2);
    // A store action (the current file may be missing or damaged), done before anything opens it.
    const outcome = await restoreStore(env.dbPath, path.resolve(positionals[0]!));
    const kept = outcome.keptCopy ? ` The database it replaced was kept as ${outcome.keptCopy}.` : '';
    env.io.stdout(`Restored ${outcome.restored} into ${env.dbPath}.${kept}\n`);
    return 0;
  },
};
