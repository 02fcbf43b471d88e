import { api } from '../../api';
import { useAsync } from '../../lib/useAsync';
import { ChannelChip } from '../../components/Badges';

export type LostReasonsPanelProps = { from: string; to: string };

/** Why leads were lost in the range, per reason with the channels it came from. */
export function LostReasonsPanel({ from, to }: LostReasonsPanelProps) {
  const counts = useAsync(() => api.reasons.report({ from, to }), [from, to]);
  const rows = counts.data ?? [];
  const byReason = new Map<string, { total: number; channels: typeof rows }>();
  for (const r of rows) {
    const entry = byReason.get(r.reason) ?? { total: 0, channels: [] };
    entry.total += r.count;
    entry.channels.push(r);
    byReason.set(r.reason, entry);
  }
  const reasons = [...byReason.entries()].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]));
  return (
    <section className="panel" aria-labelledby="lost-reasons-title">
      <h2 id="lost-reasons-title">Lost reasons</h2>
      {counts.error && <p className="form-error">{counts.error.message}</p>}
      {counts.data && reasons.length === 0 && <p className="muted">No leads were lost in this range.</p>}
      {reasons.length > 0 && (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col" className="num">
                Lost
              </th>
              <th scope="col">Channels</th>
            </tr>
          </thead>
          <tbody>
            {reasons.map(([reason, entry]) => (
              <tr key={reason}>
                <th scope="row">{reason}</th>
                <td className="num">{entry.total.toLocaleString()}</td>
                <td>
                  <span className="reason-channels">
                    {entry.channels.map((c) => (
                      <span key={c.sourceId}>
                        <ChannelChip name={c.sourceName} color={c.sourceColor} /> {c.count.toLocaleString()}
                      </span>
                    ))}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
