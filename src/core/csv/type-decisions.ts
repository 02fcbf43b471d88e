import type { ExpenseCategory } from '../expenses/expenses-repo';

/** What the user decided a platform's unknown row type is (docs/domain.md §3.4); saved per platform. */
export type TypeDecision =
  | { as: 'payment' }
  | { as: 'fee' }
  | { as: 'expense'; category: ExpenseCategory }
  | { as: 'transfer' }
  | { as: 'ignore' };

/** By type key (compared case-, space- and hyphen-insensitively). */
export type TypeDecisions = Record<string, TypeDecision>;

export function typeKey(type: string): string {
  return type.toLowerCase().replace(/[\s\-_]+/g, '');
}
