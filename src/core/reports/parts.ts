import type { Basis } from '../../shared/api/schemas/reports';
import type { Converter, RateTable } from '../../shared/reports/fx';
import type { ReadCtx } from '../context';
import type { RangePlan } from '../rollups/ranges';
import type { ReportCells } from './cells';

/** What every part of a report reads and where it writes (build-report.ts). */
export type ReportInput = {
  ctx: ReadCtx;
  from: string;
  to: string;
  plan: RangePlan;
  basis: Basis;
  base: string;
  rates: RateTable;
  /** The base currency when no monthly chart is needed (its sums are read without a month), else null. */
  collapse: string | null;
  converter: Converter;
  cells: ReportCells;
  warnings: string[];
};
