import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReportDetail } from '../../../shared/api/schemas/reports';
import { hours } from '../../../shared/reports/format';
import { ChartTable } from './ChartTable';
import { compactMoney, money } from '../../lib/reportFormat';
import { formatDay } from '../../lib/format';

const axis = { stroke: 'var(--muted)', fontSize: 12 };
const tooltipStyle = {
  background: 'var(--panel)',
  border: '1px solid var(--border)',
  borderRadius: 8,
  color: 'var(--text)',
};

/** Profit per hour of effort by channel (docs/domain.md §6): the channels with logged hours, best first. */
export function ProfitPerHourChart({ detail }: { detail: ReportDetail }) {
  const currency = detail.report.currency;
  const colorOf = new Map(detail.sources.map((s) => [s.source, s.color]));
  const data = detail.report.channels
    .filter((c) => c.profitPerHour !== null)
    .map((c) => ({
      source: c.source,
      perHour: c.profitPerHour!,
      hours: c.salesHours + c.deliveryHours,
      sales: c.salesHours,
      delivery: c.deliveryHours,
    }))
    .sort((a, b) => b.perHour - a.perHour);
  // What each figure rests on: payments dated in months with no time logged on the channel.
  const coverage = new Map((detail.hoursCoverage ?? []).map((c) => [c.source, c]));
  const thin = data.flatMap((d) => {
    const c = coverage.get(d.source);
    return c && c.withoutHours > 0 ? [{ ...c }] : [];
  });
  const basis = (source: string) => {
    const c = coverage.get(source);
    return c ? `${c.payments - c.withoutHours} of ${c.payments}` : '—';
  };
  return (
    <figure className="chart panel" aria-labelledby="chart-per-hour-title">
      <figcaption id="chart-per-hour-title">
        <h2>Profit per hour by channel</h2>
        <span className="muted">Sales + delivery hours logged in the range</span>
      </figcaption>
      {data.length === 0 ? (
        <p className="muted chart-empty">
          No time logged in this range: log time on a lead or a channel to see what an hour earns.
        </p>
      ) : (
        <ResponsiveContainer width="100%" height={Math.max(160, 40 + data.length * 34)}>
          <BarChart
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 16, bottom: 0, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              tick={axis}
              stroke="var(--border)"
              tickFormatter={(v: number) => compactMoney(v, currency)}
            />
            <YAxis type="category" dataKey="source" tick={axis} stroke="var(--border)" width={120} />
            <ReferenceLine x={0} stroke="var(--muted)" />
            <Tooltip
              contentStyle={tooltipStyle}
              formatter={(v) => `${money(Number(v), currency)} / hour`}
              cursor={{ fill: 'var(--panel-2)' }}
            />
            <Bar dataKey="perHour" name="Profit / hour" isAnimationActive={false}>
              {data.map((d) => (
                <Cell
                  key={d.source}
                  fill={d.perHour < 0 ? 'var(--danger)' : (colorOf.get(d.source) ?? 'var(--accent)')}
                />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
      {thin.length > 0 && (
        <ul className="report-warnings hours-coverage" aria-label="What the hourly figures rest on">
          {thin.map((c) => (
            <li key={c.source}>
              {c.source}: {c.withoutHours} of {c.payments} payment{c.payments === 1 ? '' : 's'} in this range{' '}
              {c.withoutHours === 1 ? 'falls' : 'fall'} in a month with no time logged on it
              {c.firstTimeOn ? ` (time logged from ${formatDay(c.firstTimeOn)})` : ''}: its profit per hour counts money
              without the hours behind it. Choose a shorter range or log that time.
            </li>
          ))}
        </ul>
      )}
      {data.length > 0 && (
        <ChartTable
          caption="Profit per hour by channel"
          columns={['Channel', 'Profit / hour', 'Sales h', 'Delivery h', 'Payments with hours']}
          rows={data.map((d) => [
            d.source,
            money(d.perHour, currency),
            hours(d.sales),
            hours(d.delivery),
            basis(d.source),
          ])}
        />
      )}
    </figure>
  );
}
