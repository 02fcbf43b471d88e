import type { ReadableDB } from '../db/handles';
import { FileProfile } from './file-profile';
import { PlanChanged } from './plan-changed';
import { type FilePlan, type ImportOptions, planFile, type Scan } from './file-plan';

// A big file is usually read the same way from its first rows as from all of them (the decimal
// separator and the date formats of docs/domain.md §3). So the import decides from the first rows and
// starts writing at once, while a second profile reads every row as it is imported; before the
// commit the two must agree, or the work is rolled back and the file imported the classic way
// (a whole deciding pass first). Same rows, same messages; one pass over the file instead of two.

/** Rows read to decide before writing. */
export const firstRowsToDecide = () => Number(process.env.LEADLEDGER_IMPORT_FIRST_ROWS ?? 20_000);

export { PlanChanged } from './plan-changed';

/** Every row of the file, profiled as the import reads it; confirms (or not) the plan made from the first rows. */
export class PlanCheck {
  private readonly full: FileProfile;
  constructor(private readonly plan: FilePlan & { profile: FileProfile }) {
    this.full = new FileProfile(plan.headers, plan.layout!, plan.delimiter);
  }

  add(fields: readonly string[], line: number): void {
    this.full.add(fields, line);
  }

  /** Throws the whole file's own refusal (as the classic deciding pass would), or PlanChanged. */
  confirm(): void {
    this.full.decide();
    if (!this.full.sameDecisions(this.plan.profile)) throw new PlanChanged();
  }
}

/**
 * The plan of an import: decided from the first rows when `speculate` (the caller then feeds every
 * row to the returned check), else from all of them. A layout whose rows need the whole file first
 * (Upwork fees finding their payment: `prescan`), a saved mapping, or first rows that cannot decide
 * get the classic plan.
 */
export async function planForImport(
  db: ReadableDB,
  file: string,
  options: ImportOptions,
  scan: Scan,
  speculate: boolean,
): Promise<{ plan: FilePlan; check?: PlanCheck }> {
  if (speculate && !options.mapping) {
    try {
      const plan = await planFile(db, file, options, { ...scan, maxRows: firstRowsToDecide() });
      if (plan.profile && plan.layout && (!plan.mapper.prescan || plan.mapper.prescanFromFirstRows))
        return { plan, check: new PlanCheck(plan as FilePlan & { profile: FileProfile }) };
    } catch {
      // The first rows cannot decide (e.g. dates that read both ways so far): the whole file may.
    }
  }
  return { plan: await planFile(db, file, options, scan) };
}
