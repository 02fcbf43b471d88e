import type { DayOrder } from '../../shared/csv/dates';
import { headerKey } from '../../shared/csv/headers';

// Every layout LeadLedger reads, told apart by the columns it must have (DOMAIN.md §3). Our own
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
  | 'stripe-balance'
  | 'stripe-payments';

export type Platform = 'leadledger' | 'upwork' | 'paypal' | 'stripe';

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

const leadDates = ['created_on', 'applied_on', 'closed_on', 'follow_up_on'];

export const layouts: readonly Layout[] = [
  {
    id: 'upwork', platform: 'upwork', label: 'Upwork transaction history',
    required: [['Date'], ['Transaction ID'], ['Transaction type'], ['Amount $', 'Amount']],
    amounts: ['Amount $', 'Amount'], dates: ['Date'], comma: false, dayOrder: 'month-first',
  },
  {
    id: 'upwork-legacy', platform: 'upwork', label: 'Upwork transaction history (legacy statement)',
    required: [['Date'], ['Ref ID'], ['Type'], ['Description'], ['Amount']], absent: ['Transaction ID'],
    amounts: ['Amount'], dates: ['Date'], comma: false, dayOrder: 'month-first',
  },
  {
    id: 'paypal', platform: 'paypal', label: 'PayPal activity download (English)',
    required: [['Date'], ['Type'], ['Currency'], ['Gross'], ['Fee'], ['Net'], ['Transaction ID']],
    amounts: ['Gross', 'Fee', 'Net'], dates: ['Date'], comma: false, dayOrder: 'month-first',
  },
  {
    id: 'paypal-balance', platform: 'paypal', label: 'PayPal activity download ("balance affecting", no fees)',
    required: [['Date'], ['Type'], ['Currency'], ['Amount'], ['Receipt ID'], ['Balance']], absent: ['Gross'],
    amounts: ['Amount', 'Balance'], dates: ['Date'], comma: false, dayOrder: 'month-first',
  },
  {
    id: 'paypal-de', platform: 'paypal', label: 'PayPal Aktivitäten-Download (German)',
    required: [['Datum'], ['Typ'], ['Währung'], ['Brutto'], ['Gebühr'], ['Netto'], ['Transaktionscode']],
    amounts: ['Brutto', 'Gebühr', 'Netto'], dates: ['Datum'], comma: true, dayOrder: 'day-first',
  },
  {
    id: 'paypal-de-2023', platform: 'paypal', label: 'PayPal Aktivitäten-Download (German, 2023 and later)',
    required: [['Datum'], ['Beschreibung'], ['Währung'], ['Brutto'], ['Entgelt'], ['Netto'], ['Transaktionscode']], absent: ['Typ'],
    amounts: ['Brutto', 'Entgelt', 'Netto'], dates: ['Datum'], comma: true, dayOrder: 'day-first',
  },
  {
    id: 'paypal-fr', platform: 'paypal', label: 'PayPal historique des transactions (French)',
    required: [['Date'], ['Type'], ['État'], ['Devise'], ['Avant commission'], ['Commission'], ['Net'], ['Numéro de transaction']],
    amounts: ['Avant commission', 'Commission', 'Net'], dates: ['Date'], comma: true, dayOrder: 'day-first',
  },
  {
    id: 'stripe-balance', platform: 'stripe', label: 'Stripe itemised balance report',
    required: [['balance_transaction_id'], ['created_utc', 'created'], ['currency'], ['gross'], ['reporting_category']],
    amounts: ['gross', 'fee', 'net'], dates: ['created_utc', 'created'], comma: false, dayOrder: 'ask',
  },
  {
    id: 'stripe-payments', platform: 'stripe', label: 'Stripe payments export',
    required: [['Created date (UTC)', 'Created (UTC)'], ['Amount'], ['Currency'], ['Fee'], ['Status']],
    amounts: ['Amount', 'Amount Refunded', 'Converted Amount', 'Converted Amount Refunded', 'Fee', 'Taxes On Fee'],
    dates: ['Created date (UTC)', 'Created (UTC)'], comma: false, dayOrder: 'ask',
  },
  {
    id: 'time', platform: 'leadledger', label: 'LeadLedger time entries',
    required: [['date'], ['kind'], ['minutes']], amounts: [], dates: ['date'], comma: false, dayOrder: 'ask',
  },
  {
    id: 'expenses', platform: 'leadledger', label: 'LeadLedger expenses',
    required: [['date'], ['category'], ['amount']], amounts: ['amount'], dates: ['date'], comma: false, dayOrder: 'ask',
  },
  {
    id: 'payments', platform: 'leadledger', label: 'LeadLedger payments',
    required: [['date'], ['gross']], amounts: ['gross', 'fee'], dates: ['date'], comma: false, dayOrder: 'ask',
  },
  {
    id: 'leads', platform: 'leadledger', label: 'LeadLedger leads',
    required: [['title'], ['source']], amounts: ['value'], dates: leadDates, comma: false, dayOrder: 'ask',
  },
];

export const layoutById = Object.fromEntries(layouts.map((l) => [l.id, l])) as Record<FormatId, Layout>;

/** Reports of a known platform that are not the export we read: named, never guessed. */
const otherReports: readonly { required: readonly string[]; message: string }[] = [
  {
    required: ['Date', 'Contract', 'Hours', 'Amount'],
    message: "This is Upwork's 'Earnings by contract' report; export the Transaction history instead (Reports → Transaction history → Download CSV)",
  },
  {
    required: ['Created (UTC)', 'Amount', 'Amount Refunded', 'User ID', 'Application ID'],
    message: "This is Stripe Connect's 'Collected fees' export; export Payments (or the itemised balance report) instead",
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
  return otherReports.find((r) => r.required.every((name) => columns.has(headerKey(name))))?.message;
}
