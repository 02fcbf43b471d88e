import { addDays, subMonths } from 'date-fns';
import { toIsoDate } from '../../../shared/dates';
import type { RollupBatch } from '../../rollups/rollup-batch';
import { countSubscriptions, insertSubscription } from '../../subscriptions/subscriptions-repo';
import { expenseCategories } from './presets';
import { type SampleRun, writeExpense } from './run';

/** Every thirty days: a Connects bundle on Upwork and, one month in two, search ads for the website. */
export function writeMonthlyCosts(run: SampleRun, batch: RollupBatch): void {
  const upwork = run.sources.get('Upwork');
  const website = run.sources.get('Personal website');
  for (let month = new Date(run.start); month <= run.today; month = addDays(month, 30)) {
    const date = toIsoDate(month);
    if (upwork) {
      const bundle = run.pick([40, 60, 80]);
      writeExpense(run, batch, {
        ref: `sample-${run.runTag}-connects-${date}`,
        date,
        source_id: upwork,
        category: 'connects',
        description: `${bundle} Connects`,
        amount_minor: bundle * 15,
        connects: bundle,
      });
    }
    if (website && run.random() < 0.5) {
      writeExpense(run, batch, {
        ref: `sample-${run.runTag}-ads-${date}`,
        date,
        source_id: website,
        category: 'advertising',
        description: 'Search ads',
        amount_minor: run.int(20, 90) * 100,
        connects: 0,
      });
    }
  }
}

/** The memberships (Upwork's Freelancer Plus, LinkedIn Premium), once: a database that has plans keeps them. */
export function writePlans(run: SampleRun): void {
  if (countSubscriptions(run.db) > 0) return;
  const plan = (sourceId: number, name: string, amountMinor: number, startsOn: string, freeCredits: number) =>
    insertSubscription(run.db, {
      source_id: sourceId,
      name,
      period: 'monthly',
      amount_minor: amountMinor,
      currency: 'USD',
      starts_on: startsOn,
      ends_on: null,
      free_credits_monthly: freeCredits,
      created_at: run.nowIso,
    });
  const upwork = run.sources.get('Upwork');
  const linkedin = run.sources.get('LinkedIn');
  if (upwork) plan(upwork, 'Freelancer Plus', 1999, toIsoDate(run.start), 100);
  if (linkedin) plan(linkedin, 'LinkedIn Premium', 3999, toIsoDate(subMonths(run.today, 6)), 0);
}

/** A standalone expense (no lead): a random category, one time in ten on no channel. */
export function writeExtraExpense(run: SampleRun, batch: RollupBatch, i: number, sourceId: number, date: string): void {
  const category = run.pick(expenseCategories);
  const connects = category === 'connects' ? run.pick([10, 20, 40, 80]) : 0;
  writeExpense(run, batch, {
    ref: `sample-${run.runTag}-xe${i}`,
    date,
    source_id: run.random() < 0.1 ? null : sourceId,
    category,
    description: category,
    amount_minor: connects ? connects * 15 : run.int(1, 200) * 100,
    connects,
  });
}
