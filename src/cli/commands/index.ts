import type { Command } from '../command';
import { seedCommand } from './seed';
import { webCommand } from './web';

/** Every subcommand; add a command by importing it here. */
export const commands: readonly Command[] = [webCommand, seedCommand];
