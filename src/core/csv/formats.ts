import type { DecimalSeparator } from '../../shared/csv/amounts';
import type { DateFormat } from '../../shared/csv/dates';
import { duplicateHeaders, headerKey, indexHeaders } from '../../shared/csv/headers';
import { AppError } from '../../shared/api/result';
import { isCurrencyCode } from '../../shared/money';
import { type Mapper, RowError } from './drafts';
import { convertOwnRow, DerivedKeys, ownAliases, type Target } from './own-formats';
import { paypalMapper, stripeBalanceMapper, stripePaymentsMapper } from './paypal-stripe';
import { upworkMapper } from './upwork';

export type FormatId = 'leads' | 'payments' | 'expenses' | 'upwork' | 'upwork-legacy' | 'paypal' | 'stripe-balance' | 'stripe-payments';
export type ImportAs = Target | 'upwork' | 'paypal' | 'stripe';

export const formatLabels: Record<FormatId | 'mapping', string> = {
  leads: 'LeadLedger leads',
  payments: 'LeadLedger payments',
  expenses: 'LeadLedger expenses',
  upwork: 'Upwork transaction history',
  'upwork-legacy': 'Upwork transaction history (legacy layout)',
  paypal: 'PayPal activity download',
  'stripe-balance': 'Stripe balance report',
  'stripe-payments': 'Stripe payments export',
  mapping: 'Mapped with a saved mapping',
};

/** Columns each format must have (names as in the file, compared like headers). */
const required: Record<FormatId, readonly string[][]> = {
  upwork: [['Date'], ['Transaction ID'], ['Transaction type'], ['Amount $', 'Amount']],
  'upwork-legacy': [['Date'], ['Ref ID'], ['Type'], ['Amount', 'Amount $'], ['Balance']],
  paypal: [['Date'], ['Type'], ['Currency'], ['Gross'], ['Fee'], ['Transaction ID']],
  'stripe-balance': [['balance_transaction_id'], ['reporting_category'], ['gross'], ['currency']],
  'stripe-payments': [['id'], ['Created date (UTC)', 'Created (UTC)'], ['Amount'], ['Currency']],
  leads: [ownAliases.leads.title as string[], ownAliases.leads.created_on as string[]],
  payments: [ownAliases.payments.date as string[], ownAliases.payments.gross as string[]],
  expenses: [ownAliases.expenses.date as string[], ownAliases.expenses.category as string[], ownAliases.expenses.amount as string[]],
};

function missing(headers: readonly string[], format: FormatId): string[] {
  const keys = new Set(headers.map(headerKey));
  return required[format].filter((alts) => !alts.some((a) => keys.has(headerKey(a)))).map((alts) => alts[0]!);
}

// Platform layouts first: they are the most specific. Own formats last, expenses before payments
// (an expenses file has date + amount + category; a payments file has gross).
const detectionOrder: FormatId[] = ['upwork', 'upwork-legacy', 'paypal', 'stripe-balance', 'stripe-payments', 'expenses', 'payments', 'leads'];

export function detectFormat(headers: readonly string[]): FormatId | undefined {
  return detectionOrder.find((f) => missing(headers, f).length === 0);
}

/** The format to use for `--as`, checking the file has its columns. */
export function resolveFormat(headers: readonly string[], as: ImportAs | undefined): FormatId {
  const candidates: FormatId[] =
    as === undefined ? detectionOrder : as === 'upwork' ? ['upwork', 'upwork-legacy'] : as === 'stripe' ? ['stripe-balance', 'stripe-payments'] : [as];
  const found = candidates.find((f) => missing(headers, f).length === 0);
  if (found) return found;
  if (as === undefined) {
    throw new AppError(
      'invalid_input',
      `The columns (${headers.slice(0, 6).join(', ')}${headers.length > 6 ? ', …' : ''}) are not a format LeadLedger knows: map them with the import wizard in the app, or pass --mapping NAME`,
    );
  }
  throw new AppError('invalid_input', `This file is not ${as} CSV: it has no column ${missing(headers, candidates[0]!).join(', ')}`);
}

/** A user's column mapping (the wizard's output; saved by name in csv_mappings). */
export type ColumnMapping = {
  target: Target;
  /** Our field name -> column index in the file. */
  columns: Record<string, number>;
  dateFormat: DateFormat;
  decimal: DecimalSeparator;
  source?: string | undefined;
  currency?: string | undefined;
};

export type MapperOptions = { baseCurrency: string; source?: string | undefined };

function ownMapper(target: Target, columns: Partial<Record<string, number>>, convert: Omit<Parameters<typeof convertOwnRow>[2], 'baseCurrency'> & MapperOptions, format: string, label: string): Mapper {
  const keys = new DerivedKeys(`csv-${target}`);
  const options = { ...convert, defaultSource: convert.source ?? convert.defaultSource };
  return {
    format,
    label,
    row(fields) {
      const get = (field: string) => {
        const index = columns[field];
        return index === undefined ? '' : (fields[index] ?? '');
      };
      try {
        return { kind: 'drafts', drafts: [convertOwnRow(target, get, options, keys, fields)] };
      } catch (error) {
        if (error instanceof RowError) return { kind: 'invalid', message: error.message };
        throw error;
      }
    },
  };
}

export function mapperFor(format: FormatId, headers: readonly string[], options: MapperOptions): Mapper {
  switch (format) {
    case 'upwork':
    case 'upwork-legacy':
      return upworkMapper(headers, format === 'upwork-legacy', options.source ?? 'Upwork');
    case 'paypal':
      return paypalMapper(headers, options.source ?? 'PayPal');
    case 'stripe-balance':
      return stripeBalanceMapper(headers, options.source ?? 'Stripe');
    case 'stripe-payments':
      return stripePaymentsMapper(headers, options.source ?? 'Stripe');
    default: {
      const columns = indexHeaders(headers, ownAliases[format] as Record<string, readonly string[]>);
      return ownMapper(format, columns, { unescape: true, dateFormat: 'YYYY-MM-DD', decimal: '.', ...options }, format, formatLabels[format]);
    }
  }
}

export function mappingMapper(mapping: ColumnMapping, headerCount: number, options: MapperOptions): Mapper {
  if (mapping.currency && !isCurrencyCode(mapping.currency.toUpperCase())) {
    throw new AppError('invalid_input', `"${mapping.currency}" is not an ISO 4217 currency code`, [{ path: 'mapping.currency', message: 'Unknown ISO 4217 currency code' }]);
  }
  for (const [field, index] of Object.entries(mapping.columns)) {
    if (!(field in ownAliases[mapping.target])) throw new AppError('invalid_input', `The mapping names an unknown ${mapping.target} field "${field}"`);
    if (index < 0 || index >= headerCount) throw new AppError('invalid_input', `The mapping uses column ${index + 1}, but the file has ${headerCount}`);
  }
  return ownMapper(
    mapping.target,
    mapping.columns,
    { unescape: false, dateFormat: mapping.dateFormat, decimal: mapping.decimal, defaultCurrency: mapping.currency?.toUpperCase() || undefined, ...options, source: options.source ?? mapping.source },
    'mapping',
    `${mapping.target} (mapped columns)`,
  );
}

export function headerWarnings(headers: readonly string[]): string[] {
  return duplicateHeaders(headers).map((h) => `The column "${h}" appears more than once; the first one is used`);
}

