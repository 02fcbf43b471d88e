import { useId, useState } from 'react';
import { presetRange } from '../../../shared/reports/presets';
import { api } from '../../api';
import { useAsync } from '../../lib/useAsync';
import { count, dash, money, percent } from '../../lib/reportFormat';

const explanation =
  'Break-even bid = (win rate with boost − win rate without) × average net revenue per win ÷ today’s credit price. ' +
  'A boost of that many connects costs as much as the extra wins it brought on your own history; bid less to come out ahead. ' +
  'It is given only when the 95% interval of the difference in win rates (Wilson score intervals combined by Newcombe’s method) excludes zero.';

type Period = 'report' | 'last-12-months' | 'all-time';
const periodLabels: Record<Period, string> = {
  report: 'The report’s period',
  'last-12-months': 'Last 12 months',
  'all-time': 'All time',
};
const points = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(0)}`;

type Props = { creditSources: { id: number; name: string }[]; from: string | null; to: string | null };

export function BoostPanel({ creditSources, from, to }: Props) {
  const [chosen, setChosen] = useState<number | null>(null);
  const [period, setPeriod] = useState<Period>('report');
  const sourceId = chosen ?? creditSources[0]?.id ?? null;
  const tipId = useId();
  const range = period === 'report' ? { from, to } : presetRange(period, new Date());
  const boost = useAsync(
    () => (sourceId ? api.reports.boost({ sourceId, from: range.from, to: range.to }) : Promise.resolve(null)),
    [sourceId, range.from, range.to],
  );
  const b = boost.data;
  return (
    <section className="panel boost-panel" aria-labelledby="boost-title">
      <div className="chart-head">
        <h2 id="boost-title">Boost analysis</h2>
        <label className="filter">
          Over
          <select
            value={period}
            onChange={(e) => setPeriod(e.target.value as Period)}
            aria-label="Boost analysis range"
          >
            {(Object.keys(periodLabels) as Period[]).map((p) => (
              <option key={p} value={p}>
                {periodLabels[p]}
              </option>
            ))}
          </select>
        </label>
        {creditSources.length > 1 && (
          <label className="filter">
            Channel
            <select
              value={sourceId ?? ''}
              onChange={(e) => setChosen(Number(e.target.value))}
              aria-label="Boost analysis channel"
            >
              {creditSources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {!sourceId && <p className="muted">No channel with bidding credits.</p>}
      {boost.error && <p className="form-error">{boost.error.message}</p>}
      {b && (
        <>
          <table className="data-table compact" aria-label={`Boosted and plain proposals on ${b.source}`}>
            <thead>
              <tr>
                <th scope="col">Proposals</th>
                <th scope="col" className="num">
                  Count
                </th>
                <th scope="col" className="num">
                  Wins
                </th>
                <th scope="col" className="num">
                  Win rate
                </th>
                <th scope="col" className="num">
                  {b.creditName} per win
                </th>
                <th scope="col" className="num">
                  Cost per win
                </th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['Boosted', b.boosted],
                  ['Not boosted', b.unboosted],
                ] as const
              ).map(([label, g]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td className="num">{count(g.proposals)}</td>
                  <td className="num">{count(g.wins)}</td>
                  <td className="num">{percent(g.winRate)}</td>
                  <td className="num">{g.connectsPerWin === null ? dash : g.connectsPerWin.toFixed(1)}</td>
                  <td className="num">{money(g.costPerWin, b.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="boost-verdict" data-testid="boost-verdict">
            {b.uplift && (
              <p>
                Boosted win rate {points(b.uplift.estimate)} points against not boosted (95% interval{' '}
                {points(b.uplift.low)} to {points(b.uplift.high)}), on {count(b.boosted.proposals)} boosted and{' '}
                {count(b.unboosted.proposals)} plain proposals.
              </p>
            )}
            <p>
              Your average boost bid:{' '}
              <strong>{b.averageBoostBid === null ? dash : `${b.averageBoostBid.toFixed(1)} ${b.creditName}`}</strong>.
            </p>
            {b.notEnoughData ? (
              <p>
                <strong>
                  Not enough evidence yet ({count(b.boosted.proposals)} boosted, {count(b.unboosted.proposals)} not)
                </strong>
                {b.uplift
                  ? ': the interval includes zero, so boosting may have made no difference.'
                  : ': one of the groups has no proposals in this period.'}
              </p>
            ) : (
              <p>
                Largest boost that paid for itself:{' '}
                <strong className="big-number" title={explanation} aria-describedby={tipId}>
                  {b.breakEvenBoostConnects === null ? dash : `${count(b.breakEvenBoostConnects)} ${b.creditName}`}
                </strong>{' '}
                at {money(b.creditPriceMinor, b.currency)} each
                {b.averageNetRevenuePerWin !== null && (
                  <> (average net revenue per win {money(b.averageNetRevenuePerWin, b.currency)})</>
                )}
                .
              </p>
            )}
            <details>
              <summary>How is this worked out?</summary>
              <p id={tipId}>{explanation}</p>
            </details>
          </div>
          {b.warnings.map((w) => (
            <p key={w} className="report-warning">
              {w}
            </p>
          ))}
        </>
      )}
    </section>
  );
}
