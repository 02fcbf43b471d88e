import { subMonths } from 'date-fns';
import type { WritableDB } from '../../db/handles';
import { daysBetween, toIsoDate } from '../../../shared/dates';
import type { Stage } from '../../../shared/domain/stages';
import { seededRandom } from '../../../shared/random';
import type { Ctx } from '../../context';
import { type ExpenseWrite, insertExpense } from '../../expenses/expenses-repo';
import { insertPayment, type PaymentWrite } from '../../payments/payments-repo';
import { RollupBatch } from '../../rollups/rollup-batch';
import { activeSourceNames } from '../../sources/sources-repo';
import { loadRules, type SampleRules } from './fees';
import { channelWeights } from './presets';

export type SampleOptions = {
  leads: number;
  seed: number;
  /** Extra standalone payments and expenses (benchmarks need a million of each). */
  extraPayments?: number;
  extraExpenses?: number;
  batchSize?: number;
  onProgress?: (done: number) => void;
};

/** What every step of one sample load shares: the generators, the channels, the dates and the counts written. */
export type SampleRun = {
  db: WritableDB;
  random: () => number;
  /** The bid facts (docs/domain.md §8) from a generator of their own, so the rest of the data is what it was. */
  bidRandom: () => number;
  pick: <T>(list: readonly T[]) => T;
  int: (min: number, max: number) => number;
  sources: Map<string, number>;
  /** The preset channels this database has, with their weights. */
  channels: [string, number][];
  totalWeight: number;
  rules: SampleRules;
  today: Date;
  todayIso: string;
  /** Eighteen months back: where the history starts. */
  start: Date;
  spanDays: number;
  nowIso: string;
  runTag: string;
  batchSize: number;
  /** The next board position in each stage. */
  positions: Map<Stage, number>;
  written: { payments: number; expenses: number };
};

export function startRun(ctx: Ctx, options: SampleOptions): SampleRun {
  const { db } = ctx;
  // Seeded so `seed --seed S` gives the same data every time.
  const random = seededRandom(options.seed);
  const sources = new Map(activeSourceNames(db).map((s) => [s.name, s.id]));
  const channels = channelWeights.filter(([name]) => sources.has(name));
  if (channels.length === 0) throw new Error('No preset channels to generate data for');
  const today = ctx.now();
  const todayIso = toIsoDate(today);
  const start = subMonths(today, 18);
  return {
    db,
    random,
    bidRandom: seededRandom(options.seed * 7919 + 28),
    pick: (list) => list[Math.floor(random() * list.length)]!,
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
    sources,
    channels,
    totalWeight: channels.reduce((sum, [, w]) => sum + w, 0),
    rules: loadRules(db),
    today,
    todayIso,
    start,
    spanDays: daysBetween(toIsoDate(start), todayIso),
    nowIso: today.toISOString(),
    runTag: `${options.seed}-${Date.now().toString(36)}`,
    batchSize: options.batchSize ?? 5000,
    positions: new Map(),
    written: { payments: 0, expenses: 0 },
  };
}

/** Calls `write` for 0..total-1, one transaction and rollup batch per `batchSize` rows. */
export function inBatches(
  run: SampleRun,
  total: number,
  write: (i: number, batch: RollupBatch) => void,
  onProgress?: (done: number) => void,
): void {
  for (let done = 0; done < total;) {
    const end = Math.min(total, done + run.batchSize);
    run.db.transaction(() => {
      const batch = new RollupBatch(run.db);
      for (let i = done; i < end; i++) write(i, batch);
      batch.flush();
    })();
    done = end;
    onProgress?.(done);
  }
}

export function writePayment(
  run: SampleRun,
  batch: RollupBatch,
  p: Pick<PaymentWrite, 'ref' | 'date' | 'source_id' | 'lead_id' | 'description' | 'gross_minor' | 'fee_minor'>,
): void {
  insertPayment(run.db, { ...p, fee_computed: 1, currency: 'USD', import_id: null, created_at: run.nowIso }, batch);
  run.written.payments++;
}

export function writeExpense(
  run: SampleRun,
  batch: RollupBatch,
  e: Pick<ExpenseWrite, 'ref' | 'date' | 'source_id' | 'category' | 'description' | 'amount_minor' | 'connects'>,
): void {
  insertExpense(run.db, { ...e, currency: 'USD', import_id: null, created_at: run.nowIso }, batch);
  run.written.expenses++;
}
