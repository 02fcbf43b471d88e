import { type FormEvent, useState, Fragment } from 'react';
import type { Source } from '../../../shared/api/schemas/sources';
import { api } from '../../api';
import { formatDay, todayLocal } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { Field } from '../../components/Field';
import { money } from '../../lib/reportFormat';
import { FormError, useFormErrors } from '../../components/useFormErrors';
import { DeleteButton } from './DeleteButton';
import { EditSubscriptionDialog } from './EditSubscriptionDialog';
import { RecordFilters, useRecordFilter } from './RecordList';
import { useShortfall } from './useShortfall';

export function SubscriptionsPanel({ sources, baseCurrency }: { sources: Source[]; baseCurrency: string }) {
  const list = useAsync(() => api.subscriptions.list({}), []);
  const remove = useFormErrors();
  const removal = useShortfall(remove);
  const { filter, change } = useRecordFilter();
  const [editing, setEditing] = useState<number | null>(null);
  // Few rows: filtered here. A plan shows when it runs on any day of the range; oldest start first.
  const shown = (list.data ?? [])
    .filter((s) => filter.sourceId === '' || s.sourceId === filter.sourceId)
    .filter(
      (s) => (!filter.to || s.startsOn <= filter.to) && (!filter.from || s.endsOn === null || s.endsOn >= filter.from),
    )
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id - b.id);
  const editedRow = list.data?.find((s) => s.id === editing);
  const [sourceId, setSourceId] = useState<number | ''>('');
  const [name, setName] = useState('');
  const [period, setPeriod] = useState<'monthly' | 'yearly'>('monthly');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('');
  const [startsOn, setStartsOn] = useState(todayLocal());
  const [endsOn, setEndsOn] = useState('');
  const [free, setFree] = useState('0');
  const form = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sourceId === '') return form.setErrors({ sourceId: 'Choose a channel' });
    if (!/^\d+$/.test(free.trim())) return form.setErrors({ freeCreditsMonthly: 'Whole numbers only' });
    const ok = await form.run(
      () =>
        api.subscriptions.create({
          sourceId,
          name,
          period,
          amount,
          currency: currency.trim() || baseCurrency,
          startsOn,
          endsOn: endsOn || null,
          freeCreditsMonthly: Number(free),
        }),
      `Added ${name}`,
    );
    // Starts empty each time: the next plan is rarely the same channel, period or free credits.
    if (ok) {
      setSourceId('');
      setName('');
      setPeriod('monthly');
      setAmount('');
      setCurrency('');
      setStartsOn(todayLocal());
      setEndsOn('');
      setFree('0');
    }
  };
  return (
    <section className="panel wide" aria-labelledby="subs-title">
      <h2 id="subs-title">Subscriptions</h2>
      <p className="muted small">
        Charged on the start day each month (or each year on the anniversary) until the end date.
      </p>
      <form className="cost-form" onSubmit={submit} noValidate aria-label="Add a subscription">
        <Field label="Channel" error={form.errors.sourceId}>
          <select value={sourceId} onChange={(e) => setSourceId(e.target.value ? Number(e.target.value) : '')}>
            <option value="">Choose…</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Plan name" error={form.errors.name}>
          <input
            type="text"
            className="wide-input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Freelancer Plus"
          />
        </Field>
        <Field label="Period" error={form.errors.period}>
          <select value={period} onChange={(e) => setPeriod(e.target.value as 'monthly' | 'yearly')}>
            <option value="monthly">Monthly</option>
            <option value="yearly">Yearly</option>
          </select>
        </Field>
        <Field label="Amount" error={form.errors.amount}>
          <input
            type="text"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            placeholder="19.99"
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
        <Field label="Starts" error={form.errors.startsOn}>
          <input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
        </Field>
        <Field label="Ends" error={form.errors.endsOn} hint="Empty while it runs">
          <input type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
        </Field>
        <Field label="Free credits a month" error={form.errors.freeCreditsMonthly}>
          <input type="text" inputMode="numeric" value={free} onChange={(e) => setFree(e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={form.busy}>
          Add subscription
        </button>
        <FormError message={form.errors.form} />
      </form>
      <FormError message={remove.errors.form} />
      {removal.prompt}
      <h3>
        All subscriptions{' '}
        {list.data && (
          <span className="muted">
            ({shown.length === list.data.length ? list.data.length : `${shown.length} of ${list.data.length}`}, by start
            date)
          </span>
        )}
      </h3>
      <RecordFilters what="Subscriptions" sources={sources} filter={filter} onChange={change} />
      <table className="data-table compact" aria-label="Subscriptions">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Plan</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Runs</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data && shown.length === 0 && (
            <tr>
              <td colSpan={5} className="table-empty">
                {list.data.length === 0 ? 'No subscriptions yet.' : 'No subscriptions match these filters.'}
              </td>
            </tr>
          )}
          {shown.map((s) => (
            <Fragment key={s.id}>
              <tr>
                <td>{s.sourceName}</td>
                <td>
                  {s.name}
                  {s.freeCreditsMonthly > 0 && <span className="muted"> (+{s.freeCreditsMonthly} credits/month)</span>}
                  {s.matched.length > 0 && (
                    <div
                      className="muted small"
                      title={s.matched.map((m) => `${m.chargeOn} = expense of ${m.expenseOn}`).join('\n')}
                    >
                      Matched: {s.matched.length} charge{s.matched.length === 1 ? '' : 's'} already recorded as expenses
                      (last {formatDay(s.matched.at(-1)!.expenseOn)}), counted once
                    </div>
                  )}
                </td>
                <td className="num">
                  {money(s.amountMinor, s.currency)} / {s.period === 'monthly' ? 'month' : 'year'}
                </td>
                <td>
                  {formatDay(s.startsOn)} – {s.endsOn ? formatDay(s.endsOn) : 'ongoing'}
                </td>
                <td className="num">
                  <EndPlan id={s.id} name={s.name} endsOn={s.endsOn} />
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Edit ${s.name}`}
                    onClick={() => setEditing(s.id)}
                  >
                    Edit
                  </button>
                  <DeleteButton
                    label={`Delete ${s.name}`}
                    onDelete={() =>
                      removal.run(
                        (confirm) =>
                          api.subscriptions.delete({ id: s.id, ...(confirm ? { confirmShortfall: true } : {}) }),
                        `Deleted ${s.name}`,
                        {
                          undo: ({ undoId }) => api.undo.subscription({ undoId }),
                          anchor: s.id,
                        },
                      )
                    }
                  />
                </td>
              </tr>
              {removal.promptAt(s.id) && (
                <tr className="shortfall-row">
                  <td colSpan={5}>{removal.promptAt(s.id)}</td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {editedRow && (
        <EditSubscriptionDialog subscription={editedRow} sources={sources} onClose={() => setEditing(null)} />
      )}
    </section>
  );
}

/** Ends (or re-opens) a plan: a plan change ends the old plan, then adds the new one. */
function EndPlan({ id, name, endsOn }: { id: number; name: string; endsOn: string | null }) {
  const [date, setDate] = useState(endsOn ?? todayLocal());
  const form = useFormErrors();
  const shortfall = useShortfall(form);
  return (
    <span className="inline-form end-plan">
      <input
        type="date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        aria-label={`End date of ${name}`}
        aria-invalid={form.errors.endsOn ? true : undefined}
      />
      <button
        type="button"
        onClick={() =>
          shortfall.run(
            (confirm) =>
              api.subscriptions.update({ id, endsOn: date || null, ...(confirm ? { confirmShortfall: true } : {}) }),
            `${name} ends ${date}`,
          )
        }
        disabled={form.busy}
      >
        Set end
      </button>
      {(form.errors.endsOn ?? form.errors.startsOn ?? form.errors.form) && (
        <span className="field-error" role="alert">
          {form.errors.endsOn ?? form.errors.startsOn ?? form.errors.form}
        </span>
      )}
      {shortfall.prompt}
    </span>
  );
}
