import { type FormEvent, useState } from 'react';
import type { Source } from '../../../shared/api/schemas/sources';
import { api } from '../../api';
import { formatDay, todayLocal } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { Field } from '../../components/Field';
import { money } from '../../lib/reportFormat';
import { FormError, useFormErrors } from '../../components/useFormErrors';
import { DataActions } from '../import-export/DataActions';
import { DeleteButton } from './DeleteButton';
import { EditPaymentDialog } from './EditRecordDialogs';
import '../connects/connects.css';
import { listInput, Pager, RecordFilters, useRecordFilter } from './RecordList';

export function PaymentsPanel({ sources, baseCurrency }: { sources: Source[]; baseCurrency: string }) {
  const { filter, change, page } = useRecordFilter();
  const recent = useAsync(() => api.payments.list(listInput(filter)), [filter]);
  const [editing, setEditing] = useState<number | null>(null);
  const remove = useFormErrors();
  const [date, setDate] = useState(todayLocal());
  const [sourceId, setSourceId] = useState<number | ''>('');
  const [gross, setGross] = useState('');
  const [fee, setFee] = useState('');
  const [currency, setCurrency] = useState('');
  const [description, setDescription] = useState('');
  const [leadId, setLeadId] = useState<number | ''>('');
  // The channel's leads (any stage), newest first, to link a payment (the lead's fee override then applies).
  const wonLeads = useAsync(
    () =>
      sourceId === ''
        ? Promise.resolve({ total: 0, rows: [] })
        : api.leads.list({ sourceIds: [sourceId], sort: { field: 'updatedAt', dir: 'desc' }, limit: 100 }),
    [sourceId],
  );
  const form = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sourceId === '') return form.setErrors({ sourceId: 'Choose a channel' });
    const ok = await form.run(
      () =>
        api.payments.create({
          date,
          sourceId,
          leadId: leadId === '' ? null : leadId,
          gross,
          fee: fee.trim() || null,
          currency: currency.trim() || baseCurrency,
          description,
        }),
      'Payment added',
    );
    if (ok) {
      setGross('');
      setFee('');
      setDescription('');
    }
  };
  return (
    <section className="panel" aria-labelledby="payments-title">
      <div className="panel-heading">
        <h2 id="payments-title">Payments</h2>
        <DataActions kind="payments" />
      </div>
      <p className="muted small">
        A refund is a negative gross; a fee refund a negative fee. Leave the fee empty to compute it from the commission
        rule.
      </p>
      <form className="cost-form" onSubmit={submit} noValidate aria-label="Add a payment">
        <Field label="Date" error={form.errors.date}>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field label="Channel" error={form.errors.sourceId}>
          <select
            value={sourceId}
            onChange={(e) => {
              setSourceId(e.target.value ? Number(e.target.value) : '');
              setLeadId('');
            }}
          >
            <option value="">Choose…</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Lead" error={form.errors.leadId} hint="Optional: any lead of the channel">
          <select
            value={leadId}
            onChange={(e) => setLeadId(e.target.value ? Number(e.target.value) : '')}
            disabled={sourceId === ''}
          >
            <option value="">None</option>
            {wonLeads.data?.rows.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title.length > 40 ? `${l.title.slice(0, 39)}…` : l.title}
                {l.client ? ` (${l.client})` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Gross" error={form.errors.gross}>
          <input
            type="text"
            inputMode="decimal"
            value={gross}
            onChange={(e) => setGross(e.target.value)}
            placeholder="1250.00"
          />
        </Field>
        <Field label="Fee" error={form.errors.fee} hint="Empty: computed">
          <input
            type="text"
            inputMode="decimal"
            value={fee}
            onChange={(e) => setFee(e.target.value)}
            placeholder="auto"
          />
        </Field>
        <Field label="Currency" error={form.errors.currency}>
          <input
            type="text"
            className="upper"
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
            placeholder={baseCurrency}
            maxLength={3}
          />
        </Field>
        <Field label="Description" error={form.errors.description}>
          <input
            type="text"
            className="wide-input"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        <button type="submit" className="primary" disabled={form.busy}>
          Add payment
        </button>
        <FormError message={form.errors.form} />
      </form>
      <FormError message={remove.errors.form} />
      <h3>
        All payments{' '}
        {recent.data && <span className="muted">({recent.data.total.toLocaleString()}, newest first)</span>}
      </h3>
      <RecordFilters
        what="Payments"
        sources={sources}
        filter={filter}
        onChange={change}
        error={recent.error?.message}
      />
      <table className="data-table compact" aria-label="Latest payments">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Channel</th>
            <th scope="col">Description</th>
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
          {recent.data?.items.length === 0 && (
            <tr>
              <td colSpan={6} className="table-empty">
                No payments{filter.sourceId !== '' || filter.from || filter.to ? ' match these filters' : ' yet'}.
              </td>
            </tr>
          )}
          {recent.data?.items.map((p) => (
            <tr key={p.id}>
              <td>{formatDay(p.date)}</td>
              <td>
                {p.sourceName}
                {p.leadTitle && <span className="muted"> · {p.leadTitle}</span>}
              </td>
              <td>{p.description}</td>
              <td className={`num ${p.grossMinor < 0 ? 'negative' : ''}`}>{money(p.grossMinor, p.currency)}</td>
              <td className="num" title={p.feeComputed ? 'Computed from the commission rule' : 'Given'}>
                {money(p.feeMinor, p.currency)}
                {p.feeComputed && <span className="muted"> *</span>}
              </td>
              <td className="num">
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Edit payment of ${p.date}`}
                  onClick={() => setEditing(p.id)}
                >
                  Edit
                </button>
                <DeleteButton
                  label={`Delete payment of ${p.date}`}
                  onDelete={() =>
                    remove.run(
                      () => api.payments.delete({ id: p.id }),
                      `Deleted the payment of ${p.date}`,
                      ({ undoId }) => api.undo.payment({ undoId }),
                    )
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {recent.data && <Pager what="Payments" total={recent.data.total} offset={filter.offset} onPage={page} />}
      <p className="muted small">* fee computed from the commission rule</p>
      {editing !== null && recent.data?.items.find((p) => p.id === editing) && (
        <EditPaymentDialog
          payment={recent.data.items.find((p) => p.id === editing)!}
          sources={sources}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
