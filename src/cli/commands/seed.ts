import { parseArgs } from 'node:util';
import { CliError } from '../cli-error';
import type { Command } from '../command';

const max = 10_000_000;

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Write realistic synthetic leads, payments and costs (the "Load sample data" generator)',
  usage: 'leadledger seed --leads N [--seed S] [--payments N] [--expenses N]',
  async run(args, env) {
    const { values } = parseArgs({
      args,
      options: {
        leads: { type: 'string' },
        seed: { type: 'string' },
        payments: { type: 'string' },
        expenses: { type: 'string' },
      },
      strict: true,
    });
    const leads = Number(values.leads);
    if (values.leads === undefined || !Number.isInteger(leads) || leads < 0 || leads > max) {
      throw new CliError('--leads needs a whole number from 0 to 10000000');
    }
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(seed)) throw new CliError('--seed needs a whole number');
    const extra = (flag: 'payments' | 'expenses') => {
      const text = values[flag];
      if (text === undefined) return 0;
      const n = Number(text);
      if (!Number.isInteger(n) || n < 0 || n > max)
        throw new CliError(`--${flag} needs a whole number from 0 to 10000000`);
      return n;
    };
    const payments = extra('payments');
    const expenses = extra('expenses');
    const started = performance.now();
    const showProgress = env.io.isTty;
    const result = await env.call(
      'sample:load',
      { leads, seed, payments, expenses },
      showProgress
        ? ({ done }) => env.io.stderr(`\rseeding ${done.toLocaleString('en')} / ${leads.toLocaleString('en')} leads`)
        : undefined,
    );
    if (showProgress) env.io.stderr('\n');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    env.io.stdout(
      `Wrote ${result.leads} leads, ${result.payments} payments, ${result.expenses} expenses to ${env.dbPath} in ${seconds} s\n`,
    );
    return 0;
  },
};
