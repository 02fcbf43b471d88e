import { csvLine, textCell } from '../../shared/csv/escape';
import type { Attribution, ChannelReport } from '../../shared/api/schemas/reports';
import { formatMinorPlain } from '../../shared/money';
import type { ReadCtx } from '../context';
import { channelReport } from './reports-service';

// The channel report as CSV: one row per channel and a Total row; the columns are the field
// names of `leadledger report --json` (docs/domain.md §4); money in base-currency units, exact.
const moneyFields = [
  'revenue',
  'fees',
  'costs',
  'profit',
  'costPerLead',
  'costPerWin',
  'revenuePerConnect',
  'booked',
  'profitPerHour',
] as const;
const reportHeaders = [
  'source',
  'leads',
  'proposals',
  'replies',
  'interviews',
  'wins',
  'winRate',
  'connectsSpent',
  'connectsRefunded',
  'connectsExpired',
  'connectsPerWin',
  'revenue',
  'fees',
  'costs',
  'profit',
  'roi',
  'costPerLead',
  'costPerWin',
  'revenuePerConnect',
  'booked',
  'medianDaysToWin',
  'salesHours',
  'deliveryHours',
  'profitPerHour',
  'salesHoursPerWin',
  'currency',
  'basis',
  'attribution',
] as const;

function reportCsv(report: ChannelReport, attribution: Attribution, bom = false): string {
  const money = new Set<string>(moneyFields);
  const line = (source: string, row: Record<string, unknown>) =>
    csvLine(
      reportHeaders.map((h) => {
        if (h === 'source') return textCell(source);
        if (h === 'currency') return report.currency;
        if (h === 'basis') return report.basis;
        if (h === 'attribution') return attribution;
        const v = row[h];
        if (v === null || v === undefined) return '';
        return money.has(h) ? formatMinorPlain(v as number, report.currency) : String(v);
      }),
    );
  let text = `${bom ? '\uFEFF' : ''}${csvLine([...reportHeaders])}`;
  for (const channel of report.channels) text += line(channel.source, channel);
  text += line('Total', report.totals);
  return text;
}

/** The report as the Reports page shows it: same range and basis (usage unless told). */
export function exportReport(
  ctx: ReadCtx,
  options: {
    from?: string | undefined;
    to?: string | undefined;
    bom?: boolean;
    json?: boolean;
    basis?: 'cash' | 'usage' | undefined;
    attribution?: Attribution | undefined;
  },
): { text: string; rows: number } {
  const attribution = options.attribution ?? 'last';
  const report = channelReport(ctx, {
    from: options.from ?? null,
    to: options.to ?? null,
    basis: options.basis ?? 'usage',
    attribution,
  });
  return {
    text: options.json ? `${JSON.stringify(report, null, 2)}\n` : reportCsv(report, attribution, options.bom),
    rows: report.channels.length,
  };
}
