import { parseAmount } from '../../shared/csv/amounts';
import { parseDate } from '../../shared/csv/dates';
import { indexHeaders, isDamaged } from '../../shared/csv/headers';
import { isCurrencyCode } from '../../shared/money';
import { boundedMemo } from './bounded-memo';
import { type Mapper, type PaymentDraft, type RowResult, RowError } from './drafts';
import { cellAt as at, rowErrorsAsInvalid } from './row-cells';
import type { FileProfile } from './file-profile';
import type { Layout } from './layouts';
import { DerivedKeys } from './own-formats';
import { paypalNames } from './paypal-names';
import { paypalClass, paypalCompleted } from './paypal-types';
import { PlanChanged } from './plan-changed';

// PayPal activity downloads in English, German (classic and 2023+), French and the short "balance
// affecting" layout (docs/domain.md §3). Money received is a payment with fee = Gross − Net (files
// disagree on the fee's sign; Net settles it); everything else is counted and skipped.

export const paypalAliases = paypalNames;

/** An id a spreadsheet turned into a number: `1,23456765432346E+021`, `1.23E+21`. */
const spreadsheetNumber = /^\d[\d.,]*E\+?\d+$/i;
/** Ids of any shape remembered to find one on rows that differ (a few MB at most). */
const rememberedIds = 50_000;

export function paypalMapper(
  headers: readonly string[],
  layout: Layout,
  profile: Pick<FileProfile, 'decimal' | 'dateFormat'>,
  sourceName: string,
): Mapper {
  const ix = indexHeaders(headers, paypalAliases);
  const keys = new DerivedKeys('paypal');
  const money = (raw: string, code: string, field: string): number => {
    if (raw === '') return 0;
    const parsed = parseAmount(raw, code, profile.decimal);
    if (!parsed.ok) throw new RowError(`${field}: ${parsed.message}`, field);
    return parsed.minor;
  };
  const header = (index: number | undefined) => (index === undefined ? '' : headers[index]!);
  // docs/domain.md §3: a spreadsheet turns long ids into one `1,23456765432346E+021` on every row. An id
  // that stands on rows differing in date, time or amount is no key: the file is keyed without ids.
  // Every id is remembered up to `rememberedIds` of them; beyond that (a download of a million rows),
  // only ids a spreadsheet wrote as a number, which is what damages them.
  const remembers = (map: Map<string, string>, id: string) => map.size < rememberedIds || spreadsheetNumber.test(id);
  const idRows = new Map<string, string>();
  const seenRows = new Map<string, string>();
  const rowOf = (fields: readonly string[]) =>
    [at(fields, ix.date), at(fields, ix.time), at(fields, ix.gross)].join('\u001f');
  let idsDamaged = false;
  /** A type or status a wrong decoding damaged (`Conclu�do`): read letter for letter, and said. */
  let textDamaged = false;
  // Types, statuses, currencies and days repeat on every row: each distinct text is looked up once.
  const classOf = boundedMemo(paypalClass);
  const completed = boundedMemo(paypalCompleted);
  const currencyOk = boundedMemo(isCurrencyCode);
  let dateFormat: string | undefined;
  let dateOf: (text: string) => string | undefined = () => undefined;

  function row(fields: readonly string[]): RowResult {
    const type = at(fields, ix.type);
    const cls = classOf(type);
    if (cls === 'transfer') return { kind: 'transfer', reason: type };
    const status = at(fields, ix.status);
    if (ix.status !== undefined && !completed(status))
      return { kind: 'skipped', reason: `not completed (${status || 'no status'})` };
    const code = at(fields, ix.currency).toUpperCase();
    if (!currencyOk(code))
      throw new RowError(
        `${header(ix.currency)} "${at(fields, ix.currency)}" is not an ISO 4217 code`,
        header(ix.currency),
      );
    const grossText = at(fields, ix.gross);
    if (grossText === '') throw new RowError(`${header(ix.gross)} is empty`, header(ix.gross));
    const gross = money(grossText, code, header(ix.gross));
    if (cls === 'refund' && gross > 0) return { kind: 'skipped', reason: 'refund received' };
    if (cls !== 'refund' && gross < 0) return { kind: 'skipped', reason: 'outgoing payment (purchase)' };
    if (gross === 0) return { kind: 'skipped', reason: 'zero amount' };
    const format = profile.dateFormat(ix.date);
    if (format !== dateFormat) {
      dateFormat = format;
      dateOf = boundedMemo((text) => parseDate(text, format));
    }
    const date = dateOf(at(fields, ix.date));
    if (!date)
      throw new RowError(
        `${header(ix.date)} "${at(fields, ix.date)}" is not a date like the others of the file (${format})`,
        header(ix.date),
      );
    const netText = at(fields, ix.net);
    const feeText = at(fields, ix.fee);
    // Net settles the fee's sign; without Net a fee column is PayPal's own (negative) sign.
    const fee =
      ix.net !== undefined && netText !== ''
        ? gross - money(netText, code, header(ix.net))
        : Math.abs(money(feeText, code, header(ix.fee))) * Math.sign(gross);
    const id = idsDamaged ? '' : at(fields, ix.transactionId);
    // Decided from the first rows of a big file: a damaged id they did not show changes the plan.
    if (id !== '') {
      const before = seenRows.get(id) ?? idRows.get(id);
      if (before !== undefined || remembers(seenRows, id)) {
        const what = rowOf(fields);
        if (before !== undefined && before !== what) throw new PlanChanged();
        seenRows.set(id, what);
      }
    }
    const description = (
      [at(fields, ix.name), at(fields, ix.subject) || at(fields, ix.itemTitle), at(fields, ix.note)]
        .filter(Boolean)
        .join(' · ') || type
    ).slice(0, 500);
    const ref = id
      ? `paypal:${id}`
      : keys.key(
          idsDamaged
            ? [date, at(fields, ix.time), type, grossText, code, at(fields, ix.name)]
            : [date, type, grossText, code, at(fields, ix.name)],
        );
    const draft: PaymentDraft = {
      type: 'payment',
      ref,
      date,
      source: sourceName,
      lead_ref: null,
      description,
      gross_minor: gross,
      fee_minor: fee,
      currency: code,
    };
    // Who paid, for "To assign" and client matching (docs/domain.md §7.5); refunds are not a client's payment.
    if (cls !== 'refund')
      draft.payer = { rail: 'paypal', payer_name: at(fields, ix.name), payer_email: at(fields, ix.fromEmail) };
    return { kind: 'drafts', drafts: [draft] };
  }

  return {
    format: layout.id,
    label: layout.label,
    prescan(fields) {
      if (!textDamaged && (isDamaged(at(fields, ix.type)) || isDamaged(at(fields, ix.status)))) textDamaged = true;
      const id = at(fields, ix.transactionId);
      if (idsDamaged || id === '') return;
      const before = idRows.get(id);
      if (before === undefined && !remembers(idRows, id)) return;
      const what = rowOf(fields);
      if (before === undefined) idRows.set(id, what);
      else if (before !== what) {
        idsDamaged = true;
        idRows.clear();
      }
    },
    prescanFromFirstRows: true,
    notes: () => [
      ...(textDamaged
        ? [
            'types or statuses damaged by a wrong decoding (� or ? where a letter was): read letter for letter around them',
          ]
        : []),
      ...(idsDamaged
        ? [
            'transaction ids damaged (one id on different rows, as a spreadsheet writes 1,23E+21): rows keyed by date, time, amount and name',
          ]
        : []),
    ],
    row: rowErrorsAsInvalid(row),
  };
}
