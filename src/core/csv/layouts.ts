import type { DayOrder } from '../../shared/csv/dates';
import { headerKey } from '../../shared/csv/headers';
import { paypalNames } from './paypal-names';

// Every layout LeadLedger reads, told apart by the columns it must have (docs/domain.md §3). Our own
// formats need their required columns under their own names; platform layouts their distinctive ones.

export type FormatId =
  | 'leads'
  | 'payments'
  | 'expenses'
  | 'time'
  | 'upwork'
  | 'upwork-legacy'
  | 'paypal'
  | 'paypal-balance'
  | 'paypal-de'
  | 'paypal-de-2023'
  | 'paypal-fr'
  | 'paypal-statement'
  | 'paypal-intl'
  | 'wise'
  | 'stripe-balance'
  | 'stripe-payments'
  | 'toggl'
  | 'clockify'
  | 'harvest';

/** `tracker`: time trackers (docs/domain.md §6), read into time entries through the project mapping. */
export type Platform = 'leadledger' | 'upwork' | 'paypal' | 'stripe' | 'wise' | 'tracker';

export type Layout = {
  id: FormatId;
  platform: Platform;
  label: string;
  /** Each slot lists the names it may have; every slot must be present. */
  required: readonly (readonly string[])[];
  /** Columns whose presence rules the layout out (the newer layout of the same platform). */
  absent?: readonly string[];
  /** Money columns: the file's decimal separator is decided from all their cells. */
  amounts: readonly string[];
  /** Date columns: each gets the one format that reads all its cells. */
  dates: readonly string[];
  /** A comma-decimal locale (German, French headers) when the cells leave it open. */
  comma: boolean;
  dayOrder: DayOrder;
};

const leadDates = ['created_on', 'applied_on', 'closed_on', 'follow_up_on', 'viewed_on'];

export const layouts: readonly Layout[] = [
  {
    id: 'upwork',
    platform: 'upwork',
    label: 'Upwork transaction history',
    required: [['Date'], ['Transaction ID'], ['Transaction type'], ['Amount $', 'Amount']],
    amounts: ['Amount $', 'Amount'],
    dates: ['Date'],
    comma: false,
    dayOrder: 'month-first',
  },
  {
    id: 'upwork-legacy',
    platform: 'upwork',
    label: 'Upwork transaction history (legacy statement)',
    required: [['Date'], ['Ref ID'], ['Type'], ['Description'], ['Amount']],
    absent: ['Transaction ID'],
    amounts: ['Amount'],
    dates: ['Date'],
    comma: false,
    dayOrder: 'month-first',
  },
  {
    id: 'paypal',
    platform: 'paypal',
    label: 'PayPal activity download (English)',
    required: [['Date'], ['Type'], ['Currency'], ['Gross'], ['Fee'], ['Net'], ['Transaction ID']],
    amounts: ['Gross', 'Fee', 'Net'],
    dates: ['Date'],
    comma: false,
    dayOrder: 'month-first',
  },
  {
    id: 'paypal-balance',
    platform: 'paypal',
    label: 'PayPal activity download ("balance affecting", no fees)',
    required: [['Date'], ['Type'], ['Currency'], ['Amount'], ['Receipt ID'], ['Balance']],
    absent: ['Gross'],
    amounts: ['Amount', 'Balance'],
    dates: ['Date'],
    comma: false,
    dayOrder: 'month-first',
  },
  {
    id: 'paypal-de',
    platform: 'paypal',
    label: 'PayPal Aktivitäten-Download (German)',
    required: [['Datum'], ['Typ'], ['Währung'], ['Brutto'], ['Gebühr'], ['Netto'], ['Transaktionscode']],
    amounts: ['Brutto', 'Gebühr', 'Netto'],
    dates: ['Datum'],
    comma: true,
    dayOrder: 'day-first',
  },
  {
    id: 'paypal-de-2023',
    platform: 'paypal',
    label: 'PayPal Aktivitäten-Download (German, 2023 and later)',
    required: [['Datum'], ['Beschreibung'], ['Währung'], ['Brutto'], ['Entgelt'], ['Netto'], ['Transaktionscode']],
    absent: ['Typ'],
    amounts: ['Brutto', 'Entgelt', 'Netto'],
    dates: ['Datum'],
    comma: true,
    dayOrder: 'day-first',
  },
  {
    id: 'paypal-fr',
    platform: 'paypal',
    label: 'PayPal historique des transactions (French)',
    required: [
      ['Date'],
      ['Type'],
      ['État'],
      ['Devise'],
      ['Avant commission'],
      ['Commission'],
      ['Net'],
      ['Numéro de transaction'],
    ],
    amounts: ['Avant commission', 'Commission', 'Net'],
    dates: ['Date'],
    comma: true,
    dayOrder: 'day-first',
  },
  {
    // docs/domain.md §3: the Statement report (no Type, no Status; the type is the Description).
    id: 'paypal-statement',
    platform: 'paypal',
    label: 'PayPal Statement report',
    required: [['Date'], ['Description'], ['Currency'], ['Gross'], ['Net'], ['Transaction ID']],
    absent: ['Type', 'Status'],
    amounts: ['Gross', 'Fee', 'Net'],
    dates: ['Date'],
    comma: false,
    dayOrder: 'month-first',
  },
  {
    // Every other language (Spanish, Portuguese, Italian, Dutch …), activity download or Statement report: one family.
    id: 'paypal-intl',
    platform: 'paypal',
    label: 'PayPal activity download or Statement report',
    required: [
      paypalNames.date,
      paypalNames.type,
      paypalNames.currency,
      paypalNames.gross,
      paypalNames.net,
      paypalNames.transactionId,
    ],
    amounts: [...paypalNames.gross, ...paypalNames.fee, ...paypalNames.net],
    dates: paypalNames.date,
    comma: true,
    dayOrder: 'day-first',
  },
  {
    // docs/domain.md §3: 2020 and 2025 layouts, dates DD-MM-YYYY.
    id: 'wise',
    platform: 'wise',
    label: 'Wise statement',
    required: [['TransferWise ID'], ['Date'], ['Amount'], ['Currency'], ['Description']],
    amounts: ['Amount', 'Running Balance', 'Total fees', 'Exchange To Amount'],
    dates: ['Date'],
    comma: false,
    dayOrder: 'day-first',
  },
  {
    // docs/domain.md §6: Clockify "Detailed report" (before Toggl: both have Start Date).
    id: 'clockify',
    platform: 'tracker',
    label: 'Clockify detailed report',
    required: [['Start Date'], ['Duration (h)', 'Duration (decimal)', 'Time (h)', 'Time (decimal)']],
    absent: ['kind', 'minutes'],
    amounts: ['Duration (decimal)', 'Time (decimal)'],
    dates: ['Start Date'],
    comma: false,
    dayOrder: 'month-first',
  },
  {
    // Toggl Track "Detailed" CSV, or any subset of its columns that keeps Start date and Duration.
    id: 'toggl',
    platform: 'tracker',
    label: 'Toggl Track detailed report',
    required: [['Start date'], ['Duration']],
    absent: ['kind', 'minutes'],
    amounts: [],
    dates: ['Start date'],
    comma: false,
    dayOrder: 'ask',
  },
  {
    id: 'harvest',
    platform: 'tracker',
    label: 'Harvest detailed time report',
    required: [['Date'], ['Project'], ['Hours']],
    absent: ['kind', 'minutes', 'Contract'],
    amounts: ['Hours'],
    dates: ['Date'],
    comma: false,
    dayOrder: 'ask',
  },
  {
    id: 'stripe-balance',
    platform: 'stripe',
    label: 'Stripe itemised balance report',
    required: [['balance_transaction_id'], ['created_utc', 'created'], ['currency'], ['gross'], ['reporting_category']],
    amounts: ['gross', 'fee', 'net'],
    dates: ['created_utc', 'created'],
    comma: false,
    dayOrder: 'ask',
  },
  {
    id: 'stripe-payments',
    platform: 'stripe',
    label: 'Stripe payments export',
    required: [['Created date (UTC)', 'Created (UTC)'], ['Amount'], ['Currency'], ['Fee'], ['Status']],
    amounts: ['Amount', 'Amount Refunded', 'Converted Amount', 'Converted Amount Refunded', 'Fee', 'Taxes On Fee'],
    dates: ['Created date (UTC)', 'Created (UTC)'],
    comma: false,
    dayOrder: 'ask',
  },
  {
    id: 'time',
    platform: 'leadledger',
    label: 'LeadLedger time entries',
    required: [['date'], ['kind'], ['minutes']],
    amounts: [],
    dates: ['date'],
    comma: false,
    dayOrder: 'ask',
  },
  {
    id: 'expenses',
    platform: 'leadledger',
    label: 'LeadLedger expenses',
    required: [['date'], ['category'], ['amount']],
    amounts: ['amount'],
    dates: ['date'],
    comma: false,
    dayOrder: 'ask',
  },
  {
    id: 'payments',
    platform: 'leadledger',
    label: 'LeadLedger payments',
    // A file with Net or a transaction id is a platform's (PayPal's Statement report), never ours (docs/domain.md §3).
    required: [['date'], ['gross']],
    absent: ['Net', 'Netto', 'Neto', 'Transaction ID'],
    amounts: ['gross', 'fee'],
    dates: ['date'],
    comma: false,
    dayOrder: 'ask',
  },
  {
    id: 'leads',
    platform: 'leadledger',
    label: 'LeadLedger leads',
    required: [['title'], ['source']],
    amounts: ['value'],
    dates: leadDates,
    comma: false,
    dayOrder: 'ask',
  },
];

export const layoutById = Object.fromEntries(layouts.map((l) => [l.id, l])) as Record<FormatId, Layout>;

/** Reports of a known platform that are not the export we read: named, never guessed. */
const otherReports: readonly { required: readonly string[]; absent?: readonly string[]; message: string }[] = [
  {
    required: ['Project', 'Duration'],
    absent: ['Start date', 'Start time', 'Date'],
    message:
      'This is a Toggl Track Summary report: export the Detailed report instead (Reports → Detailed → Export → CSV)',
  },
  {
    required: ['Project', 'Time (h)'],
    absent: ['Start Date', 'Date'],
    message:
      'This is a Clockify Summary report: export the Detailed report instead (Reports → Detailed → Export → CSV)',
  },
  {
    required: ['Project', 'Time (decimal)'],
    absent: ['Start Date', 'Date'],
    message:
      'This is a Clockify Summary report: export the Detailed report instead (Reports → Detailed → Export → CSV)',
  },
  {
    required: ['Project', 'Hours'],
    absent: ['Date', 'Start date', 'Start Date'],
    message:
      'This is a Harvest time summary: export the detailed time report instead (Reports → Time → Detailed report → Export → CSV)',
  },
  {
    required: ['Date', 'Contract', 'Hours', 'Amount'],
    message:
      "This is Upwork's 'Earnings by contract' report; export the Transaction history instead (Reports → Transaction history → Download CSV)",
  },
  {
    required: ['Created (UTC)', 'Amount', 'Amount Refunded', 'User ID', 'Application ID'],
    message:
      "This is Stripe Connect's 'Collected fees' export; export Payments (or the itemised balance report) instead",
  },
];

export type Recognised = { layout: Layout; because: string[] };

function columnsOf(headers: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const h of headers) if (!map.has(headerKey(h))) map.set(headerKey(h), h);
  return map;
}

/** The header names that make `layout` (in the file's spelling), or the slots it lacks. */
export function matchLayout(headers: readonly string[], layout: Layout): { because: string[]; missing: string[] } {
  const columns = columnsOf(headers);
  const because: string[] = [];
  const missing: string[] = [];
  for (const slot of layout.required) {
    const found = slot.map((name) => columns.get(headerKey(name))).find((h) => h !== undefined);
    if (found === undefined) missing.push(slot[0]!);
    else because.push(found);
  }
  for (const name of layout.absent ?? []) if (columns.has(headerKey(name))) missing.push(`no ${name}`);
  return { because, missing };
}

export function recognise(headers: readonly string[], among: readonly Layout[] = layouts): Recognised | undefined {
  for (const layout of among) {
    const { because, missing } = matchLayout(headers, layout);
    if (missing.length === 0) return { layout, because };
  }
  return undefined;
}

/** "This is Upwork's 'Earnings by contract' report; …" when the header is one of those. */
export function otherReportOf(headers: readonly string[]): string | undefined {
  const columns = columnsOf(headers);
  return otherReports.find(
    (r) =>
      r.required.every((name) => columns.has(headerKey(name))) &&
      !(r.absent ?? []).some((name) => columns.has(headerKey(name))),
  )?.message;
}
