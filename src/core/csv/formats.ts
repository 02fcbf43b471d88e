import { AppError } from '../../shared/api/result';
import { duplicateHeaders, headerKey, indexHeaders } from '../../shared/csv/headers';
import { formatMinorPlain, isCurrencyCode } from '../../shared/money';
import { type Draft, type Mapper, RowError } from './drafts';
import { fixedProfile, type FileProfile } from './file-profile';
import {
  type FormatId,
  type Layout,
  layoutById,
  layouts,
  matchLayout,
  otherReportOf,
  type Platform,
  recognise,
  type Recognised,
} from './layouts';
import { convertOwnRow, DerivedKeys, ownAliases, ownHeaders, type OwnFormat } from './own-formats';
import { paypalMapper } from './paypal';
import { stripeBalanceMapper, stripePaymentsMapper } from './stripe';
import type { TypeDecisions } from './type-decisions';
import { upworkMapper } from './upwork';
import { wiseMapper } from './wise';
import { wizardMoney } from './wizard-money';
import { wizardTimeFields, wizardTimeMapper } from './wizard-time';
import { trackerMapper } from './tracker-import';
import type { ProjectMap } from '../time/time-projects-repo';
import type { TimeKind } from '../../shared/api/schemas/time';
import type { ColumnMapping } from './column-mapping';

export type { FormatId } from './layouts';
export type ImportAs = OwnFormat | 'upwork' | 'paypal' | 'stripe';

export const formatLabels: Record<FormatId | 'mapping', string> = {
  ...(Object.fromEntries(layouts.map((l) => [l.id, l.label])) as Record<FormatId, string>),
  mapping: 'Mapped with a saved mapping',
};

function candidatesFor(as: ImportAs | undefined): readonly Layout[] {
  if (as === undefined) return layouts;
  const platform: Platform = as === 'upwork' || as === 'paypal' || as === 'stripe' ? as : 'leadledger';
  return layouts.filter((l) => l.platform === platform && (platform !== 'leadledger' || l.id === as));
}

export function detectFormat(headers: readonly string[]): FormatId | undefined {
  return recognise(headers)?.layout.id;
}

/**
 * A file of no known layout. The message fits the CLI ("pass --mapping NAME"); the app words it for
 * its own screen (`forApp`), never naming a command-line option.
 */
export class UnknownLayout extends AppError {
  constructor(readonly columns: readonly string[]) {
    super(
      'invalid_input',
      `${UnknownLayout.what(columns)}: map them with the import wizard in the app, or pass --mapping NAME`,
    );
  }

  static what(columns: readonly string[]): string {
    return `The columns (${columns.slice(0, 6).join(', ')}${columns.length > 6 ? ', …' : ''}) are not a format LeadLedger knows`;
  }

  get forApp(): string {
    return `${UnknownLayout.what(this.columns)}: say below what the rows are (leads, payments, expenses or time) and which column holds what`;
  }
}

/** The layout of the file (for `--as`, among that platform's), or invalid_input saying why not. */
export function resolveLayout(headers: readonly string[], as: ImportAs | undefined): Recognised {
  const candidates = candidatesFor(as);
  const found = recognise(headers, candidates);
  if (found) return found;
  const other = otherReportOf(headers);
  if (other) throw new AppError('invalid_input', other);
  const shown = headers.filter(Boolean);
  if (as === undefined) throw new UnknownLayout(shown);
  const closest = candidates.map((l) => matchLayout(headers, l).missing).sort((a, b) => a.length - b.length)[0] ?? [];
  throw new AppError('invalid_input', `This file is not ${as} CSV: it has no column ${closest.join(', ')}`);
}

/** Fields the wizard maps beyond our CSV columns: a payment's Net (the fee is Gross − Net, docs/domain.md §3). */
export const wizardFields: Record<ColumnMapping['target'], readonly string[]> = {
  leads: Object.keys(ownAliases.leads),
  payments: [...Object.keys(ownAliases.payments), 'net'],
  expenses: Object.keys(ownAliases.expenses),
  time: wizardTimeFields,
};

export type MapperOptions = {
  baseCurrency: string;
  source?: string | undefined;
  decisions?: TypeDecisions | undefined;
  /** Time trackers (docs/domain.md §6): the saved project mapping, and the whole file's kind (--kind). */
  projects?: ProjectMap | undefined;
  kind?: TimeKind | undefined;
};
type ReadAs = Pick<FileProfile, 'decimal' | 'dateFormat'>;

const moneyFields = ['value', 'gross', 'fee', 'amount'] as const;
const dateFields = ['created_on', 'applied_on', 'closed_on', 'follow_up_on', 'viewed_on', 'date'] as const;

/**
 * The row as our own export would have written it (ISO dates, plain amounts, full width): keys of
 * rows without a ref come from it, so a file re-saved by a spreadsheet keeps its keys.
 */
function canonical(
  fields: readonly string[],
  width: number,
  columns: Partial<Record<string, number>>,
  draft: Draft,
): string[] {
  const out = Array.from({ length: Math.max(width, fields.length) }, (_, i) => fields[i] ?? '');
  const values = draft as unknown as Record<string, unknown>;
  for (const f of dateFields) {
    const i = columns[f];
    if (i !== undefined && typeof values[f] === 'string') out[i] = values[f] as string;
  }
  for (const f of moneyFields) {
    const i = columns[f];
    const minor =
      values[
        f === 'value' ? 'value_minor' : f === 'gross' ? 'gross_minor' : f === 'fee' ? 'fee_minor' : 'amount_minor'
      ];
    if (i !== undefined && typeof minor === 'number' && 'currency' in draft)
      out[i] = formatMinorPlain(minor, draft.currency);
  }
  return out;
}

function ownMapper(
  target: OwnFormat,
  columns: Partial<Record<string, number>>,
  width: number,
  readAs: ReadAs,
  convert: { unescape: boolean; defaultCurrency?: string | undefined } & MapperOptions,
  format: string,
  label: string,
): Mapper {
  const keys = new DerivedKeys(`csv-${target}`);
  const options = {
    ...convert,
    defaultSource: convert.source,
    get decimal() {
      return readAs.decimal;
    },
    dateFormatOf: (field: string) => readAs.dateFormat(columns[field]),
  };
  return {
    format,
    label,
    row(fields) {
      const get = (field: string) => {
        const index = columns[field];
        return index === undefined ? '' : (fields[index] ?? '');
      };
      try {
        const draft = convertOwnRow(target, get, options);
        if (draft.ref === '') draft.ref = keys.key(canonical(fields, width, columns, draft));
        return { kind: 'drafts', drafts: [draft] };
      } catch (error) {
        if (error instanceof RowError) return { kind: 'invalid', message: error.message, reason: error.reason };
        throw error;
      }
    },
  };
}

export function mapperFor(
  format: FormatId,
  headers: readonly string[],
  profile: ReadAs,
  options: MapperOptions,
): Mapper {
  const layout = layoutById[format];
  switch (layout.platform) {
    case 'upwork':
      return upworkMapper(
        headers,
        format === 'upwork-legacy',
        profile,
        options.source ?? 'Upwork',
        options.decisions ?? {},
      );
    case 'paypal':
      return paypalMapper(headers, layout, profile, options.source ?? 'PayPal');
    case 'stripe':
      return format === 'stripe-balance'
        ? stripeBalanceMapper(headers, profile, options.source ?? 'Stripe')
        : stripePaymentsMapper(headers, profile, options.source ?? 'Stripe');
    case 'wise':
      return wiseMapper(headers, layout, profile, options.source ?? 'Wise');
    case 'tracker':
      return trackerMapper(format, layout.label, headers, profile, {
        projects: options.projects ?? {},
        source: options.source,
        kind: options.kind,
      });
    case 'leadledger': {
      const target = format as OwnFormat;
      // Our own formats: each field under its own name only (aliases are for the wizard's suggestions).
      const own = Object.fromEntries(ownHeaders[target].map((name) => [name, [name]])) as Record<
        string,
        readonly string[]
      >;
      const columns = indexHeaders(headers, own);
      return ownMapper(target, columns, headers.length, profile, { unescape: true, ...options }, format, layout.label);
    }
  }
}

export function mappingMapper(mapping: ColumnMapping, headerCount: number, options: MapperOptions): Mapper {
  if (mapping.currency && !isCurrencyCode(mapping.currency.toUpperCase())) {
    throw new AppError('invalid_input', `"${mapping.currency}" is not an ISO 4217 currency code`, [
      { path: 'mapping.currency', message: 'Unknown ISO 4217 currency code' },
    ]);
  }
  for (const [field, index] of Object.entries(mapping.columns)) {
    if (!wizardFields[mapping.target].includes(field))
      throw new AppError('invalid_input', `The mapping names an unknown ${mapping.target} field "${field}"`);
    if (index < 0 || index >= headerCount)
      throw new AppError('invalid_input', `The mapping uses column ${index + 1}, but the file has ${headerCount}`);
  }
  if (mapping.target === 'time') return wizardTimeMapper(mapping, { source: options.source });
  const mapper = ownMapper(
    mapping.target,
    mapping.columns,
    headerCount,
    fixedProfile(mapping.decimal, mapping.dateFormat),
    {
      unescape: false,
      defaultCurrency: mapping.currency?.toUpperCase() || undefined,
      ...options,
      source: options.source ?? mapping.source,
    },
    'mapping',
    `${mapping.target} (mapped columns)`,
  );
  return mapping.target === 'payments' ? wizardMoney(mapper, mapping) : mapper;
}

export function headerWarnings(headers: readonly string[], layout: Layout | undefined): string[] {
  const warnings = duplicateHeaders(headers).map(
    (h) => `The column "${h}" appears more than once; the first one is used`,
  );
  if (layout?.platform === 'leadledger') {
    const known = new Set<string>(ownHeaders[layout.id as OwnFormat].map(headerKey));
    const extra = headers.filter((h) => h !== '' && !known.has(headerKey(h)));
    if (extra.length)
      warnings.push(
        `Column${extra.length === 1 ? '' : 's'} ${extra.map((h) => `"${h}"`).join(', ')} ${extra.length === 1 ? 'is' : 'are'} not part of the ${layout.label} format and ${extra.length === 1 ? 'was' : 'were'} ignored`,
      );
  }
  return warnings;
}
