import { parseArgs } from 'node:util';
import type { ChannelReport, ChannelRow } from '../../shared/api/schemas/reports';
import { isIsoDate } from '../../shared/dates';
import { days, groupedAmount as money, hours, percent } from '../../shared/reports/format';
import { CliError } from '../cli-error';
import { attributionFlag } from './attribution-flag';
import type { Command } from '../command';

type Column = {
  title: string;
  cell: (row: Omit<ChannelRow, 'source'> & { source: string }, currency: string) => string;
  left?: boolean;
};

const columns: Column[] = [
  { title: 'Channel', cell: (r) => r.source, left: true },
  { title: 'Leads', cell: (r) => String(r.leads) },
  { title: 'Proposals', cell: (r) => String(r.proposals) },
  { title: 'Replies', cell: (r) => String(r.replies) },
  { title: 'Interviews', cell: (r) => String(r.interviews) },
  { title: 'Wins', cell: (r) => String(r.wins) },
  { title: 'Win rate', cell: (r) => percent(r.winRate) },
  { title: 'Connects', cell: (r) => String(r.connectsSpent) },
  { title: 'Refunded', cell: (r) => String(r.connectsRefunded) },
  { title: 'Expired', cell: (r) => String(r.connectsExpired) },
  { title: 'Connects/win', cell: (r) => days(r.connectsPerWin) },
  { title: 'Revenue', cell: (r, c) => money(r.revenue, c) },
  { title: 'Fees', cell: (r, c) => money(r.fees, c) },
  { title: 'Costs', cell: (r, c) => money(r.costs, c) },
  { title: 'Profit', cell: (r, c) => money(r.profit, c) },
  { title: 'Profit/hour', cell: (r, c) => money(r.profitPerHour, c) },
  { title: 'ROI', cell: (r) => percent(r.roi) },
  { title: 'Cost/lead', cell: (r, c) => money(r.costPerLead, c) },
  { title: 'Cost/win', cell: (r, c) => money(r.costPerWin, c) },
  { title: 'Rev/connect', cell: (r, c) => money(r.revenuePerConnect, c) },
  { title: 'Booked', cell: (r, c) => money(r.booked, c) },
  { title: 'Median days', cell: (r) => days(r.medianDaysToWin) },
  { title: 'Sales h', cell: (r) => hours(r.salesHours) },
  { title: 'Delivery h', cell: (r) => hours(r.deliveryHours) },
  { title: 'Sales h/win', cell: (r) => hours(r.salesHoursPerWin) },
];

export function formatReportTable(report: ChannelReport, attribution: 'last' | 'first' = 'last'): string {
  const rows = [...report.channels, { source: 'Total', ...report.totals }];
  const cells = rows.map((row) => columns.map((c) => c.cell(row, report.currency)));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i]!.left ? v.padEnd(widths[i]!) : v.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [
    `Channel report ${report.from} to ${report.to}, ${report.basis} basis${attribution === 'first' ? ', first-touch attribution' : ''}, amounts in ${report.currency}`,
    '',
    line(columns.map((c) => c.title)),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.slice(0, -1).map(line),
    line(widths.map((w) => '-'.repeat(w))),
    line(cells.at(-1)!),
  ];
  if (report.channels.length === 0) out.splice(4, 0, '(no activity in this range)');
  if (report.warnings.length) out.push('', 'Warnings:', ...report.warnings.map((w) => `  ${w}`));
  return `${out.join('\n')}\n`;
}

function date(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new CliError(`--${flag} needs a real date written YYYY-MM-DD (got "${value}")`, 2);
  return value;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Per-channel profit report (leads, wins, revenue, fees, costs, ROI) for a date range',
  usage:
    'leadledger report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--basis cash|usage] [--attribution last|first] [--json]\n\n' +
    '  Dates are inclusive; without --from/--to the report covers all records (the range used is printed).\n' +
    '  --basis usage (default): connects valued when spent on proposals; cash: what was paid in the range.\n' +
    '  --attribution last (default): a payment counts for its own channel; first: for the channel its client first came from.\n' +
    '  --json prints the report as JSON, money as integer minor units of the base currency.',
  async run(args, env) {
    let values: { from?: string; to?: string; basis?: string; attribution?: string; json?: boolean };
    try {
      ({ values } = parseArgs({
        args,
        options: {
          from: { type: 'string' },
          to: { type: 'string' },
          basis: { type: 'string' },
          attribution: { type: 'string' },
          json: { type: 'boolean' },
        },
        strict: true,
      }));
    } catch (error) {
      throw new CliError((error as Error).message.split('\n')[0]!, 2);
    }
    const from = date('from', values.from);
    const to = date('to', values.to);
    if (from && to && to < from) throw new CliError(`--to ${to} is before --from ${from}`, 2);
    if (values.basis !== undefined && values.basis !== 'cash' && values.basis !== 'usage') {
      throw new CliError(`--basis is cash or usage (got "${values.basis}")`, 2);
    }
    const attribution = attributionFlag(values.attribution) ?? 'last';
    const report = await env.call('reports:channels', {
      from,
      to,
      basis: (values.basis as 'cash' | 'usage' | undefined) ?? 'usage',
      attribution,
    });
    env.io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReportTable(report, attribution));
    return 0;
  },
};
