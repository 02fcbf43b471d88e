import { formatPostedAgo } from '../../../shared/domain/bid-facts';
import { api } from '../../api';
import { formatDay } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { type FactorKey, type Measure, measureWords } from './beingSeenFormat';

export type ProposalsPick = { sourceId: number; source: string; factor?: FactorKey; level?: string; measure: Measure };

/** The proposals behind one number of the "Being seen" panel, each a link to its lead. */
export function ProposalsBehind({
  pick,
  from,
  to,
  onClose,
}: {
  pick: ProposalsPick;
  from: string | null;
  to: string | null;
  onClose: () => void;
}) {
  const list = useAsync(
    () =>
      api.visibility.proposals({
        sourceId: pick.sourceId,
        from,
        to,
        measure: pick.measure,
        ...(pick.factor ? { factor: pick.factor, level: pick.level } : {}),
      }),
    [pick.sourceId, pick.factor, pick.level, pick.measure, from, to],
  );
  const what = `${measureWords[pick.measure]}${pick.level ? ` · ${pick.level}` : ''} · ${pick.source}`;
  return (
    <section className="panel proposals-behind" aria-label={`Proposals behind: ${what}`}>
      <div className="chart-head">
        <h3>
          {what} {list.data && <span className="muted">({list.data.total.toLocaleString()})</span>}
        </h3>
        <button type="button" onClick={onClose} aria-label="Close the proposals list">
          Close
        </button>
      </div>
      {list.error && <p className="form-error">{list.error.message}</p>}
      <div className="drill-scroll" tabIndex={0} role="region" aria-label="Proposals list">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Applied</th>
              <th scope="col">Lead</th>
              <th scope="col">Stage</th>
              <th scope="col">Posted before</th>
              <th scope="col">Proposals</th>
              <th scope="col">Boost</th>
              <th scope="col">Viewed</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDay(r.appliedOn)}</td>
                <td>
                  <a href={`#/lead/${r.id}`}>{r.title}</a>
                  {r.invited && <span className="muted small"> · invited</span>}
                </td>
                <td>{r.stage}</td>
                <td>{r.minutesAfterPost === null ? '—' : formatPostedAgo(r.minutesAfterPost)}</td>
                <td>{r.proposalsWhenBid ?? '—'}</td>
                <td>
                  {r.boostConnects > 0 ? `${r.boostConnects}${r.boostOutcome ? ` · ${r.boostOutcome}` : ''}` : '—'}
                </td>
                <td>{r.viewedOn ? formatDay(r.viewedOn) : '—'}</td>
              </tr>
            ))}
            {list.data?.rows.length === 0 && (
              <tr>
                <td colSpan={7} className="table-empty">
                  No proposals.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {list.data && list.data.total > list.data.rows.length && (
        <p className="muted small">
          The newest {list.data.rows.length} of {list.data.total.toLocaleString()}.
        </p>
      )}
    </section>
  );
}
