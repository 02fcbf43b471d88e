import type { Command } from '../command';
import { apiCommand } from './api';
import { backupCommand } from './backup';
import { checkCommand } from './check';
import { connectsCommand } from './connects';
import { exportCommand } from './export';
import { importCommand } from './import';
import { reportCommand } from './report';
import { restoreCommand } from './restore';
import { seedCommand } from './seed';
import { webCommand } from './web';
import { funnelCommand, planCommand } from './visibility';

/** Every subcommand; add a command by importing it here. */
export const commands: readonly Command[] = [
  webCommand,
  seedCommand,
  backupCommand,
  restoreCommand,
  checkCommand,
  importCommand,
  exportCommand,
  reportCommand,
  apiCommand,
  connectsCommand,
  funnelCommand,
  planCommand,
];
