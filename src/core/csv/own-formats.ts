import { createHash } from 'node:crypto';
import { type DecimalSeparator, parseAmount } from '../../shared/csv/amounts';
import { type DateFormat, parseDate } from '../../shared/csv/dates';
import { unescapeFormula } from '../../shared/csv/escape';
import { isCurrencyCode } from '../../shared/money';
import { stages } from '../../shared/domain/stages';
import { boostOutcomes, competitionBuckets } from '../../shared/domain/bid-facts';
import { expenseCategoryValues as expenseCategories } from '../../shared/domain/expense-categories';
import { type ExpenseCategory, expenseCsvHeaders } from '../expenses/expense-columns';
import { leadCsvHeaders } from '../leads/lead-columns';
import { paymentCsvHeaders } from '../payments/payment-columns';
import { timeCsvHeaders } from '../time/time-columns';
import { timeKinds } from '../../shared/api/schemas/time';
import { type Draft, RowError, type TimeDraft } from './drafts';

export type Target = 'leads' | 'payments' | 'expenses';
/** Our own formats: the wizard's targets plus time.csv (docs/domain.md §6), which is read under its own names only. */
export type OwnFormat = Target | 'time';

/** docs/domain.md §2: the exact headers, in order, from each table's column descriptor. A public contract. */
export const ownHeaders = {
  leads: leadCsvHeaders,
  payments: paymentCsvHeaders,
  expenses: expenseCsvHeaders,
  time: timeCsvHeaders,
} as const satisfies Record<OwnFormat, readonly string[]>;

export type OwnField<T extends OwnFormat> = (typeof ownHeaders)[T][number];

/** Other names people give the same columns (compared like headers: case, spaces, _ and - ignored). */
export const ownAliases: { [T in Target]: Record<OwnField<T>, readonly string[]> } = {
  leads: {
    ref: ['ref', 'reference', 'lead ref'],
    source: ['source', 'channel', 'platform'],
    title: ['title', 'job title', 'job', 'lead'],
    client: ['client', 'customer', 'company'],
    url: ['url', 'link', 'job url'],
    stage: ['stage', 'status'],
    created_on: ['created_on', 'created', 'created date', 'date'],
    applied_on: ['applied_on', 'applied', 'applied date'],
    closed_on: ['closed_on', 'closed', 'closed date'],
    connects: ['connects'],
    boost_connects: ['boost_connects', 'boost'],
    connects_refunded: ['connects_refunded', 'refunded connects', 'refunded'],
    value: ['value', 'budget', 'amount'],
    currency: ['currency'],
    lost_reason: ['lost_reason', 'lost reason', 'reason'],
    tags: ['tags', 'labels'],
    notes: ['notes', 'note', 'comments'],
    follow_up_on: ['follow_up_on', 'follow up', 'follow-up date', 'follow up on'],
    invited: ['invited', 'invite'],
    minutes_after_post: ['minutes_after_post', 'minutes after post'],
    proposals_when_bid: ['proposals_when_bid', 'proposals', 'proposals when bid'],
    viewed_on: ['viewed_on', 'viewed', 'viewed date'],
    boost_outcome: ['boost_outcome', 'boost outcome'],
  },
  payments: {
    ref: ['ref', 'reference', 'payment ref'],
    date: ['date', 'paid on', 'payment date'],
    source: ['source', 'channel', 'platform'],
    lead_ref: ['lead_ref', 'lead'],
    description: ['description', 'memo', 'details'],
    gross: ['gross', 'amount', 'gross amount'],
    fee: ['fee', 'fees', 'platform fee'],
    currency: ['currency'],
  },
  expenses: {
    ref: ['ref', 'reference', 'expense ref'],
    date: ['date'],
    source: ['source', 'channel', 'platform'],
    category: ['category', 'type'],
    description: ['description', 'memo', 'details'],
    amount: ['amount', 'cost'],
    currency: ['currency'],
    connects: ['connects', 'connects bought'],
  },
};

export type ConvertOptions = {
  /** Our own export: restore formula-escaped text. Foreign files keep their text as is. */
  unescape: boolean;
  /** The format of each date field's column, decided once for the file. */
  dateFormatOf: (field: string) => DateFormat;
  decimal: DecimalSeparator;
  baseCurrency: string;
  /** Used when the row has no source (CLI --source, wizard default). */
  defaultSource?: string | undefined;
  defaultCurrency?: string | undefined;
};

type Get = (field: string) => string;

/** Keys for rows without a ref: a hash of their content plus the occurrence, so identical rows stay distinct. */
export class DerivedKeys {
  private readonly seen = new Map<string, number>();
  constructor(private readonly prefix: string) {}
  key(values: readonly string[]): string {
    const hash = createHash('sha1').update(values.join('\u001f')).digest('hex').slice(0, 16);
    const n = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, n);
    return `${this.prefix}-${hash}${n > 1 ? `-${n}` : ''}`;
  }
}

function fieldText(get: Get, field: string, unescape: boolean): string {
  const raw = get(field);
  return unescape ? unescapeFormula(raw) : raw;
}

function date(get: Get, field: string, options: ConvertOptions, required: boolean): string | null {
  const raw = get(field).trim();
  if (raw === '') {
    if (required) throw new RowError(`${field} is empty`);
    return null;
  }
  const format = options.dateFormatOf(field);
  const parsed = parseDate(raw, format);
  if (!parsed) throw new RowError(`${field} "${raw}" is not a date in the format ${format}`);
  return parsed;
}

function count(get: Get, field: string): number {
  const raw = get(field).trim();
  if (raw === '' || raw === '0') return 0;
  if (!/^\d{1,9}$/.test(raw)) throw new RowError(`${field} "${raw}" must be a whole number, 0 or more`);
  return Number(raw);
}

const checkedCodes = new Set<string>();

function currency(get: Get, options: ConvertOptions): string {
  const raw = get('currency').trim().toUpperCase();
  if (raw === '') return options.defaultCurrency ?? options.baseCurrency;
  if (checkedCodes.has(raw)) return raw;
  if (!isCurrencyCode(raw)) throw new RowError(`currency "${raw}" is not an ISO 4217 code`);
  checkedCodes.add(raw);
  return raw;
}

const tagCache = new Map<string, string>();

/** Tags as joinTags stores them (trimmed, unique, `;`-separated); cached because files repeat them. */
function normaliseTags(text: string): string {
  if (text === '') return '';
  const cached = tagCache.get(text);
  if (cached !== undefined) return cached;
  const result = tagsOf(text);
  if (tagCache.size > 5000) tagCache.clear();
  tagCache.set(text, result);
  return result;
}

function tagsOf(text: string): string {
  if (!/\s/.test(text) && !text.includes(';;') && !text.startsWith(';') && !text.endsWith(';')) {
    const parts = text.split(';');
    if (new Set(parts).size === parts.length) return text;
  }
  return [
    ...new Set(
      text
        .split(';')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].join(';');
}

function amount(get: Get, field: string, code: string, options: ConvertOptions, required: boolean): number | null {
  const raw = get(field).trim();
  if (raw === '') {
    if (required) throw new RowError(`${field} is empty`);
    return null;
  }
  const parsed = parseAmount(raw, code, options.decimal);
  if (!parsed.ok) throw new RowError(`${field}: ${parsed.message}`);
  return parsed.minor;
}

function source(get: Get, options: ConvertOptions, required: boolean): string {
  const raw = fieldText(get, 'source', options.unescape).trim();
  if (raw === '') {
    if (options.defaultSource) return options.defaultSource;
    if (required) throw new RowError('source is empty (name the channel, or choose one for the whole file)');
  }
  return raw;
}

const stageSet = new Set<string>(stages);
const bucketSet = new Set<string>(competitionBuckets);

/** docs/domain.md §8: `yes` or empty (no/true/false/1/0 read too). */
function invited(get: Get): number {
  const raw = get('invited').trim().toLowerCase();
  if (raw === '' || raw === 'no' || raw === 'false' || raw === '0') return 0;
  if (raw === 'yes' || raw === 'true' || raw === '1' || raw === 'y') return 1;
  throw new RowError(`invited "${get('invited')}" must be yes or empty`);
}

function choice(get: Get, field: string, allowed: ReadonlySet<string>, lower: boolean): string | null {
  const raw = lower ? get(field).trim().toLowerCase() : get(field).trim().replace(/\s+/g, '');
  if (raw === '') return null;
  if (!allowed.has(raw)) throw new RowError(`${field} "${get(field)}" is not one of ${[...allowed].join(', ')}`);
  return raw;
}
const outcomeSet = new Set<string>(boostOutcomes);
const categorySet = new Set<string>(expenseCategories);

/** Turns one row (read through `get`, by our field names) into a draft; throws RowError naming the field. */
/** Rows without a ref come back with ref '' (the mapper derives their key). */
export function convertOwnRow(target: OwnFormat, get: Get, options: ConvertOptions): Draft {
  // Only what is needed to build the draft is checked here; the rules of the form (lengths, URL,
  // date order, connects) are checked on the draft by the API's own schema (check-draft.ts).
  const text = (field: string) => fieldText(get, field, options.unescape);
  const ref = text('ref').trim();
  if (target === 'leads') {
    const title = text('title');
    const stage = get('stage').trim().toLowerCase() || 'new';
    if (!stageSet.has(stage)) throw new RowError(`stage "${get('stage')}" is not one of ${stages.join(', ')}`);
    const code = currency(get, options);
    const createdOn = date(get, 'created_on', options, true)!;
    const appliedOn = date(get, 'applied_on', options, false);
    const closedOn = date(get, 'closed_on', options, false);
    const connects = count(get, 'connects');
    const boost = count(get, 'boost_connects');
    const refunded = count(get, 'connects_refunded');
    const tags = normaliseTags(text('tags'));
    return {
      type: 'lead',
      ref,
      source: source(get, options, true),
      title,
      client: text('client'),
      url: text('url'),
      stage,
      created_on: createdOn,
      applied_on: appliedOn,
      closed_on: closedOn,
      connects,
      boost_connects: boost,
      connects_refunded: refunded,
      value_minor: amount(get, 'value', code, options, false),
      currency: code,
      lost_reason: text('lost_reason'),
      tags,
      notes: text('notes'),
      follow_up_on: date(get, 'follow_up_on', options, false),
      invited: invited(get),
      minutes_after_post: get('minutes_after_post').trim() === '' ? null : count(get, 'minutes_after_post'),
      proposals_when_bid: choice(get, 'proposals_when_bid', bucketSet, false),
      viewed_on: date(get, 'viewed_on', options, false),
      boost_outcome: choice(get, 'boost_outcome', outcomeSet, true),
    };
  }
  if (target === 'payments') {
    const code = currency(get, options);
    return {
      type: 'payment',
      ref,
      date: date(get, 'date', options, true)!,
      source: source(get, options, true),
      lead_ref: text('lead_ref').trim() || null,
      description: text('description'),
      gross_minor: amount(get, 'gross', code, options, true)!,
      fee_minor: amount(get, 'fee', code, options, false),
      currency: code,
    };
  }
  if (target === 'time') return timeRow(get, options, ref);
  const code = currency(get, options);
  const category = get('category').trim().toLowerCase();
  if (!categorySet.has(category))
    throw new RowError(`category "${get('category')}" is not one of ${expenseCategories.join(', ')}`);
  return {
    type: 'expense',
    ref,
    date: date(get, 'date', options, true)!,
    source: source(get, options, false) || null,
    category: category as ExpenseCategory,
    description: text('description'),
    amount_minor: amount(get, 'amount', code, options, true)!,
    currency: code,
    connects: count(get, 'connects'),
  };
}

const kindSet = new Set<string>(timeKinds);

/** time.csv (docs/domain.md §6): source may be empty when lead_ref names the lead; minutes whole and > 0. */
function timeRow(get: Get, options: ConvertOptions, ref: string): Draft {
  const kind = get('kind').trim().toLowerCase();
  if (!kindSet.has(kind)) throw new RowError(`kind "${get('kind')}" is not one of ${timeKinds.join(', ')}`);
  const raw = get('minutes').trim();
  if (!/^\d{1,9}$/.test(raw) || Number(raw) === 0)
    throw new RowError(`minutes "${raw}" must be a whole number of minutes, more than 0`);
  const leadRef = fieldText(get, 'lead_ref', options.unescape).trim();
  const channel = source(get, options, false);
  if (channel === '' && leadRef === '')
    throw new RowError('source is empty and so is lead_ref: name the channel, the lead, or both');
  return {
    type: 'time',
    ref,
    date: date(get, 'date', options, true)!,
    source: channel,
    lead_ref: leadRef || null,
    kind: kind as TimeDraft['kind'],
    minutes: Number(raw),
    note: fieldText(get, 'note', options.unescape),
  };
}
