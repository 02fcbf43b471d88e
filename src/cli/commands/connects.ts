import { parseArgs } from 'node:util';
import type { ApiResult } from '../../shared/api/result';
import type { ConnectsLedger } from '../../shared/api/schemas/connects';
import { isIsoDate } from '../../shared/dates';
import { CliError } from '../cli-error';
import type { Command, CommandEnv } from '../command';

// docs/domain.md §5: `connects`, `connects opening`, `connects adjust`; everything goes through dispatch.

/** The keys `leadledger connects --json` prints, in docs/domain.md §5's order. */
const jsonKeys = [
  'source',
  'balance',
  'expiringIn30Days',
  'spent',
  'bought',
  'allowance',
  'adjustments',
  'expired',
  'uncovered',
  'start',
  'startAssumed',
] as const;

const flagOf: Record<string, string> = {
  source: '--source',
  sourceId: '--source',
  count: '--count',
  on: '--on',
  note: '--note',
};

function unwrap<T>(result: ApiResult<unknown>): T {
  if (result.ok) return result.value as T;
  const field = result.error.fields?.[0];
  // A change the user may accept: the same command again with --yes saves it.
  if (result.error.code === 'needs_confirmation')
    throw new CliError(`${result.error.message} (run again with --yes)`, 1);
  const message = field ? `${flagOf[field.path] ?? field.path}: ${field.message}` : result.error.message;
  throw new CliError(message, result.error.code === 'invalid_input' ? 2 : 1);
}

/** `--count -5` would read as an option: join a value that starts with "-" to its flag. */
function joinNegative(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--count' && /^-\d/.test(args[i + 1] ?? '')) out.push(`--count=${args[++i]}`);
    else out.push(arg);
  }
  return out;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args: joinNegative(args),
      options: {
        source: { type: 'string' },
        on: { type: 'string' },
        count: { type: 'string' },
        note: { type: 'string' },
        json: { type: 'boolean' },
        yes: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliError((error as Error).message.split('\n')[0]!, 2);
  }
}

function date(value: string | undefined, required: boolean): string | undefined {
  if (value === undefined) {
    if (required) throw new CliError('--on needs the day, written YYYY-MM-DD', 2);
    return undefined;
  }
  if (!isIsoDate(value)) throw new CliError(`--on needs a real date written YYYY-MM-DD (got "${value}")`, 2);
  return value;
}

function countOf(value: string | undefined): number {
  if (value === undefined) throw new CliError('--count needs a number of credits', 2);
  // Decimals reach the operation, which names the rule ("Whole numbers only").
  if (!/^[+-]?\d+(\.\d+)?$/.test(value)) throw new CliError(`--count needs a whole number (got "${value}")`, 2);
  return Number(value);
}

const columns: [string, (c: ConnectsLedger) => string][] = [
  ['Channel', (c) => c.source],
  ['Balance', (c) => c.balance.toLocaleString('en-US')],
  ['Expiring in 30 days', (c) => c.expiringIn30Days.toLocaleString('en-US')],
  ['Spent', (c) => c.spent.toLocaleString('en-US')],
  ['Bought', (c) => c.bought.toLocaleString('en-US')],
  ['Allowance', (c) => c.allowance.toLocaleString('en-US')],
  ['Adjustments', (c) => c.adjustments.toLocaleString('en-US')],
  ['Expired', (c) => c.expired.toLocaleString('en-US')],
  ['Uncovered', (c) => c.uncovered.toLocaleString('en-US')],
  ['Start', (c) => (c.start ? `${c.start}${c.startAssumed ? ' (assumed)' : ''}` : '—')],
];

export function formatLedgerTable(on: string, channels: ConnectsLedger[]): string {
  const cells = channels.map((c) => columns.map(([, cell]) => cell(c)));
  const widths = columns.map(([title], i) => Math.max(title.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (i === 0 || i === columns.length - 1 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [
    `Credits ledger up to ${on}`,
    '',
    line(columns.map(([t]) => t)),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
  ];
  if (channels.length === 0) out.push('(no channel with bidding credits)');
  const warnings = channels.flatMap((c) => c.warnings);
  if (warnings.length) out.push('', 'Notes:', ...warnings.map((w) => `  ${w}`));
  return `${out.join('\n')}\n`;
}

async function show(env: CommandEnv, values: ReturnType<typeof parse>['values']): Promise<number> {
  const on = date(values.on, false);
  const input = { ...(values.source !== undefined ? { source: values.source } : {}), ...(on ? { on } : {}) };
  const ledger = unwrap<{ on: string; channels: ConnectsLedger[] }>(await env.dispatch('connects:ledger', input));
  if (values.json) {
    const rows = ledger.channels.map((c) => Object.fromEntries(jsonKeys.map((k) => [k, c[k]])));
    env.io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  } else env.io.stdout(formatLedgerTable(ledger.on, ledger.channels));
  return 0;
}

export const connectsCommand: Command = {
  name: 'connects',
  summary: 'The credits ledger (Upwork Connects): balance, expiring, spent; record an opening balance or an adjustment',
  usage:
    'leadledger connects [--source NAME] [--on YYYY-MM-DD] [--json]\n' +
    '       leadledger connects opening --source NAME --count N --on YYYY-MM-DD [--yes]\n' +
    '       leadledger connects adjust --source NAME --count ±N --on YYYY-MM-DD --note TEXT\n\n' +
    '  The ledger up to --on (default today): opening balance, monthly allowance (a plan with credits replaces it),\n' +
    '  purchases, adjustments and spends, oldest first; credits expire 365 days after they came in.\n' +
    '  opening sets the balance Upwork showed on a day (it replaces an earlier one; --yes accepts a replacement that\n' +
    '  leaves spends uncovered); adjust adds or takes credits\n' +
    '  with a note, for example to match Upwork\'s "Available Connects".',
  async run(args, env) {
    const { values, positionals } = parse(args);
    const [action, ...extra] = positionals;
    if (extra.length) throw new CliError(`Unexpected argument "${extra[0]}"`, 2);
    if (action === undefined) return show(env, values);
    if (action !== 'opening' && action !== 'adjust')
      throw new CliError(`Unknown connects action "${action}" (opening or adjust)`, 2);
    if (values.source === undefined) throw new CliError('--source needs the channel name', 2);
    const on = date(values.on, true)!;
    const count = countOf(values.count);
    if (action === 'opening') {
      if (values.note !== undefined) throw new CliError('--note is for connects adjust', 2);
      const entry = unwrap<{ count: number; on: string }>(
        await env.dispatch('connects:set-opening', {
          source: values.source,
          count,
          on,
          ...(values.yes ? { confirmShortfall: true } : {}),
        }),
      );
      env.io.stdout(`Opening balance of ${values.source}: ${entry.count.toLocaleString('en-US')} on ${entry.on}\n`);
    } else {
      const entry = unwrap<{ count: number; on: string }>(
        await env.dispatch('connects:adjust', { source: values.source, count, on, note: values.note ?? '' }),
      );
      env.io.stdout(
        `Adjusted ${values.source} by ${entry.count > 0 ? '+' : ''}${entry.count.toLocaleString('en-US')} on ${entry.on}\n`,
      );
    }
    return 0;
  },
};
