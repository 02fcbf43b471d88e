import type { Ctx } from '../core/context';

export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
};

export type CommandEnv = {
  /** Database path after --db / LEADLEDGER_DB / default. */
  dbPath: string;
  /** Opens the store (migrating it); commands that do not need it never call it. */
  openCtx: () => Ctx;
  io: CliIo;
};

export type Command = {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code; a long-running command (web) resolves when it stops. */
  run: (args: string[], env: CommandEnv) => Promise<number>;
};
