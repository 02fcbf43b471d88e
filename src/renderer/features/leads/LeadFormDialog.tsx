import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { todayLocal } from '../../lib/format';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { ApiCallError } from '../../../shared/api/client';
import type { LeadDetail } from '../../../shared/api/schemas/leads';
import { stageLabels, stages } from '../../../shared/domain/stages';
import { useAppInfo, useSources } from '../../lib/useSources';
import { bidFromLead, BidRow, bidToInput } from './BidRow';
import {
  apiErrorsToForm,
  checkLeadForm,
  isClosed,
  emptyLeadForm,
  formToInput,
  isStageValue,
  type LeadFormErrors,
  type LeadFormField,
  type LeadFormValues,
  leadToForm,
} from './leadFormModel';

export type LeadFormDialogProps = {
  open: boolean;
  /** The lead to edit; a new lead when absent. */
  lead?: LeadDetail | undefined;
  onClose: () => void;
  onSaved?: (lead: LeadDetail) => void;
};

export function LeadFormDialog({ open, lead, onClose, onSaved }: LeadFormDialogProps) {
  return (
    <Dialog open={open} title={lead ? `Edit lead` : 'New lead'} onClose={onClose} wide>
      <LeadForm lead={lead} onClose={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

function LeadForm({ lead, onClose, onSaved }: Omit<LeadFormDialogProps, 'open'>) {
  const toast = useToast();
  const sources = useSources(Boolean(lead));
  const info = useAppInfo();
  const [values, setValues] = useState<LeadFormValues>(() =>
    lead ? leadToForm(lead) : emptyLeadForm({ currency: 'USD', today: todayLocal() }),
  );
  const [errors, setErrors] = useState<LeadFormErrors>({});
  const [bid, setBid] = useState(() => bidFromLead(lead));
  const [bidError, setBidError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const touched = useRef(new Set<string>());
  const formRef = useRef<HTMLFormElement>(null);

  // Defaults that need the store: the base currency and the first channel.
  useEffect(() => {
    if (lead) return;
    setValues((v) => ({
      ...v,
      currency: touched.current.has('currency') || !info.data ? v.currency : info.data.baseCurrency,
      sourceId: v.sourceId || String(sources.data?.find((s) => !s.archived)?.id ?? ''),
    }));
  }, [lead, info.data, sources.data]);

  const set = (field: LeadFormField) => (event: { target: { value: string } }) => {
    touched.current.add(field);
    const value = event.target.value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const input = (field: LeadFormField) => ({ name: field, value: values[field], onChange: set(field) });

  const focusFirstError = (found: LeadFormErrors) => {
    const first = Object.keys(found).find((k) => k !== 'form');
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkLeadForm(values);
    setErrors(found);
    const bidInput = bidToInput(bid);
    setBidError('error' in bidInput ? bidInput.error : undefined);
    if (Object.keys(found).length) return focusFirstError(found);
    if ('error' in bidInput) return formRef.current?.querySelector<HTMLElement>('[name="postedAgo"]')?.focus();
    setSaving(true);
    try {
      const data = { ...formToInput(values), ...bidInput };
      const saved = lead ? await api.leads.update({ id: lead.id, ...data }) : await api.leads.create(data);
      toast.info(lead ? `Saved “${saved.title}”` : `Added “${saved.title}”`);
      onSaved?.(saved);
      onClose();
    } catch (error) {
      const apiErrors =
        error instanceof ApiCallError
          ? apiErrorsToForm(error.fields, error.message)
          : { form: (error as Error).message };
      setErrors(apiErrors);
      focusFirstError(apiErrors);
    } finally {
      setSaving(false);
    }
  };

  const sourceOptions = (sources.data ?? []).filter((s) => !s.archived || String(s.id) === values.sourceId);
  return (
    <form ref={formRef} className="lead-form" noValidate onSubmit={submit} aria-busy={saving}>
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-grid">
        <Field label="Title" error={errors.title} className="span-2">
          <input {...input('title')} type="text" required data-autofocus autoComplete="off" />
        </Field>
        <Field label="Channel" error={errors.sourceId}>
          <select {...input('sourceId')} required>
            {sourceOptions.length === 0 && <option value="">Loading…</option>}
            {sourceOptions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.archived ? ' (archived)' : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Client" error={errors.client}>
          <input {...input('client')} type="text" autoComplete="off" />
        </Field>
        <Field label="URL" error={errors.url} className="span-2">
          <input {...input('url')} type="url" placeholder="https://" autoComplete="off" />
        </Field>
        <Field label="Stage" error={errors.stage}>
          <select
            name="stage"
            value={values.stage}
            onChange={(e) =>
              isStageValue(e.target.value) && setValues((v) => ({ ...v, stage: e.target.value as typeof v.stage }))
            }
          >
            {stages.map((s) => (
              <option key={s} value={s}>
                {stageLabels[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Created" error={errors.createdOn}>
          <input {...input('createdOn')} type="date" required />
        </Field>
        <Field label="Applied" error={errors.appliedOn}>
          <input {...input('appliedOn')} type="date" />
        </Field>
        {isClosed(values.stage) && (
          <Field
            label={values.stage === 'won' ? 'Won on' : 'Lost on'}
            error={errors.closedOn}
            hint={values.closedOn ? undefined : 'Empty: today'}
          >
            <input {...input('closedOn')} type="date" />
          </Field>
        )}
        <Field label="Follow-up" error={errors.followUpOn}>
          <input {...input('followUpOn')} type="date" />
        </Field>
        <Field label="Value" error={errors.value}>
          <input {...input('value')} type="text" inputMode="decimal" placeholder="1250.00" autoComplete="off" />
        </Field>
        <Field label="Currency" error={errors.currency}>
          <input {...input('currency')} type="text" maxLength={3} autoComplete="off" className="upper" />
        </Field>
        <Field label="Connects" error={errors.connects}>
          <input {...input('connects')} type="text" inputMode="numeric" autoComplete="off" />
        </Field>
        <Field label="Boost connects" error={errors.boostConnects}>
          <input {...input('boostConnects')} type="text" inputMode="numeric" autoComplete="off" />
        </Field>
        <Field label="Connects refunded" error={errors.connectsRefunded}>
          <input {...input('connectsRefunded')} type="text" inputMode="numeric" autoComplete="off" />
        </Field>
        <BidRow value={bid} onChange={setBid} boosted={Number(values.boostConnects) > 0} error={bidError} />
        <Field label="Fee override (%)" error={errors.feePercent} hint="Empty: the channel's rule">
          <input {...input('feePercent')} type="text" inputMode="decimal" autoComplete="off" placeholder="10" />
        </Field>
        {values.stage === 'lost' && (
          <Field label="Lost reason" error={errors.lostReason} className="span-4">
            <input {...input('lostReason')} type="text" autoComplete="off" />
          </Field>
        )}
        <Field
          label="Tags"
          error={errors.tags}
          hint="Separated by commas or semicolons (CSV uses ;)"
          className="span-4"
        >
          <input {...input('tags')} type="text" autoComplete="off" />
        </Field>
        <Field label="Notes" error={errors.notes} className="span-4">
          <textarea {...input('notes')} rows={3} />
        </Field>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          Save
        </button>
      </div>
    </form>
  );
}
