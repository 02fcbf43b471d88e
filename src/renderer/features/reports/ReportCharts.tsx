import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReportDetail } from '../../../shared/api/schemas/reports';
import { compactMoney, count, money } from '../../lib/reportFormat';
import { distinctColors } from '../../../shared/domain/palette';
import { fillMonths } from './monthSeries';
import { ChartTable } from './ChartTable';

const axis = { stroke: 'var(--muted)', fontSize: 12 };
const tooltipStyle = {
  background: 'var(--panel)',
  border: '1px solid var(--border)',
  borderRadius: 8,
  color: 'var(--text)',
};

/** Top channels by absolute profit; the rest would only clutter the lines. */
function topChannels(detail: ReportDetail, limit: number): ReportDetail['sources'] {
  const score = new Map(detail.report.channels.map((c) => [c.source, Math.abs(c.profit)]));
  return [...detail.sources].sort((a, b) => (score.get(b.source) ?? 0) - (score.get(a.source) ?? 0)).slice(0, limit);
}

export function MonthlyProfitChart({ detail }: { detail: ReportDetail }) {
  const currency = detail.report.currency;
  const top = topChannels(detail, 6);
  // Presets such as Upwork and Fiverr share a green: lines get distinct hues.
  const colors = distinctColors(top.map((c) => c.color));
  const channels = top.map((c, i) => ({ ...c, color: colors[i]! }));
  const data = fillMonths(
    detail.monthly,
    channels.map((c) => c.source),
  );
  // A line needs two points: with one month the chart is bars, and every line has dots so a
  // channel with a single month of data still shows.
  const single = data.length === 1;
  return (
    <figure className="chart panel" aria-labelledby="chart-monthly-title">
      <figcaption id="chart-monthly-title">
        <h2>Monthly profit per channel</h2>
        <span className="muted">Top {channels.length} channels by profit</span>
      </figcaption>
      {data.length === 0 ? (
        <p className="muted chart-empty">Nothing to chart in this range.</p>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          {single ? (
            <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" tick={axis} stroke="var(--border)" />
              <YAxis
                tick={axis}
                stroke="var(--border)"
                tickFormatter={(v: number) => compactMoney(v, currency)}
                width={70}
              />
              <Tooltip
                contentStyle={tooltipStyle}
                formatter={(v) => money(Number(v), currency)}
                cursor={{ fill: 'var(--panel-2)' }}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {channels.map((c) => (
                <Bar key={c.source} dataKey={c.source} fill={c.color} isAnimationActive={false} />
              ))}
            </BarChart>
          ) : (
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
              <XAxis dataKey="month" tick={axis} stroke="var(--border)" />
              <YAxis
                tick={axis}
                stroke="var(--border)"
                tickFormatter={(v: number) => compactMoney(v, currency)}
                width={70}
              />
              <Tooltip contentStyle={tooltipStyle} formatter={(v) => money(Number(v), currency)} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {channels.map((c) => (
                <Line
                  key={c.source}
                  type="linear"
                  dataKey={c.source}
                  stroke={c.color}
                  strokeWidth={2}
                  dot={{ r: 3, fill: c.color }}
                  isAnimationActive={false}
                  connectNulls
                />
              ))}
            </LineChart>
          )}
        </ResponsiveContainer>
      )}
      {data.length > 0 && (
        <ChartTable
          caption="Monthly profit per channel"
          columns={['Month', ...channels.map((c) => c.source)]}
          rows={data.map((d) => [
            String(d.month),
            ...channels.map((c) => (typeof d[c.source] === 'number' ? money(d[c.source] as number, currency) : '—')),
          ])}
        />
      )}
    </figure>
  );
}

const funnelSteps = [
  ['leads', 'Leads'],
  ['proposals', 'Proposals'],
  ['replies', 'Replies'],
  ['interviews', 'Interviews'],
  ['wins', 'Wins'],
] as const;

export function FunnelChart({ detail }: { detail: ReportDetail }) {
  const withLeads = detail.report.channels.filter((c) => c.leads > 0);
  const [choice, setChoice] = useState('Total');
  const row =
    choice === 'Total' ? detail.report.totals : (withLeads.find((c) => c.source === choice) ?? detail.report.totals);
  const color = detail.sources.find((s) => s.source === choice)?.color ?? 'var(--accent)';
  const data = funnelSteps.map(([key, label]) => ({ step: label, count: row[key] }));
  return (
    <figure className="chart panel" aria-labelledby="chart-funnel-title">
      <figcaption id="chart-funnel-title" className="chart-head">
        <h2>Funnel</h2>
        <label className="filter">
          Channel
          <select value={choice} onChange={(e) => setChoice(e.target.value)} aria-label="Funnel channel">
            <option value="Total">All channels</option>
            {withLeads.map((c) => (
              <option key={c.source} value={c.source}>
                {c.source}
              </option>
            ))}
          </select>
        </label>
      </figcaption>
      <ResponsiveContainer width="100%" height={230}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 40, bottom: 0, left: 8 }}
          accessibilityLayer={false}
        >
          <XAxis type="number" hide />
          <YAxis type="category" dataKey="step" tick={axis} stroke="var(--border)" width={80} />
          <Tooltip
            contentStyle={tooltipStyle}
            formatter={(v) => count(Number(v))}
            cursor={{ fill: 'var(--panel-2)' }}
          />
          <Bar
            dataKey="count"
            fill={color}
            radius={[0, 4, 4, 0]}
            isAnimationActive={false}
            label={{ position: 'right', fill: 'var(--text)', fontSize: 12 }}
          />
        </BarChart>
      </ResponsiveContainer>
      <ChartTable
        caption={`Funnel, ${choice === 'Total' ? 'all channels' : choice}`}
        columns={['Step', 'Leads']}
        rows={data.map((d) => [d.step, count(d.count)])}
      />
    </figure>
  );
}

const categoryColors: Record<string, string> = {
  'connects used': '#14a800',
  connects: '#2e9d6a',
  subscription: '#2f6fde',
  advertising: '#e0663a',
  fee: '#b8860b',
  tax: '#8e44ad',
  other: '#16a2b8',
};

export function CostBreakdownChart({ detail }: { detail: ReportDetail }) {
  const currency = detail.report.currency;
  const categories = [...new Set(detail.costBreakdown.map((c) => c.category))];
  const bySource = new Map<string, Record<string, number | string>>();
  for (const c of detail.costBreakdown) {
    const row = bySource.get(c.source) ?? { source: c.source };
    row[c.category] = c.amount;
    bySource.set(c.source, row);
  }
  const data = [...bySource.values()];
  return (
    <figure className="chart panel" aria-labelledby="chart-costs-title">
      <figcaption id="chart-costs-title">
        <h2>Cost breakdown</h2>
        <span className="muted">
          {detail.report.basis === 'usage' ? 'Connects valued when used' : 'Connects counted when bought'}
        </span>
      </figcaption>
      {data.length === 0 ? (
        <p className="muted chart-empty">No costs in this range.</p>
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
            <Tooltip
              contentStyle={tooltipStyle}
              formatter={(v) => money(Number(v), currency)}
              cursor={{ fill: 'var(--panel-2)' }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {categories.map((category) => (
              <Bar
                key={category}
                dataKey={category}
                stackId="costs"
                fill={categoryColors[category] ?? '#888'}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
      {data.length > 0 && (
        <ChartTable
          caption="Cost breakdown"
          columns={['Channel', ...categories]}
          rows={data.map((d) => [
            String(d.source),
            ...categories.map((c) => (typeof d[c] === 'number' ? money(d[c] as number, currency) : '—')),
          ])}
        />
      )}
    </figure>
  );
}
