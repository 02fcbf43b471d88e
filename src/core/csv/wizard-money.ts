import { parseAmount } from '../../shared/csv/amounts';
import { formatMinorPlain } from '../../shared/money';
import type { Mapper, PaymentDraft } from './drafts';
import type { ColumnMapping } from './column-mapping';
import { cellAt } from './row-cells';

// docs/domain.md §3, the mapping wizard's money: the fee is a cost. A fee of the sign opposite to the
// gross (PayPal's negative fees) is read as positive; with a Net column the fee is Gross − Net; a
// fee larger than the gross, or a Gross, Fee and Net that do not add up, is an invalid row.

/** Why a row's fee was read otherwise than written, for the preview. */
export const feeReadAsCost = 'fee read as a cost (its sign is the opposite of the gross)';

export function wizardMoney(inner: Mapper, mapping: ColumnMapping): Mapper & { flipped: () => number } {
  let flipped = 0;
  const netIndex = mapping.columns.net;
  return {
    ...inner,
    flipped: () => flipped,
    row(fields, line) {
      const result = inner.row(fields, line);
      if (result.kind !== 'drafts' || result.drafts[0]?.type !== 'payment') return result;
      const d = result.drafts[0] as PaymentDraft;
      let fee = d.fee_minor;
      if (fee !== null && fee !== 0 && d.gross_minor !== 0 && Math.sign(fee) === -Math.sign(d.gross_minor)) {
        fee = -fee;
        flipped++;
      }
      const netText = cellAt(fields, netIndex);
      if (netText !== '') {
        const net = parseAmount(netText, d.currency, mapping.decimal);
        if (!net.ok) return { kind: 'invalid', message: `net: ${net.message}`, reason: 'net' };
        if (fee === null) fee = d.gross_minor - net.minor;
        else if (d.gross_minor - fee !== net.minor) {
          const m = (minor: number) => formatMinorPlain(minor, d.currency);
          return {
            kind: 'invalid',
            message: `gross ${m(d.gross_minor)} − fee ${m(fee)} is not the net ${m(net.minor)}: the row does not add up`,
            reason: 'net',
          };
        }
      }
      if (fee !== null && Math.abs(fee) > Math.abs(d.gross_minor))
        return { kind: 'invalid', message: 'fee is larger than gross', reason: 'fee' };
      d.fee_minor = fee;
      return result;
    },
  };
}
