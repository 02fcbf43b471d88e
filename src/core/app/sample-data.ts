import { addDays } from 'date-fns';
import { toIsoDate } from '../../shared/dates';
import type { Ctx } from '../context';
import { linkUnlinkedLeads } from '../clients/clients-repo';
import { RollupBatch } from '../rollups/rollup-batch';
import { writeExtraExpense, writeMonthlyCosts, writePlans } from './sample/costs';
import { writeSampleLead } from './sample/leads';
import { writeExtraPayment } from './sample/money';
import { inBatches, type SampleOptions, type SampleRun, startRun } from './sample/run';

/**
 * Writes realistic synthetic history: leads moving through stages across the channels, connects
 * and boosts on Upwork bids, payments on won leads, memberships and connects purchases.
 * Same generator for "Load sample data" and `leadledger seed`. The steps, in the order they draw
 * from the seeded generator (so a seed gives the same data every time): costs and plans, leads, extras.
 */
export function loadSampleData(
  ctx: Ctx,
  options: SampleOptions,
): { leads: number; payments: number; expenses: number } {
  const run = startRun(ctx, options);
  const { db } = run;
  db.transaction(() => {
    const batch = new RollupBatch(db);
    writeMonthlyCosts(run, batch);
    writePlans(run);
    batch.flush();
  })();
  inBatches(run, options.leads, (i, batch) => writeSampleLead(run, i, batch), options.onProgress);
  // Sample leads name their clients; link them as an import does (docs/domain.md §6).
  db.transaction(() => linkUnlinkedLeads(db, run.nowIso))();
  writeExtras(run, options);
  return { leads: options.leads, ...run.written };
}

/** Standalone payments and expenses on any channel, any day of the history (benchmarks ask for many). */
function writeExtras(run: SampleRun, options: SampleOptions): void {
  const channelIds = run.channels.map(([name]) => run.sources.get(name)!);
  const draw = () => ({
    sourceId: run.pick(channelIds),
    date: toIsoDate(addDays(run.start, run.int(0, run.spanDays))),
  });
  inBatches(run, options.extraPayments ?? 0, (i, batch) => {
    const { sourceId, date } = draw();
    writeExtraPayment(run, batch, i, sourceId, date);
  });
  inBatches(run, options.extraExpenses ?? 0, (i, batch) => {
    const { sourceId, date } = draw();
    writeExtraExpense(run, batch, i, sourceId, date);
  });
}
