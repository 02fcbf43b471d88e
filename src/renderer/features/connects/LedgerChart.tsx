import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ConnectsLedger } from '../../../shared/api/schemas/connects';

const axis = { stroke: 'var(--muted)', fontSize: 12 };
const tooltipStyle = {
  background: 'var(--panel)',
  border: '1px solid var(--border)',
  borderRadius: 8,
  color: 'var(--text)',
};

/** In, out and expired per month as bars, the month-end balance as a line. */
export function LedgerChart({ months, creditName }: { months: ConnectsLedger['months']; creditName: string }) {
  const data = months.slice(-24).map((m) => ({ ...m, out: -m.out, expired: -m.expired }));
  return (
    <figure className="chart panel" aria-labelledby="ledger-chart-title">
      <figcaption id="ledger-chart-title">
        <h2>{creditName} by month</h2>
        <span className="muted">Last {data.length} months</span>
      </figcaption>
      {data.length === 0 ? (
        <p className="muted chart-empty">Nothing recorded yet.</p>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart
            data={data}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
            stackOffset="sign"
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="month" tick={axis} stroke="var(--border)" />
            <YAxis tick={axis} stroke="var(--border)" width={50} />
            <Tooltip contentStyle={tooltipStyle} formatter={(v) => Math.abs(Number(v)).toLocaleString()} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="in" name="In" stackId="m" fill="var(--ok)" isAnimationActive={false} />
            <Bar dataKey="out" name="Out" stackId="m" fill="var(--accent)" isAnimationActive={false} />
            <Bar dataKey="expired" name="Expired" stackId="m" fill="var(--warn)" isAnimationActive={false} />
            <Line
              dataKey="balance"
              name="Balance"
              stroke="var(--text)"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
