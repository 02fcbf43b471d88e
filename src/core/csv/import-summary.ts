import type { DecimalSeparator } from '../../shared/csv/amounts';
import type { Delimiter } from '../../shared/csv/headers';
import type { FormatId } from './layouts';
import type { Encoding } from './read-file';
import type { ImportMatch } from '../subscriptions/plan-charges';
import type { MatchedPair, PossibleDuplicate } from './reconcile-import';

export type InvalidRow = { line: number; message: string };

/** What rows became: per kind, per expense category, skipped and invalid per reason. */
export type ImportCounts = {
  leads: number;
  payments: number;
  /** Platform fee rows: joined to their payment, or standing alone. */
  fees: number;
  expenses: Record<string, number>;
  /** time.csv rows (docs/domain.md §6.1). */
  time: number;
  transfers: number;
  skipped: Record<string, number>;
  invalid: Record<string, { count: number; lines: number[] }>;
};

export type UnknownType = { platform: string; type: string; count: number; lines: number[] };

export type ImportSummary = {
  importId: number | null;
  fileName: string;
  format: FormatId | 'mapping';
  formatLabel: string;
  /** The header names that decided the layout. */
  recognisedBy: string[];
  /** How the file was read: delimiter, decimal separator, date formats. */
  readAs: string[];
  encoding: Encoding;
  delimiter: Delimiter;
  decimal: DecimalSeparator;
  /** Data rows read (blank lines not counted). */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Invalid rows left out with --skip-invalid, plus rows the format skips (failed or pending payments). */
  skipped: number;
  /** Money moved between accounts (withdrawals, payouts): neither revenue nor cost. */
  transfers: number;
  /** Upwork service fees joined to their payment. */
  merged: number;
  invalidCount: number;
  /** The first 100 invalid rows, by line number in the file. */
  invalid: InvalidRow[];
  counts: ImportCounts;
  unknownTypes: UnknownType[];
  createdSources: string[];
  warnings: string[];
  dryRun: boolean;
  /** True when the rows were written (committed). */
  applied: boolean;
  /** Inserted records per kind, for the summary links. */
  kinds: { leads: number; payments: number; expenses: number; time: number };
  /** Imported subscription charges that are a plan's charge: counted once, as imported (docs/domain.md §5). */
  subscriptionMatches: ImportMatch[];
  /** Rail payments of this import linked to their lead by a remembered payer, and those left in "To assign". */
  payerLinks?: { linked: number; toAssign: number };
  /** docs/domain.md §7: imported records that took over what the user had typed ("matched to what you entered"). */
  matched: MatchedPair[];
  /** docs/domain.md §7: imported as new, but perhaps the same as a typed record (listed with the candidates). */
  possibleDuplicates: PossibleDuplicate[];
  /** Payments of this import linked to a lead by its title or its client (docs/domain.md §7). */
  leadLinks: number;
};

export function emptySummary(fileName: string, encoding: Encoding, dryRun: boolean): ImportSummary {
  return {
    importId: null,
    fileName,
    format: 'leads',
    formatLabel: '',
    recognisedBy: [],
    readAs: [],
    encoding,
    delimiter: ',',
    decimal: '.',
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    transfers: 0,
    merged: 0,
    invalidCount: 0,
    invalid: [],
    counts: { leads: 0, payments: 0, fees: 0, expenses: {}, time: 0, transfers: 0, skipped: {}, invalid: {} },
    unknownTypes: [],
    createdSources: [],
    warnings: [],
    dryRun,
    applied: false,
    kinds: { leads: 0, payments: 0, expenses: 0, time: 0 },
    subscriptionMatches: [],
    matched: [],
    possibleDuplicates: [],
    leadLinks: 0,
  };
}

/** A refused import wrote nothing: its counts of written records say so (a dry run keeps what it would write). */
export function nothingWritten(summary: ImportSummary): void {
  summary.inserted = 0;
  summary.updated = 0;
  summary.kinds = { leads: 0, payments: 0, expenses: 0, time: 0 };
  summary.matched = [];
  summary.leadLinks = 0;
}

const maxListed = 100;

/** Keeps the summary's counters as rows come in. */
export class SummaryTally {
  private readonly unknown = new Map<string, { type: string; count: number; lines: number[] }>();
  constructor(
    readonly summary: ImportSummary,
    private readonly platform: string,
  ) {}

  invalid(line: number, message: string, reason?: string): void {
    const s = this.summary;
    s.invalidCount++;
    if (s.invalid.length < maxListed) s.invalid.push({ line, message });
    const key = reason ?? reasonOf(message);
    const entry = (s.counts.invalid[key] ??= { count: 0, lines: [] });
    entry.count++;
    if (entry.lines.length < 10) entry.lines.push(line);
  }

  unknownType(line: number, type: string, key: string, message: string): void {
    this.invalid(line, message, 'unknown type');
    const u = this.unknown.get(key) ?? { type, count: 0, lines: [] };
    u.count++;
    if (u.lines.length < 5) u.lines.push(line);
    this.unknown.set(key, u);
    this.summary.unknownTypes = [...this.unknown.values()].map((v) => ({ platform: this.platform, ...v }));
  }

  skipped(reason: string): void {
    this.summary.skipped++;
    this.summary.counts.skipped[reason] = (this.summary.counts.skipped[reason] ?? 0) + 1;
  }

  transfer(): void {
    this.summary.transfers++;
    this.summary.counts.transfers++;
  }
}

/** The field a message starts with ("created_on "x" is not a date" -> created_on). */
function reasonOf(message: string): string {
  const m = /^([A-Za-z_][\w $()-]*?)(?::| "| is | has | must )/.exec(message);
  return m ? m[1]!.trim() : message.slice(0, 40);
}
