import { api } from '../../api';
import { formatDay } from '../../app/format';
import { useAsync } from '../../app/useAsync';
import { count } from './reportFormat';

export function ConnectsPanel() {
  const balances = useAsync(() => api.reports.connects({}), []);
  return (
    <section className="panel" aria-labelledby="connects-title">
      <h2 id="connects-title">Connects balance today</h2>
      {balances.error && <p className="form-error">{balances.error.message}</p>}
      {balances.data?.length === 0 && <p className="muted">No channel with bidding credits.</p>}
      {balances.data && balances.data.length > 0 && (
        <table className="data-table compact" aria-label="Connects balance per channel">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col" className="num">Bought</th>
              <th scope="col" className="num" title="Monthly allowance of the channel and of its plans">Free</th>
              <th scope="col" className="num">Refunded</th>
              <th scope="col" className="num">Spent</th>
              <th scope="col" className="num" title="Unspent a year after they were acquired">Expired</th>
              <th scope="col" className="num">Balance</th>
              <th scope="col" className="num">Expiring in 30 days</th>
            </tr>
          </thead>
          <tbody>
            {balances.data.map((b) => (
              <tr key={b.sourceId}>
                <th scope="row">
                  {b.source} <span className="muted">({b.creditName})</span>
                </th>
                <td className="num">{count(b.bought)}</td>
                <td className="num">{count(b.free)}</td>
                <td className="num">{count(b.refunded)}</td>
                <td className="num">{count(b.spent)}</td>
                <td className="num">{count(b.expired)}</td>
                <td className={`num ${b.balance < 0 ? 'negative' : ''}`}>
                  <strong>{count(b.balance)}</strong>
                </td>
                <td className="num">
                  {count(b.expiringSoon)}
                  {b.nextExpiry && <span className="muted"> (first {formatDay(b.nextExpiry)})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">
        Bought + free allowance + refunded − spent − expired. Connects expire one year after they were acquired, oldest first. A negative
        balance means more were spent than recorded: add the missing purchases on the Costs page.
      </p>
    </section>
  );
}
