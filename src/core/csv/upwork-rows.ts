import { indexHeaders } from '../../shared/csv/headers';
import { cellAt as at } from './row-cells';

// Reading an Upwork transaction history's row (docs/domain.md §3), current and legacy layouts.

export const upworkCurrentAliases = {
  date: ['Date'],
  transactionId: ['Transaction ID'],
  type: ['Transaction type'],
  summary: ['Transaction summary'],
  summaryDetails: ['Transaction summary details'],
  d1: ['Description 1'],
  d2: ['Description 2'],
  d3: ['Description 3'],
  entered: ['Entered Description'],
  refId: ['Ref ID'],
  amount: ['Amount $', 'Amount'],
  /** docs/domain.md §7: the client a payment links its lead by. */
  client: ['Client team', 'Team'],
} as const;

export const upworkLegacyAliases = {
  date: ['Date'],
  refId: ['Ref ID'],
  type: ['Type'],
  description: ['Description'],
  amount: ['Amount'],
} as const;

/** A row's texts, trimmed; the legacy layout has no transaction ID and no client. */
export type UpworkRow = {
  date: string;
  txId: string;
  refId: string;
  type: string;
  amount: string;
  description: string;
  client: string;
};

/** Where each field of the file's layout stands, and how a row reads. */
export function upworkRowReader(headers: readonly string[], legacy: boolean) {
  const current = indexHeaders(headers, upworkCurrentAliases);
  const old = indexHeaders(headers, upworkLegacyAliases);
  const textColumns = [
    current.summary,
    current.summaryDetails,
    current.d1,
    current.d2,
    current.d3,
    current.entered,
  ].filter((i) => i !== undefined);
  const ix = legacy
    ? { date: old.date, txId: undefined, refId: old.refId, type: old.type, amount: old.amount, client: undefined }
    : {
        date: current.date,
        txId: current.transactionId,
        refId: current.refId,
        type: current.type,
        amount: current.amount,
        client: current.client,
      };

  /** Every text column of the row, each distinct one once, joined with " · ". */
  function describe(fields: readonly string[]): string {
    if (legacy) return at(fields, old.description);
    let out = '';
    const seen: string[] = [];
    for (const i of textColumns) {
      const text = at(fields, i);
      if (text === '' || seen.includes(text)) continue;
      seen.push(text);
      out = out === '' ? text : `${out} · ${text}`;
    }
    return out;
  }

  return {
    dateIndex: ix.date,
    amountField: legacy ? 'Amount' : 'Amount $',
    describe,
    at: (fields: readonly string[], field: keyof typeof ix) => at(fields, ix[field]),
    read: (fields: readonly string[]): UpworkRow => ({
      date: at(fields, ix.date),
      txId: at(fields, ix.txId),
      refId: at(fields, ix.refId),
      type: at(fields, ix.type),
      amount: at(fields, ix.amount),
      description: describe(fields),
      client: at(fields, ix.client),
    }),
  };
}
