import { useState } from 'react';
import type { LeadDetail } from '../../../shared/api/schemas/leads';
import { api } from '../../api';
import { formatDay } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { FormError, useFormErrors } from '../../components/useFormErrors';
import { money } from '../../lib/reportFormat';
import './lead-money.css';

/** The lead's own money: payments with their descriptions and fees, connects at the day's price, profit. */
export function LeadMoney({ lead }: { lead: LeadDetail }) {
  const data = useAsync(() => api.money.lead({ leadId: lead.id }), [lead.id]);
  const link = useFormErrors();
  const m = data.data;
  return (
    <section className="panel" aria-labelledby="lead-money-title">
      <h2 id="lead-money-title">Money</h2>
      {data.error && <p className="form-error">{data.error.message}</p>}
      {m && (
        <>
          <table className="data-table compact lead-money-table" aria-label="Payments of this lead">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col" className="num">
                  Gross
                </th>
                <th scope="col" className="num">
                  Fee
                </th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {m.payments.length === 0 && (
                <tr>
                  <td colSpan={4} className="table-empty">
                    No payments linked yet.
                  </td>
                </tr>
              )}
              {m.payments.map((p) => (
                <tr key={p.id}>
                  {/* One cell for date and description: the panel is narrow at 1280×720 and Unlink must stay in view. */}
                  <td>
                    {formatDay(p.date)}
                    {p.description && <span className="muted small lead-money-description">{p.description}</span>}
                    {p.sourceId !== lead.sourceId && (
                      <span className="muted small lead-money-description" title={staysOnChannel(p.sourceName)}>
                        {p.sourceName} revenue
                      </span>
                    )}
                  </td>
                  <td className="num">{money(p.grossMinor, p.currency)}</td>
                  <td className="num">{money(p.feeMinor, p.currency)}</td>
                  <td className="num">
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Unlink the payment of ${formatDay(p.date)}`}
                      onClick={() =>
                        link.run(() => api.payments.update({ id: p.id, leadId: null }), 'Payment unlinked')
                      }
                    >
                      Unlink
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LinkPayment
            lead={lead}
            onLink={(id) => link.run(() => api.payments.update({ id, leadId: lead.id }), 'Payment linked')}
          />
          <FormError message={link.errors.form ?? link.errors.leadId} />
          <dl className="details">
            <div>
              <dt>Revenue</dt>
              <dd>{money(m.revenue, m.currency)}</dd>
            </div>
            <div>
              <dt>Fees</dt>
              <dd>{money(m.fees, m.currency)}</dd>
            </div>
            <div>
              <dt>Connects cost</dt>
              <dd>
                {m.connects.net.toLocaleString()} net
                {m.connects.unitPriceMinor !== null && m.connects.priceCurrency && (
                  <>
                    {' '}
                    at {money(m.connects.unitPriceMinor, m.connects.priceCurrency)} ={' '}
                    {money(m.connectsCost, m.currency)}
                  </>
                )}
                {m.connects.refunded > 0 && (
                  <span className="muted">
                    {' '}
                    ({m.connects.spent} spent, {m.connects.refunded} refunded)
                  </span>
                )}
              </dd>
            </div>
            <div>
              <dt>Profit</dt>
              <dd className={m.profit < 0 ? 'negative' : m.profit > 0 ? 'positive' : ''}>
                <strong>{money(m.profit, m.currency)}</strong>
              </dd>
            </div>
          </dl>
          <p className="muted small">
            Connects valued at the credit price of the day the lead came in. Subscriptions are the channel’s costs: they
            count in Reports, not here.
          </p>
          {m.warnings.map((w) => (
            <p key={w} className="report-warning">
              {w}
            </p>
          ))}
        </>
      )}
    </section>
  );
}

/** What a link across channels means for the report (last touch, docs/domain.md §6): shown where the link is made. */
export function staysOnChannel(paymentSource: string): string {
  return `This payment stays on ${paymentSource}’s revenue: the report counts a payment for its own channel; the link puts it on this lead’s page and profit.`;
}

/** Any payment not linked to a lead yet (imported ones included), of the lead's channel or any other. */
function LinkPayment({ lead, onLink }: { lead: LeadDetail; onLink: (paymentId: number) => void }) {
  const [choice, setChoice] = useState<number | ''>('');
  const [channel, setChannel] = useState<'lead' | 'all'>('lead');
  const open = useAsync(
    () => api.payments.list({ unlinked: true, ...(channel === 'lead' ? { sourceId: lead.sourceId } : {}), limit: 500 }),
    [lead.sourceId, channel],
  );
  const unlinked = open.data?.items ?? [];
  const chosen = unlinked.find((p) => p.id === choice);
  return (
    <div className="link-payment">
      <div className="inline-form">
        <label htmlFor="link-payment">Link a payment</label>
        <select
          id="link-payment-channel"
          aria-label="Link payments from"
          value={channel}
          onChange={(e) => {
            setChannel(e.target.value as 'lead' | 'all');
            setChoice('');
          }}
        >
          <option value="lead">{lead.sourceName}</option>
          <option value="all">All channels</option>
        </select>
        <select
          id="link-payment"
          value={choice}
          onChange={(e) => setChoice(e.target.value ? Number(e.target.value) : '')}
          disabled={unlinked.length === 0}
        >
          <option value="">{unlinked.length === 0 ? 'No unlinked payments' : 'Choose…'}</option>
          {unlinked.map((p) => (
            <option key={p.id} value={p.id}>
              {p.date} · {money(p.grossMinor, p.currency)}
              {p.sourceId !== lead.sourceId ? ` · ${p.sourceName}` : ''}
              {p.description ? ` · ${p.description.slice(0, 60)}` : ''}
            </option>
          ))}
        </select>
        <button type="button" disabled={choice === ''} onClick={() => choice !== '' && onLink(choice)}>
          Link
        </button>
      </div>
      {chosen && chosen.sourceId !== lead.sourceId && (
        <p className="muted small" role="note">
          {staysOnChannel(chosen.sourceName)}
        </p>
      )}
    </div>
  );
}
