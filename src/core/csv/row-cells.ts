import { parseAmount } from '../../shared/csv/amounts';
import { parseDate } from '../../shared/csv/dates';
import { isCurrencyCode } from '../../shared/money';
import { type Mapper, type RowResult, RowError } from './drafts';
import type { FileProfile } from './file-profile';

// Reading a platform file's cells, shared by its mappers: a cell by column index, and money, currency
// and date cells that throw a RowError naming the column; `rowErrorsAsInvalid` turns that error
// into the row's invalid result.

type ReadAs = Pick<FileProfile, 'decimal' | 'dateFormat'>;

/** The row's cell at `index`, trimmed; '' when the file has no such column. */
export const cellAt = (fields: readonly string[], index: number | undefined): string =>
  (index === undefined ? '' : (fields[index] ?? '')).trim();

export function cellReader(headers: readonly string[], profile: ReadAs) {
  const header = (index: number | undefined) => (index === undefined ? '' : headers[index]!);
  return {
    /** The column's name as the file writes it ('' when the file has no such column). */
    header,
    /** An amount in minor units of `code`; an empty cell is 0. */
    money(fields: readonly string[], index: number | undefined, code: string): number {
      const raw = cellAt(fields, index);
      if (raw === '') return 0;
      const parsed = parseAmount(raw, code, profile.decimal);
      if (!parsed.ok) throw new RowError(`${header(index)}: ${parsed.message}`, header(index));
      return parsed.minor;
    },
    /** An ISO 4217 code, upper case. */
    currency(fields: readonly string[], index: number | undefined): string {
      const code = cellAt(fields, index).toUpperCase();
      if (!isCurrencyCode(code))
        throw new RowError(`${header(index)} "${cellAt(fields, index)}" is not an ISO 4217 code`, header(index));
      return code;
    },
    /** A date in the date format of the column (the file's profile decides it). */
    date(fields: readonly string[], index: number | undefined): string {
      const format = profile.dateFormat(index);
      const date = parseDate(cellAt(fields, index), format);
      if (!date)
        throw new RowError(
          `${header(index)} "${cellAt(fields, index)}" is not a date like the others of the file (${format})`,
          header(index),
        );
      return date;
    },
  };
}

/** The mapper's row, with a RowError reported as the row's invalid result (and the field it concerns). */
export function rowErrorsAsInvalid(row: (fields: readonly string[], line: number) => RowResult): Mapper['row'] {
  return (fields, line) => {
    try {
      return row(fields, line);
    } catch (error) {
      if (error instanceof RowError) return { kind: 'invalid', message: error.message, reason: error.reason };
      throw error;
    }
  };
}
