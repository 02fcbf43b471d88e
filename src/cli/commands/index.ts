import type { Command } from '../command';
import { backupCommand } from './backup';
import { checkCommand } from './check';
import { restoreCommand } from './restore';
import { seedCommand } from './seed';
import { webCommand } from './web';

/** Every subcommand; add a command by importing it here. */
export const commands: readonly Command[] = [webCommand, seedCommand, backupCommand, restoreCommand, checkCommand];
