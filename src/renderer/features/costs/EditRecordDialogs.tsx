import { type FormEvent, useState } from 'react';
import { type Expense } from '../../../shared/api/schemas/expenses';
import { expenseCategoryValues } from '../../../shared/domain/expense-categories';
import { categoryLabel } from './categoryLabels';
import type { Payment } from '../../../shared/api/schemas/payments';
import type { Source } from '../../../shared/api/schemas/sources';
import { formatMinorPlain } from '../../../shared/money';
import { api } from '../../api';
import { useAsync } from '../../lib/useAsync';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormError, useFormErrors } from '../../components/useFormErrors';
import { useShortfall } from './useShortfall';

/** Every field of a payment, edited in place; any lead of its channel, any stage (or the lead it is linked to). */
export function EditPaymentDialog({
  payment,
  sources,
  onClose,
}: {
  payment: Payment;
  sources: Source[];
  onClose: () => void;
}) {
  const [v, setV] = useState({
    date: payment.date,
    sourceId: payment.sourceId,
    leadId: payment.leadId,
    description: payment.description,
    gross: formatMinorPlain(payment.grossMinor, payment.currency),
    fee: payment.feeComputed ? '' : formatMinorPlain(payment.feeMinor, payment.currency),
    currency: payment.currency,
  });
  const leads = useAsync(
    () => api.leads.list({ sourceIds: [v.sourceId], sort: { field: 'updatedAt', dir: 'desc' }, limit: 200 }),
    [v.sourceId],
  );
  const form = useFormErrors();
  const set = (patch: Partial<typeof v>) => setV((old) => ({ ...old, ...patch }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await form.run(
      () =>
        api.payments.update({
          id: payment.id,
          date: v.date,
          sourceId: v.sourceId,
          leadId: v.leadId,
          description: v.description,
          gross: v.gross,
          fee: v.fee.trim() || null,
          currency: v.currency,
        }),
      'Payment saved',
    );
    if (ok) onClose();
  };
  const leadOptions = leads.data?.rows ?? [];
  return (
    <Dialog open title="Edit payment" onClose={onClose}>
      <form onSubmit={submit} noValidate className="dialog-form">
        <Field label="Date" error={form.errors.date}>
          <input type="date" value={v.date} onChange={(e) => set({ date: e.target.value })} data-autofocus />
        </Field>
        <Field label="Channel" error={form.errors.sourceId}>
          <select value={v.sourceId} onChange={(e) => set({ sourceId: Number(e.target.value), leadId: null })}>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Lead"
          error={form.errors.leadId}
          hint="Leads of the channel; link one of another channel from its lead page"
        >
          <select
            value={v.leadId ?? ''}
            onChange={(e) => set({ leadId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">None</option>
            {payment.leadId !== null && !leadOptions.some((l) => l.id === payment.leadId) && (
              <option value={payment.leadId}>{payment.leadTitle}</option>
            )}
            {leadOptions.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title.length > 50 ? `${l.title.slice(0, 49)}…` : l.title} ({l.stage})
              </option>
            ))}
          </select>
        </Field>
        <Field label="Gross" error={form.errors.gross}>
          <input type="text" inputMode="decimal" value={v.gross} onChange={(e) => set({ gross: e.target.value })} />
        </Field>
        <Field label="Fee" error={form.errors.fee} hint="Empty: computed from the commission rule">
          <input
            type="text"
            inputMode="decimal"
            value={v.fee}
            onChange={(e) => set({ fee: e.target.value })}
            placeholder="auto"
          />
        </Field>
        <Field label="Currency" error={form.errors.currency}>
          <input
            type="text"
            className="upper"
            value={v.currency}
            onChange={(e) => set({ currency: e.target.value })}
            maxLength={3}
          />
        </Field>
        <Field label="Description" error={form.errors.description}>
          <input
            type="text"
            value={v.description}
            onChange={(e) => set({ description: e.target.value })}
            maxLength={500}
          />
        </Field>
        <FormError message={form.errors.form} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={form.busy}>
            Save payment
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Every field of an expense, edited in place. */
export function EditExpenseDialog({
  expense,
  sources,
  onClose,
}: {
  expense: Expense;
  sources: Source[];
  onClose: () => void;
}) {
  const [v, setV] = useState({
    date: expense.date,
    sourceId: expense.sourceId,
    category: expense.category,
    description: expense.description,
    amount: formatMinorPlain(expense.amountMinor, expense.currency),
    currency: expense.currency,
    connects: expense.connects ? String(expense.connects) : '',
  });
  const form = useFormErrors();
  const shortfall = useShortfall(form);
  const set = (patch: Partial<typeof v>) => setV((old) => ({ ...old, ...patch }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const connects = v.category === 'connects' && v.connects.trim() ? v.connects.trim() : '0';
    if (!/^\d+$/.test(connects)) return form.setErrors({ connects: 'Whole numbers only' });
    await shortfall.run(
      (confirm) =>
        api.expenses.update({
          id: expense.id,
          date: v.date,
          sourceId: v.sourceId,
          category: v.category,
          description: v.description,
          amount: v.amount,
          currency: v.currency,
          connects: Number(connects),
          ...(confirm ? { confirmShortfall: true } : {}),
        }),
      'Expense saved',
      { done: onClose },
    );
  };
  return (
    <Dialog open title="Edit expense" onClose={onClose}>
      <form onSubmit={submit} noValidate className="dialog-form">
        <Field label="Date" error={form.errors.date}>
          <input type="date" value={v.date} onChange={(e) => set({ date: e.target.value })} data-autofocus />
        </Field>
        <Field label="Channel" error={form.errors.sourceId}>
          <select
            value={v.sourceId ?? ''}
            onChange={(e) => set({ sourceId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">(no channel)</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Category" error={form.errors.category}>
          <select value={v.category} onChange={(e) => set({ category: e.target.value as typeof v.category })}>
            {expenseCategoryValues.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Amount" error={form.errors.amount}>
          <input type="text" inputMode="decimal" value={v.amount} onChange={(e) => set({ amount: e.target.value })} />
        </Field>
        <Field label="Currency" error={form.errors.currency}>
          <input
            type="text"
            className="upper"
            value={v.currency}
            onChange={(e) => set({ currency: e.target.value })}
            maxLength={3}
          />
        </Field>
        {v.category === 'connects' && (
          <Field label="Connects bought" error={form.errors.connects} hint="The Connects ledger counts them">
            <input
              type="text"
              inputMode="numeric"
              value={v.connects}
              onChange={(e) => set({ connects: e.target.value })}
            />
          </Field>
        )}
        <Field label="Description" error={form.errors.description}>
          <input
            type="text"
            value={v.description}
            onChange={(e) => set({ description: e.target.value })}
            maxLength={500}
          />
        </Field>
        <FormError message={shortfall.asking ? undefined : form.errors.form} />
        {shortfall.prompt}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={form.busy}>
            Save expense
          </button>
        </div>
      </form>
    </Dialog>
  );
}
