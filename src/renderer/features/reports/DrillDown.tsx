import { api } from '../../api';
import { formatDay } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { routeWith } from '../../lib/useRoute';
import { money } from '../../lib/reportFormat';

type Props = { source: string; sourceId: number | null; from: string | null; to: string | null; onClose: () => void };

/** A channel's leads (a link to the Leads page), payments and expenses in the range. */
export function DrillDown({ source, sourceId, from, to, onClose }: Props) {
  const payments = useAsync(
    () => (sourceId ? api.payments.list({ sourceId, from, to, limit: 50 }) : Promise.resolve({ items: [], total: 0 })),
    [sourceId, from, to],
  );
  const expenses = useAsync(
    () => api.expenses.list({ ...(sourceId ? { sourceId } : { noChannel: true }), from, to, limit: 50 }),
    [sourceId, from, to],
  );
  const leadsLink = `#/${routeWith('leads', { source: sourceId ? String(sourceId) : null, from, to })}`;
  return (
    <section className="panel drill-down" aria-labelledby="drill-title">
      <div className="chart-head">
        <h2 id="drill-title">{source}</h2>
        <div className="row-actions">
          {sourceId && (
            <a className="button-link" href={leadsLink}>
              Open its leads
            </a>
          )}
          <button type="button" onClick={onClose} aria-label={`Close ${source} details`}>
            Close
          </button>
        </div>
      </div>
      <div className="drill-grid">
        <div>
          <h3>Payments {payments.data && <span className="muted">({payments.data.total.toLocaleString()})</span>}</h3>
          <div className="drill-scroll" tabIndex={0} role="region" aria-label={`Payments list`}>
            <table className="data-table compact" aria-label={`Payments of ${source}`}>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="num">
                    Gross
                  </th>
                  <th scope="col" className="num">
                    Fee
                  </th>
                </tr>
              </thead>
              <tbody>
                {payments.data?.items.map((p) => (
                  <tr key={p.id}>
                    <td>{formatDay(p.date)}</td>
                    <td title={p.description}>{p.leadTitle ?? p.description}</td>
                    <td className={`num ${p.grossMinor < 0 ? 'negative' : ''}`}>{money(p.grossMinor, p.currency)}</td>
                    <td className="num">{money(p.feeMinor, p.currency)}</td>
                  </tr>
                ))}
                {payments.data?.items.length === 0 && (
                  <tr>
                    <td colSpan={4} className="table-empty">
                      No payments in this range.
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </div>
        <div>
          <h3>Expenses {expenses.data && <span className="muted">({expenses.data.total.toLocaleString()})</span>}</h3>
          <div className="drill-scroll" tabIndex={0} role="region" aria-label={`Expenses list`}>
            <table className="data-table compact" aria-label={`Expenses of ${source}`}>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Category</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {expenses.data?.items.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDay(e.date)}</td>
                    <td>
                      {e.category}
                      {e.connects ? ` (${e.connects})` : ''}
                    </td>
                    <td title={e.description}>{e.description}</td>
                    <td className="num">{money(e.amountMinor, e.currency)}</td>
                  </tr>
                ))}
                {expenses.data?.items.length === 0 && (
                  <tr>
                    <td colSpan={4} className="table-empty">
                      No expenses in this range.
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <p className="muted small">Subscription plans are charged on their dates and shown on the Costs page.</p>
        </div>
      </div>
    </section>
  );
}
