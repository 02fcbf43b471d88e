import type { z } from 'zod';
import { appContract } from './schemas/app';
import { costsContract } from './schemas/costs';
import { expensesContract } from './schemas/expenses';
import { paymentsContract } from './schemas/payments';
import { ratesContract } from './schemas/rates';
import { reportsContract } from './schemas/reports';
import { subscriptionsContract } from './schemas/subscriptions';
import { backupsContract } from './schemas/backups';
import { leadsContract } from './schemas/leads';
import { sourcesContract } from './schemas/sources';
import { csvContract } from './schemas/csv';
import { connectsContract } from './schemas/connects';
import { leadMoneyContract } from './schemas/lead-money';
import { dbContract } from './schemas/db';
import { activityContract, closeoutContract } from './schemas/activity';
import { preferencesContract } from './schemas/preferences';
import { undoContract } from './schemas/undo';
import { timeContract } from './schemas/time';
import { clientsContract } from './schemas/clients';
import { payerLinksContract } from './schemas/payer-links';
import { importsContract } from './schemas/reconcile';
import { visibilityContract } from './schemas/visibility';

/** Every operation of the app, defined once. Add a domain by spreading its contract here. */
export const contract = {
  ...appContract,
  ...sourcesContract,
  ...leadsContract,
  ...costsContract,
  ...subscriptionsContract,
  ...ratesContract,
  ...paymentsContract,
  ...expensesContract,
  ...reportsContract,
  ...backupsContract,
  ...csvContract,
  ...importsContract,
  ...connectsContract,
  ...leadMoneyContract,
  ...dbContract,
  ...activityContract,
  ...closeoutContract,
  ...preferencesContract,
  ...undoContract,
  ...timeContract,
  ...clientsContract,
  ...payerLinksContract,
  ...visibilityContract,
};

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type Input<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type Output<K extends OperationName> = z.output<Contract[K]['output']>;
/** The operations marked `op.write` (docs/architecture.md, "Reads and writes"). */
export type WriteOperationName = {
  [K in OperationName]: Contract[K]['kind'] extends 'write' ? K : never;
}[OperationName];
export type ReadOperationName = Exclude<OperationName, WriteOperationName>;

export const operationNames = Object.keys(contract) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Whether an operation may change what the app holds (false for an unknown name). */
export function isWriteOperation(name: string): name is WriteOperationName {
  return isOperationName(name) && contract[name].kind === 'write';
}
