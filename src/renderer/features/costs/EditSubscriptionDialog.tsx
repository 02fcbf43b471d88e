import { type FormEvent, useState } from 'react';
import type { Source } from '../../../shared/api/schemas/sources';
import type { Subscription } from '../../../shared/api/schemas/subscriptions';
import { formatMinorPlain } from '../../../shared/money';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormError, useFormErrors } from '../../components/useFormErrors';
import { useShortfall } from './useShortfall';

/** Every field of a subscription, edited in place. */
export function EditSubscriptionDialog({
  subscription: s,
  sources,
  onClose,
}: {
  subscription: Subscription;
  sources: Source[];
  onClose: () => void;
}) {
  const [v, setV] = useState({
    sourceId: s.sourceId,
    name: s.name,
    period: s.period,
    amount: formatMinorPlain(s.amountMinor, s.currency),
    currency: s.currency,
    startsOn: s.startsOn,
    endsOn: s.endsOn ?? '',
    free: String(s.freeCreditsMonthly),
  });
  const form = useFormErrors();
  const shortfall = useShortfall(form);
  const set = (patch: Partial<typeof v>) => setV((old) => ({ ...old, ...patch }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d+$/.test(v.free.trim())) return form.setErrors({ freeCreditsMonthly: 'Whole numbers only' });
    await shortfall.run(
      (confirm) =>
        api.subscriptions.update({
          id: s.id,
          sourceId: v.sourceId,
          name: v.name,
          period: v.period,
          amount: v.amount,
          currency: v.currency,
          startsOn: v.startsOn,
          endsOn: v.endsOn || null,
          freeCreditsMonthly: Number(v.free.trim()),
          ...(confirm ? { confirmShortfall: true } : {}),
        }),
      `${v.name} saved`,
      { done: onClose },
    );
  };
  return (
    <Dialog open title="Edit subscription" onClose={onClose}>
      <form onSubmit={submit} noValidate className="dialog-form">
        <Field label="Channel" error={form.errors.sourceId}>
          <select value={v.sourceId} onChange={(e) => set({ sourceId: Number(e.target.value) })}>
            {sources.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Plan name" error={form.errors.name}>
          <input
            type="text"
            value={v.name}
            onChange={(e) => set({ name: e.target.value })}
            data-autofocus
            maxLength={100}
          />
        </Field>
        <Field label="Period" error={form.errors.period}>
          <select value={v.period} onChange={(e) => set({ period: e.target.value as 'monthly' | 'yearly' })}>
            <option value="monthly">Monthly</option>
            <option value="yearly">Yearly</option>
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
        <Field label="Starts" error={form.errors.startsOn}>
          <input type="date" value={v.startsOn} onChange={(e) => set({ startsOn: e.target.value })} />
        </Field>
        <Field label="Ends" error={form.errors.endsOn} hint="Empty while it runs">
          <input type="date" value={v.endsOn} onChange={(e) => set({ endsOn: e.target.value })} />
        </Field>
        <Field label="Free credits a month" error={form.errors.freeCreditsMonthly}>
          <input type="text" inputMode="numeric" value={v.free} onChange={(e) => set({ free: e.target.value })} />
        </Field>
        <FormError message={form.errors.form} />
        {shortfall.prompt}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={form.busy}>
            Save subscription
          </button>
        </div>
      </form>
    </Dialog>
  );
}
