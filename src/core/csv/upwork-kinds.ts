import type { ExpenseCategory } from '../expenses/expenses-repo';
import { boundedMemo } from './bounded-memo';
import { type TypeDecision, type TypeDecisions, typeKey } from './type-decisions';

// Row classification of an Upwork transaction history (docs/domain.md §3): what each transaction type is.

type Kind =
  | { as: 'payment' }
  | { as: 'payment-if-positive' }
  | { as: 'fee' }
  | { as: 'refund' }
  | { as: 'expense'; category: ExpenseCategory }
  | { as: 'membership' }
  | { as: 'transfer' }
  | { as: 'ignore' };

/** A row's kind once a membership is read as Connects or a subscription. */
export type RowKind = Exclude<Kind, { as: 'membership' }>;

/** docs/domain.md §3's table, by type key. */
const kinds: Record<string, Kind> = {
  hourly: { as: 'payment' },
  fixedprice: { as: 'payment' },
  milestone: { as: 'payment' },
  bonus: { as: 'payment' },
  miscellaneous: { as: 'payment-if-positive' },
  servicefee: { as: 'fee' },
  refund: { as: 'refund' },
  refundtoclient: { as: 'refund' },
  servicefeerefund: { as: 'fee' },
  connects: { as: 'expense', category: 'connects' },
  membershipfee: { as: 'membership' },
  subscription: { as: 'membership' },
  withdrawalfee: { as: 'expense', category: 'fee' },
  processingfee: { as: 'expense', category: 'fee' },
  gst: { as: 'expense', category: 'tax' },
  vat: { as: 'expense', category: 'tax' },
  tax: { as: 'expense', category: 'tax' },
  wht: { as: 'expense', category: 'tax' },
  withdrawal: { as: 'transfer' },
  payment: { as: 'transfer' },
  deposit: { as: 'transfer' },
};

export const upworkTypes = Object.keys(kinds);

function decided(d: TypeDecision): RowKind {
  return d.as === 'expense'
    ? { as: 'expense', category: d.category }
    : d.as === 'ignore'
      ? { as: 'ignore' }
      : d.as === 'transfer'
        ? { as: 'transfer' }
        : d.as === 'fee'
          ? { as: 'fee' }
          : { as: 'payment' };
}

/** "Fees for additional Connects (10)", "80 Connects": the number bought. */
export function connectsCount(text: string): number {
  const m = /\((\d{1,7})\)/.exec(text) ?? /(\d{1,7})\s+connects?\b/i.exec(text);
  return m ? Number(m[1]) : 0;
}

const namesConnects = /\bconnects?\b/i;

/** The kinds of one file's rows: the table above, then the user's decisions for types it does not know. */
export function upworkKinds(decisions: TypeDecisions) {
  // A type's key and table entry, worked out once per distinct type text of the file.
  const typeOf = boundedMemo((type: string) => {
    const key = typeKey(type);
    const known = kinds[key];
    const decision = known ? undefined : decisions[key];
    return { key, known, fallback: decision ? decided(decision) : undefined };
  });
  return {
    keyOf: (type: string): string => typeOf(type).key,
    /** Undefined: a type neither the table nor a decision names. */
    kindOf(type: string, description: string): RowKind | undefined {
      const { known, fallback } = typeOf(type);
      if (known?.as === 'membership')
        return namesConnects.test(description)
          ? { as: 'expense', category: 'connects' }
          : { as: 'expense', category: 'subscription' };
      if (known) return known as RowKind;
      return fallback;
    },
    /** What the first pass needs of a row's kind: memberships are expenses whatever their description says. */
    linkKind(type: string): 'fee' | 'payment' | undefined {
      const { known, fallback } = typeOf(type);
      const as = (known ?? fallback)?.as;
      return as === 'fee'
        ? 'fee'
        : as === 'payment' || as === 'refund' || as === 'payment-if-positive'
          ? 'payment'
          : undefined;
    },
  };
}
