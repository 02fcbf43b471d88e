import type { ReadOperationName } from './contract';

/**
 * The operations the contract marks `op.read`, written out for the renderer, which does not load the
 * contract's schemas (zod stays out of the first chunk: docs/performance.md). The compiler keeps the
 * two equal: a read missing here, or a write named here, does not compile (op-kinds.test.ts checks it
 * again at run time). Any other operation counts as a write, so a new one is announced by default.
 */
const reads = {
  'activity:timeline': true,
  'agenda:list': true,
  'app:first-day': true,
  'app:info': true,
  'backups:list': true,
  'clients:get': true,
  'clients:list': true,
  'clients:of-lead': true,
  'closeout:fee': true,
  'connects:ledger': true,
  'costs:list': true,
  'csv:export-file': true,
  'csv:inspect': true,
  'csv:job': true,
  'csv:mappings': true,
  'csv:preview': true,
  'csv:type-decisions': true,
  'expenses:list': true,
  'imports:list': true,
  'leads:board': true,
  'leads:follow-ups': true,
  'leads:get': true,
  'leads:list': true,
  'leads:tags': true,
  'money:lead': true,
  'payments:list': true,
  'payments:suggest-links': true,
  'payments:to-assign': true,
  'payments:to-assign-count': true,
  'preferences:get': true,
  'rates:list': true,
  'reasons:report': true,
  'reports:boost': true,
  'reports:channels': true,
  'reports:detail': true,
  'sources:list': true,
  'subscriptions:list': true,
  'time:list': true,
  'timer:get': true,
  'visibility:funnel': true,
  'visibility:plan': true,
  'visibility:proposals': true,
} satisfies Record<ReadOperationName, true>;

/** Whether the contract marks `name` a read: the renderer announces every other successful call as a write. */
export function isReadOperation(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(reads, name);
}
