import type { DecimalSeparator } from '../../shared/csv/amounts';
import type { DateFormat } from '../../shared/csv/dates';
import { type Target } from './own-formats';
import type { TimeKind } from '../../shared/api/schemas/time';

/** A user's column mapping (the wizard's output; saved by name in csv_mappings). */
export type ColumnMapping = {
  target: Target | 'time';
  /** Our field name -> column index in the file. */
  columns: Record<string, number>;
  dateFormat: DateFormat;
  decimal: DecimalSeparator;
  source?: string | undefined;
  currency?: string | undefined;
  /** Time entries without a kind column (docs/domain.md §6). */
  kind?: TimeKind | undefined;
};
