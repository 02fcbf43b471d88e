import { AppError } from '../../shared/api/result';
import { type DecimalSeparator, decimalEvidence } from '../../shared/csv/amounts';
import { DateColumn, type DateFormat } from '../../shared/csv/dates';
import { type Delimiter, headerKey } from '../../shared/csv/headers';
import type { Layout } from './layouts';

type Evidence = { count: number; lines: number[]; samples: string[] };

/**
 * What a file's cells say about how to read it, gathered over the whole file before the import
 * (docs/domain.md §3): the decimal separator once per file, one date format per date column.
 */
export class FileProfile {
  private readonly amountColumns: number[] = [];
  private readonly dateColumns = new Map<number, DateColumn>();
  private readonly evidence: Record<DecimalSeparator, Evidence> = {
    '.': { count: 0, lines: [], samples: [] },
    ',': { count: 0, lines: [], samples: [] },
  };
  private ambiguous = 0;
  private decided: { decimal: DecimalSeparator; dates: Map<number, DateFormat> } | undefined;
  /** How the decision was made, for the summary ("decimal comma, from 12 cells such as "1.234,56""). */
  readonly notes: string[] = [];

  constructor(
    headers: readonly string[],
    private readonly layout: Pick<Layout, 'amounts' | 'dates' | 'comma' | 'dayOrder'>,
    private readonly delimiter: Delimiter,
  ) {
    const wanted = (names: readonly string[]) => new Set(names.map(headerKey));
    const amounts = wanted(layout.amounts);
    const dates = wanted(layout.dates);
    const seen = new Set<string>();
    headers.forEach((h, i) => {
      const key = headerKey(h);
      if (seen.has(key)) return; // the first of duplicate columns is the one read
      seen.add(key);
      if (amounts.has(key)) this.amountColumns.push(i);
      if (dates.has(key)) this.dateColumns.set(i, new DateColumn(h));
    });
  }

  add(fields: readonly string[], line: number): void {
    for (const i of this.amountColumns) {
      const cell = fields[i];
      if (!cell) continue;
      const e = decimalEvidence(cell);
      if (e === '.' || e === ',') {
        const ev = this.evidence[e];
        ev.count++;
        if (ev.lines.length < 3) {
          ev.lines.push(line);
          ev.samples.push(cell.trim());
        }
      } else if (e === 'ambiguous') this.ambiguous++;
    }
    for (const [i, column] of this.dateColumns) column.add(fields[i] ?? '', line);
  }

  /** Decides; throws invalid_input naming the lines when the file contradicts itself. */
  decide(): void {
    const dot = this.evidence['.'];
    const comma = this.evidence[','];
    if (dot.count > 0 && comma.count > 0) {
      throw new AppError(
        'invalid_input',
        `The amounts use both a decimal point (line ${dot.lines.join(', ')}: ${dot.samples.map((s) => `"${s}"`).join(', ')}) and a decimal comma (line ${comma.lines.join(', ')}: ${comma.samples.map((s) => `"${s}"`).join(', ')}); nothing was imported. Map the columns in the import wizard and choose the separator`,
      );
    }
    let decimal: DecimalSeparator;
    if (dot.count > 0) decimal = '.';
    else if (comma.count > 0) decimal = ',';
    else decimal = this.layout.comma || this.delimiter === ';' ? ',' : '.';
    if (comma.count > 0) this.notes.push(`decimal comma (e.g. "${comma.samples[0]}", line ${comma.lines[0]})`);
    else if (dot.count === 0 && this.ambiguous > 0)
      this.notes.push(`decimal ${decimal === ',' ? 'comma' : 'point'} from the file's locale`);
    const dates = new Map<number, DateFormat>();
    for (const [i, column] of this.dateColumns) {
      const d = column.decide(this.layout.dayOrder);
      if (!d.ok) throw new AppError('invalid_input', `${d.message}; nothing was imported`);
      if (d.format) {
        dates.set(i, d.format);
        if (d.format !== 'YYYY-MM-DD') this.notes.push(`${column.name} as ${d.format}`);
      }
    }
    this.decided = { decimal, dates };
  }

  /** Whether `other` decided the same way, notes included (a file read by either is read the same). */
  sameDecisions(other: FileProfile): boolean {
    const a = this.settled();
    const b = other.settled();
    return (
      a.decimal === b.decimal &&
      a.dates.size === b.dates.size &&
      [...a.dates].every(([i, f]) => b.dates.get(i) === f) &&
      this.notes.join('\n') === other.notes.join('\n')
    );
  }

  get decimal(): DecimalSeparator {
    return this.settled().decimal;
  }

  /** The date format of column `index` (any when the column was empty throughout). */
  dateFormat(index: number | undefined): DateFormat {
    return (index === undefined ? undefined : this.settled().dates.get(index)) ?? 'YYYY-MM-DD';
  }

  private settled() {
    if (!this.decided) throw new Error('FileProfile read before decide()');
    return this.decided;
  }
}

/** A profile fixed in advance (a saved mapping says how to read its file). */
export function fixedProfile(
  decimal: DecimalSeparator,
  dateFormat: DateFormat,
): Pick<FileProfile, 'decimal' | 'dateFormat'> {
  return { decimal, dateFormat: () => dateFormat };
}
