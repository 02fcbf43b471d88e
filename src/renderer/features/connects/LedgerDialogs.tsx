import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import { todayLocal } from '../../lib/format';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormError, useFormErrors } from '../../components/useFormErrors';
import { useShortfall } from '../costs/useShortfall';

export type LedgerDialogProps = { sourceId: number; source: string; creditName: string; onClose: () => void };

/** A count typed as text: whole numbers only, said next to the field before anything is sent. */
function parseCount(text: string, signed: boolean): number | string {
  const t = text.trim();
  if (t === '') return 'Enter a number';
  if (!(signed ? /^[+-]?\d+$/ : /^\d+$/).test(t))
    return signed ? 'Whole numbers only, like 12 or -5' : 'Whole numbers only';
  return Number(t);
}

export function OpeningDialog({
  sourceId,
  source,
  creditName,
  onClose,
  current,
}: LedgerDialogProps & { current: { count: number; on: string } | null }) {
  const [count, setCount] = useState(current ? String(current.count) : '');
  const [on, setOn] = useState(current?.on ?? todayLocal());
  const form = useFormErrors();
  const shortfall = useShortfall(form);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const n = parseCount(count, false);
    if (typeof n === 'string') return form.setErrors({ count: n });
    await shortfall.run(
      (confirm) => api.connects.setOpening({ sourceId, count: n, on, ...(confirm ? { confirmShortfall: true } : {}) }),
      `Opening balance of ${source} saved`,
      { done: onClose },
    );
  };
  return (
    <Dialog open title={`Set the opening balance of ${source}`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="dialog-form">
        <p className="muted small">
          The {creditName} Upwork showed as available on a day. The ledger starts there: earlier spends are left out. It
          replaces any earlier opening balance.
        </p>
        <p className={on.endsWith('-01') ? 'ledger-notice small' : 'muted small'} data-testid="allowance-note">
          The free allowance of each month is added on the 1st, the same day as an opening balance dated then: on a 1st,
          enter what {source} showed before the month's {creditName} came in (or date the balance the 2nd).
        </p>
        <Field label={`Available ${creditName}`} error={form.errors.count}>
          <input
            type="text"
            inputMode="numeric"
            value={count}
            onChange={(e) => setCount(e.target.value)}
            data-autofocus
            autoComplete="off"
          />
        </Field>
        <Field label="On" error={form.errors.on}>
          <input type="date" value={on} max={todayLocal()} onChange={(e) => setOn(e.target.value)} />
        </Field>
        <FormError message={form.errors.form ?? form.errors.source ?? form.errors.sourceId} />
        {shortfall.prompt}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={form.busy}>
            Save opening balance
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A purchase of credits, recorded as an expense of category `connects` with its count (docs/domain.md §5). */
export function BuyDialog({
  sourceId,
  source,
  creditName,
  onClose,
  priceMinor,
}: LedgerDialogProps & { priceMinor: number | null }) {
  const [count, setCount] = useState('');
  const [amount, setAmount] = useState('');
  const [on, setOn] = useState(todayLocal());
  const form = useFormErrors();
  const n = Number(count.trim());
  const suggested = priceMinor !== null && Number.isInteger(n) && n > 0 ? ((n * priceMinor) / 100).toFixed(2) : '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseCount(count, false);
    if (typeof parsed === 'string') return form.setErrors({ connects: parsed });
    if (parsed === 0) return form.setErrors({ connects: `How many ${creditName} did you buy?` });
    const paid = amount.trim() || suggested;
    if (!paid) return form.setErrors({ amount: 'Enter what you paid' });
    const saved = await form.run(
      () =>
        api.expenses.create({
          date: on,
          sourceId,
          category: 'connects',
          amount: paid,
          connects: parsed,
          description: `${parsed} ${creditName}`,
        }),
      `Bought ${parsed} ${creditName} on ${source}`,
    );
    if (saved) onClose();
  };
  return (
    <Dialog open title={`Buy ${source} ${creditName}`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="dialog-form">
        <Field label={`${creditName} bought`} error={form.errors.connects}>
          <input
            type="text"
            inputMode="numeric"
            value={count}
            onChange={(e) => setCount(e.target.value)}
            data-autofocus
            autoComplete="off"
            placeholder="40"
          />
        </Field>
        <Field
          label="Paid"
          error={form.errors.amount}
          hint={suggested ? `Empty: ${suggested} at the channel's price` : 'In the base currency'}
        >
          <input
            type="text"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            placeholder={suggested || '6.00'}
            autoComplete="off"
          />
        </Field>
        <Field label="On" error={form.errors.date}>
          <input type="date" value={on} onChange={(e) => setOn(e.target.value)} />
        </Field>
        <FormError message={form.errors.form ?? form.errors.sourceId} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={form.busy}>
            Save purchase
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function AdjustDialog({
  sourceId,
  source,
  creditName,
  onClose,
  initial,
}: LedgerDialogProps & { initial?: { count: number; note: string } }) {
  const [count, setCount] = useState(initial ? String(initial.count) : '');
  const [on, setOn] = useState(todayLocal());
  const [note, setNote] = useState(initial?.note ?? '');
  const form = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const n = parseCount(count, true);
    if (typeof n === 'string') return form.setErrors({ count: n });
    if (n === 0) return form.setErrors({ count: 'An adjustment of 0 changes nothing' });
    if (!note.trim()) return form.setErrors({ note: 'Say why (for example "Upwork shows 212")' });
    if (
      await form.run(
        () => api.connects.adjust({ sourceId, count: n, on, note }),
        `${source} adjusted by ${n > 0 ? '+' : ''}${n}`,
      )
    )
      onClose();
  };
  return (
    <Dialog open title={`Adjust ${source} ${creditName}`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="dialog-form">
        <Field label={`${creditName} to add (or take, with a minus)`} error={form.errors.count}>
          <input
            type="text"
            inputMode="numeric"
            value={count}
            onChange={(e) => setCount(e.target.value)}
            data-autofocus
            autoComplete="off"
            placeholder="-5"
          />
        </Field>
        <Field label="On" error={form.errors.on}>
          <input type="date" value={on} max={todayLocal()} onChange={(e) => setOn(e.target.value)} />
        </Field>
        <Field label="Note" error={form.errors.note}>
          <input
            type="text"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="Upwork shows 212"
            maxLength={500}
          />
        </Field>
        <FormError message={form.errors.form ?? form.errors.source ?? form.errors.sourceId} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={form.busy}>
            Save adjustment
          </button>
        </div>
      </form>
    </Dialog>
  );
}
