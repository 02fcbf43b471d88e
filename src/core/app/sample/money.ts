import { addDays } from 'date-fns';
import { fromIsoDate, toIsoDate } from '../../../shared/dates';
import type { RollupBatch } from '../../rollups/rollup-batch';
import { feeFor } from './fees';
import { type SampleRun, writePayment } from './run';

type WonLead = { id: number; ref: string; title: string; sourceId: number; valueMinor: number; closedOn: string };

/** A won lead's value, paid a week after it closed: in one payment, or (two times in five) in two, three weeks apart. */
export function writeLeadPayments(run: SampleRun, batch: RollupBatch, lead: WonLead): void {
  const { valueMinor } = lead;
  const parts = run.random() < 0.4 ? 2 : 1;
  for (let p = 0; p < parts; p++) {
    const date = toIsoDate(addDays(fromIsoDate(lead.closedOn), 7 + p * 21));
    if (date > run.todayIso) continue;
    const gross =
      parts === 2 ? (p === 0 ? Math.floor(valueMinor / 2) : valueMinor - Math.floor(valueMinor / 2)) : valueMinor;
    writePayment(run, batch, {
      ref: `${lead.ref}-p${p}`,
      date,
      source_id: lead.sourceId,
      lead_id: lead.id,
      description: `Payment for ${lead.title}`,
      gross_minor: gross,
      fee_minor: feeFor(run.rules, lead.sourceId, date, gross),
    });
  }
}

/** A standalone milestone payment (no lead); three in a hundred are refunds. */
export function writeExtraPayment(run: SampleRun, batch: RollupBatch, i: number, sourceId: number, date: string): void {
  const gross = run.int(5, 400) * 500 * (run.random() < 0.03 ? -1 : 1);
  writePayment(run, batch, {
    ref: `sample-${run.runTag}-xp${i}`,
    date,
    source_id: sourceId,
    lead_id: null,
    description: 'Milestone',
    gross_minor: gross,
    fee_minor: feeFor(run.rules, sourceId, date, gross),
  });
}
