import { isOperationName, isWriteOperation } from '../shared/api/contract';
import type { StoreMode } from '../core/host-store';
import type { Command } from './command';

/**
 * How a command's store opens for the call of `operation`: as the command says (`check` looks at the
 * file as it is), else as the contract marks the operation (docs/architecture.md, "Reads and writes"):
 * a read needs an existing database and creates no file or folder; a write opens or creates one. A
 * call that will not run (an unknown operation) creates nothing either way.
 */
export function storeModeFor(command: Pick<Command, 'store'>, operation: string): StoreMode {
  if (command.store) return command.store;
  return isOperationName(operation) && !isWriteOperation(operation) ? 'existing' : 'create';
}
