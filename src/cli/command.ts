import type { Input, OperationName, Output } from '../shared/api/contract';
import type { ApiResult } from '../shared/api/result';
import type { DispatchOptions } from '../core/dispatch';
import type { StoreMode } from '../core/host-store';

export type CliIo = {
  /** Returns false when the stream is full: wait for `drain` before writing more. */
  stdout: (text: string) => boolean | void;
  stderr: (text: string) => void;
  isTty: boolean;
  drain?: () => Promise<void>;
  /** All of standard input (`leadledger api OPERATION -`); more than `maxBytes` throws a CliError, having read no further. */
  readStdin?: (maxBytes: number) => Promise<string>;
};

export type CommandEnv = {
  /** Database path after --db / LEADLEDGER_DB / default. */
  dbPath: string;
  io: CliIo;
  /**
   * Calls an operation through dispatch, on the store opened at the first call as the command's
   * `store` says. An error envelope throws a CliError with one line naming the fields.
   */
  call: <K extends OperationName>(
    name: K,
    input: Input<K>,
    onProgress?: DispatchOptions['onProgress'],
  ) => Promise<Output<K>>;
  /** The raw envelope, for `leadledger api`; a store that cannot be opened is an error envelope too. */
  dispatch: (name: string, input: unknown) => Promise<ApiResult<unknown>>;
};

export type Command = {
  name: string;
  summary: string;
  usage: string;
  /**
   * How the store opens at the first call; by default the contract decides from the operation called
   * (storeModeFor: a read needs an existing database, a write opens or creates one).
   */
  store?: StoreMode;
  /** The command answers `--help` itself (it then finds `--help` in its args). */
  ownHelp?: boolean;
  /** Returns the exit code; a long-running command (web) resolves when it stops. */
  run: (args: string[], env: CommandEnv) => Promise<number>;
};
