import { useState } from 'react';
import type { ToAssignPayment } from '../../../shared/api/schemas/payer-links';
import { api } from '../../api';
import { formatDay } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useToast } from '../../components/Toasts';
import { money } from '../../lib/reportFormat';
import { useSources } from '../../lib/useSources';
import { LeadFinder } from './LeadFinder';
import './clients.css';

const railLabels = { paypal: 'PayPal', stripe: 'Stripe', bank: 'Bank' } as const;

/**
 * Payments from a payment rail that no lead or channel claims yet (docs/domain.md §7.5). A payer whose name
 * or e-mail matches a client is offered that client's latest open or won lead: one click links it
 * and remembers the payer; otherwise one click puts it on a channel.
 */
export function ToAssignPage() {
  const waiting = useAsync(() => api.payments.toAssign({ limit: 500 }), []);
  const items = waiting.data?.items ?? [];
  return (
    <div className="page to-assign-page">
      <header className="page-header">
        <div>
          <h1>To assign</h1>
          <p className="page-summary">
            Imported payments with no lead yet, from every channel. Linking a PayPal or Stripe payment to a lead
            remembers its payer: their next payments link by themselves.
          </p>
        </div>
      </header>
      {waiting.error && (
        <p className="form-error" role="alert">
          {waiting.error.message}
        </p>
      )}
      <table className="data-table to-assign-table" aria-label="Payments to assign">
        <colgroup>
          <col style={{ width: 120 }} />
          <col />
          <col style={{ width: 110 }} />
          <col style={{ width: '30%' }} />
          <col style={{ width: 280 }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Payer</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Lead</th>
            <th scope="col">Or a channel</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <ToAssignRow key={p.id} payment={p} />
          ))}
          {waiting.data && items.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                Nothing to assign: every imported payment has its lead or channel.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {waiting.data && waiting.data.total > items.length && (
        <p className="muted">
          Showing the newest {items.length} of {waiting.data.total.toLocaleString()}.
        </p>
      )}
    </div>
  );
}

function ToAssignRow({ payment: p }: { payment: ToAssignPayment }) {
  const toast = useToast();
  const sources = useSources();
  const [sourceId, setSourceId] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      toast.info(done);
    } catch (e) {
      toast.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const s = p.suggestion;
  return (
    <tr>
      <td>{formatDay(p.date)}</td>
      <td>
        <span className="payer-name">{p.payerName || (p.rail ? '(no name)' : p.sourceName)}</span>
        {p.payerEmail && <span className="muted payer-email"> {p.payerEmail}</span>}
        {p.rail && <span className="tag">{railLabels[p.rail]}</span>}
        {p.description && <div className="muted payer-description">{p.description}</div>}
      </td>
      <td className="num">{money(p.grossMinor, p.currency)}</td>
      <td>
        {s ? (
          <button
            type="button"
            className="primary"
            disabled={busy}
            title={`Matched by ${s.matchedBy === 'email' ? 'e-mail' : 'name'} to the client ${s.clientName}`}
            onClick={() =>
              run(
                () => api.payments.acceptLink({ paymentId: p.id, leadId: s.leadId }),
                `Linked to ${s.leadTitle}; ${p.payerName || p.payerEmail} will be linked next time`,
              )
            }
          >
            Link to {s.leadTitle} ({s.clientName})
          </button>
        ) : (
          <span className="muted">No client matches this payer</span>
        )}
        <LeadFinder
          label={`Find a lead for the payment of ${p.date}`}
          disabled={busy}
          onPick={(lead) =>
            run(
              () => api.payments.acceptLink({ paymentId: p.id, leadId: lead.id }),
              `Linked to ${lead.title}; ${p.payerName || p.payerEmail || 'this payer'} will be linked next time`,
            )
          }
        />
      </td>
      <td>
        <span className="assign-channel">
          <select
            value={sourceId}
            onChange={(e) => setSourceId(e.target.value)}
            aria-label={`Channel for the payment of ${p.date}`}
          >
            <option value="">Channel…</option>
            {(sources.data ?? []).map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={busy || sourceId === ''}
            onClick={() =>
              run(
                () => api.payments.assign({ paymentId: p.id, sourceId: Number(sourceId) }),
                'Payment assigned to the channel',
              )
            }
          >
            Assign
          </button>
        </span>
      </td>
    </tr>
  );
}
