import { useId, useState } from 'react';
import { api } from '../../api';
import { useAsync } from '../../app/useAsync';
import { count, dash, money, percent } from './reportFormat';

const explanation =
  'Break-even bid = (win rate with boost − win rate without) × average net revenue per win ÷ today’s credit price. ' +
  'A boost of that many connects costs as much as the extra wins it brought on your own history; bid less to come out ahead.';

type Props = { creditSources: { id: number; name: string }[]; from: string | null; to: string | null };

export function BoostPanel({ creditSources, from, to }: Props) {
  const [chosen, setChosen] = useState<number | null>(null);
  const sourceId = chosen ?? creditSources[0]?.id ?? null;
  const tipId = useId();
  const boost = useAsync(() => (sourceId ? api.reports.boost({ sourceId, from, to }) : Promise.resolve(null)), [sourceId, from, to]);
  const b = boost.data;
  return (
    <section className="panel boost-panel" aria-labelledby="boost-title">
      <div className="chart-head">
        <h2 id="boost-title">Boost analysis</h2>
        {creditSources.length > 1 && (
          <label className="filter">
            Channel
            <select value={sourceId ?? ''} onChange={(e) => setChosen(Number(e.target.value))} aria-label="Boost analysis channel">
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
                <th scope="col" className="num">Count</th>
                <th scope="col" className="num">Wins</th>
                <th scope="col" className="num">Win rate</th>
                <th scope="col" className="num">{b.creditName} per win</th>
                <th scope="col" className="num">Cost per win</th>
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
            {b.notEnoughData ? (
              <p>
                <strong>Not enough data yet:</strong> {b.boosted.proposals} boosted proposal{b.boosted.proposals === 1 ? '' : 's'} in this range; the
                analysis needs at least 10 (and some without a boost).
              </p>
            ) : (
              <p>
                Largest boost that paid for itself:{' '}
                <strong className="big-number" title={explanation} aria-describedby={tipId}>
                  {b.breakEvenBoostConnects === null ? dash : `${count(b.breakEvenBoostConnects)} ${b.creditName}`}
                </strong>{' '}
                at {money(b.creditPriceMinor, b.currency)} each
                {b.averageNetRevenuePerWin !== null && <> (average net revenue per win {money(b.averageNetRevenuePerWin, b.currency)})</>}.
              </p>
            )}
            <details>
              <summary>How is this worked out?</summary>
              <p id={tipId}>{explanation}</p>
            </details>
          </div>
          {b.warnings.map((w) => (
            <p key={w} className="report-warning">{w}</p>
          ))}
        </>
      )}
    </section>
  );
}
