import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { todayLocal } from '../../lib/format';
import { Dialog } from '../../components/Dialog';
import { DayField } from '../../components/DayField';
import { Field } from '../../components/Field';
import { FormError } from '../../components/useFormErrors';
import type { LeadRow } from '../../../shared/api/schemas/leads';
import { type Closed, closeoutErrors } from './closed';
import { formatMinorPlain, isCurrencyCode, parseMoney } from '../../../shared/money';

export type WonDialogProps = { lead: LeadRow; beforeId: number | null; onDone: (saved: Closed | false) => void };

type Errors = Partial<Record<'closedOn' | 'value' | 'currency' | 'amount' | 'paymentDate' | 'fee' | 'form', string>>;

// Server paths to our fields: the payment's own errors come back as "gross"/"fee" from the payments service.
const fieldOf: Record<string, keyof Errors> = {
  closedOn: 'closedOn',
  value: 'value',
  currency: 'currency',
  'payment.gross': 'amount',
  gross: 'amount',
  'payment.date': 'paymentDate',
  date: 'paymentDate',
  'payment.fee': 'fee',
  fee: 'fee',
};

/** Won in one step: close date, value, and the payment with the channel's fee. */
export function WonDialog({ lead, beforeId, onDone }: WonDialogProps) {
  return (
    <Dialog open title={`Won: ${lead.title}`} onClose={() => onDone(false)}>
      <WonForm lead={lead} beforeId={beforeId} onDone={onDone} />
    </Dialog>
  );
}

function WonForm({ lead, beforeId, onDone }: WonDialogProps) {
  const today = todayLocal();
  const plainValue = lead.valueMinor === null ? '' : formatMinorPlain(lead.valueMinor, lead.currency);
  const [closedOn, setClosedOn] = useState(today);
  const [value, setValue] = useState(plainValue);
  const [currency, setCurrency] = useState(lead.currency);
  const [record, setRecord] = useState(false);
  const [amount, setAmount] = useState(plainValue);
  const [paymentDate, setPaymentDate] = useState(today);
  const [fee, setFee] = useState('');
  const feeTouched = useRef(false);
  const [confirmLarge, setConfirmLarge] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  // The fee follows the channel's rule for the amount and date until the user types one.
  useEffect(() => {
    if (!record || feeTouched.current || !isCurrencyCode(currency.trim().toUpperCase())) return;
    const parsed = parseMoney(amount, currency.trim().toUpperCase());
    if (!parsed.ok || !/^\d{4}-\d{2}-\d{2}$/.test(paymentDate)) return;
    let live = true;
    api.closeout.fee({ id: lead.id, gross: amount.trim(), date: paymentDate, currency }).then(
      (r) => live && !feeTouched.current && setFee(formatMinorPlain(r.feeMinor, currency.trim().toUpperCase())),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [record, amount, paymentDate, currency, lead.id]);

  const code = currency.trim().toUpperCase();
  const valueMinor = isCurrencyCode(code) ? parseMoney(value, code) : undefined;
  const amountMinor = isCurrencyCode(code) ? parseMoney(amount, code) : undefined;
  const large =
    record && valueMinor?.ok && amountMinor?.ok && valueMinor.minor > 0 && amountMinor.minor > valueMinor.minor * 10;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Errors = {};
    if (lead.appliedOn && closedOn < lead.appliedOn)
      local.closedOn = `Closed cannot be before Applied (${lead.appliedOn})`;
    if (record && !amount.trim()) local.amount = 'Enter the amount received';
    if (large && !confirmLarge) local.amount = 'This is more than ten times the value: check it, then confirm below';
    if (Object.keys(local).length) return setErrors(local);
    setSaving(true);
    try {
      const saved = await api.closeout.won({
        id: lead.id,
        closedOn,
        value: value.trim(),
        currency: code,
        beforeId,
        ...(record ? { payment: { gross: amount.trim(), date: paymentDate, fee: fee.trim(), confirmLarge } } : {}),
      });
      onDone({ paymentId: saved.paymentId });
    } catch (e) {
      setErrors(closeoutErrors(e, fieldOf));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="closeout-form" noValidate onSubmit={submit} aria-busy={saving}>
      <FormError message={errors.form} />
      <div className="form-grid">
        <DayField
          label="Closed"
          value={closedOn}
          onChange={setClosedOn}
          error={errors.closedOn}
          className="span-2"
          required
          autoFocus
        />
        <Field label="Value" error={errors.value}>
          <input
            type="text"
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field label="Currency" error={errors.currency}>
          <input
            type="text"
            className="upper"
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
            autoComplete="off"
          />
        </Field>
        <label className="checkbox span-4">
          <input type="checkbox" checked={record} onChange={(e) => setRecord(e.target.checked)} /> Record payment
        </label>
        {record && (
          <>
            <Field label="Amount" error={errors.amount} className="span-2">
              <input
                type="text"
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                autoComplete="off"
              />
            </Field>
            <DayField
              label="Payment date"
              value={paymentDate}
              onChange={setPaymentDate}
              error={errors.paymentDate}
              className="span-2"
            />
            <Field label="Fee" error={errors.fee} hint="From the channel's rule" className="span-2">
              <input
                type="text"
                inputMode="decimal"
                value={fee}
                onChange={(e) => {
                  feeTouched.current = true;
                  setFee(e.target.value);
                }}
                autoComplete="off"
              />
            </Field>
            {large && (
              <label className="checkbox span-4">
                <input type="checkbox" checked={confirmLarge} onChange={(e) => setConfirmLarge(e.target.checked)} />{' '}
                Yes, the payment is more than ten times the value
              </label>
            )}
          </>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          Save
        </button>
      </div>
    </form>
  );
}
