import { api } from '../../api';
import { formatDay } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';

/** The credits balance per channel, for the Channels and Reports pages; the Connects screen has the rest. */
export function ConnectsSummary({ on, title }: { on?: string | undefined; title: string }) {
  const ledger = useAsync(() => api.connects.ledger(on ? { on } : {}), [on]);
  const channels = ledger.data?.channels ?? [];
  return (
    <section className="panel" aria-labelledby="connects-summary-title">
      <div className="chart-head">
        <h2 id="connects-summary-title">{title}</h2>
        <a href="#/connects">Open the Connects ledger</a>
      </div>
      {ledger.error && <p className="form-error">{ledger.error.message}</p>}
      {ledger.data && channels.length === 0 && <p className="muted">No channel with bidding credits.</p>}
      {channels.length > 0 && (
        <table className="data-table compact" aria-label="Credits balance per channel">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col" className="num">
                Balance
              </th>
              <th scope="col" className="num">
                Expiring in 30 days
              </th>
              <th scope="col" className="num">
                Spent
              </th>
              <th
                scope="col"
                className="num"
                title="Spent with no opening balance, allowance or purchase to cover them"
              >
                Uncovered
              </th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c) => (
              <tr key={c.sourceId}>
                <th scope="row">
                  {c.source} <span className="muted">({c.creditName})</span>
                </th>
                <td className="num">
                  <strong>{c.balance.toLocaleString()}</strong>
                </td>
                <td className="num">{c.expiringIn30Days.toLocaleString()}</td>
                <td className="num">{c.spent.toLocaleString()}</td>
                <td className={`num ${c.uncovered > 0 ? 'negative' : ''}`}>{c.uncovered.toLocaleString()}</td>
                <td>
                  {c.start ? formatDay(c.start) : '—'}
                  {c.startAssumed && c.start && (
                    <span className="muted"> (assumed start; enter your opening balance)</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
