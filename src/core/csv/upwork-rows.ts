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
  const dateIx = legacy ? old.date : current.date;
  const txIdIx = legacy ? undefined : current.transactionId;
  const refIdIx = legacy ? old.refId : current.refId;
  const typeIx = legacy ? old.type : current.type;
  const amountIx = legacy ? old.amount : current.amount;
  const clientIx = legacy ? undefined : current.client;

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
    dateIndex: dateIx,
    amountField: legacy ? 'Amount' : 'Amount $',
    describe,
    /** The cells the first pass reads (fee-links.ts). */
    type: (fields: readonly string[]) => at(fields, typeIx),
    txId: (fields: readonly string[]) => at(fields, txIdIx),
    refId: (fields: readonly string[]) => at(fields, refIdIx),
    amount: (fields: readonly string[]) => at(fields, amountIx),
    read: (fields: readonly string[]): UpworkRow => ({
      date: at(fields, dateIx),
      txId: at(fields, txIdIx),
      refId: at(fields, refIdIx),
      type: at(fields, typeIx),
      amount: at(fields, amountIx),
      description: describe(fields),
      client: at(fields, clientIx),
    }),
  };
}
