import type { FieldError } from '../../../shared/api/result';
import type { Lead, LeadCreate } from '../../../shared/api/schemas/leads';
import { isIsoDate } from '../../../shared/dates';
import { isStage, type Stage } from '../../../shared/domain/stages';
import { formatMinorPlain, isCurrencyCode, parseMoney } from '../../../shared/money';
import { percentFromText } from '../../../shared/api/fields';

/** What the form holds: every control's text, as typed. */
export type LeadFormValues = {
  title: string;
  sourceId: string;
  client: string;
  url: string;
  stage: Stage;
  createdOn: string;
  appliedOn: string;
  /** The day it was won or lost (only for those stages; empty: today on closing). */
  closedOn: string;
  connects: string;
  boostConnects: string;
  connectsRefunded: string;
  value: string;
  currency: string;
  tags: string;
  notes: string;
  lostReason: string;
  followUpOn: string;
  /** The lead's own fee percent, overriding the channel's commission rule; empty: the rule. */
  feePercent: string;
};

export type LeadFormField = keyof LeadFormValues;
export type LeadFormErrors = Partial<Record<LeadFormField | 'form', string>>;

export function emptyLeadForm(defaults: {
  sourceId?: number;
  currency: string;
  today: string;
  stage?: Stage;
}): LeadFormValues {
  return {
    title: '',
    sourceId: defaults.sourceId ? String(defaults.sourceId) : '',
    client: '',
    url: '',
    stage: defaults.stage ?? 'new',
    createdOn: defaults.today,
    appliedOn: '',
    closedOn: '',
    connects: '',
    boostConnects: '',
    connectsRefunded: '',
    value: '',
    currency: defaults.currency,
    tags: '',
    notes: '',
    lostReason: '',
    followUpOn: '',
    feePercent: '',
  };
}

export function leadToForm(lead: Lead): LeadFormValues {
  const count = (n: number) => (n === 0 ? '' : String(n));
  return {
    title: lead.title,
    sourceId: String(lead.sourceId),
    client: lead.client,
    url: lead.url,
    stage: lead.stage,
    createdOn: lead.createdOn,
    appliedOn: lead.appliedOn ?? '',
    closedOn: lead.closedOn ?? '',
    connects: count(lead.connects),
    boostConnects: count(lead.boostConnects),
    connectsRefunded: count(lead.connectsRefunded),
    value: lead.valueMinor === null ? '' : formatMinorPlain(lead.valueMinor, lead.currency),
    currency: lead.currency,
    tags: lead.tags.join(', '),
    notes: lead.notes,
    lostReason: lead.lostReason,
    followUpOn: lead.followUpOn ?? '',
    feePercent: lead.feePercent === null ? '' : String(lead.feePercent),
  };
}

const countFields = ['connects', 'boostConnects', 'connectsRefunded'] as const;

/** Tags are typed separated by commas (or semicolons, the CSV separator). */
export function splitTagText(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** The obvious mistakes, caught before a round trip; the API checks everything again. */
export function checkLeadForm(values: LeadFormValues): LeadFormErrors {
  const errors: LeadFormErrors = {};
  if (!values.title.trim()) errors.title = 'Give the lead a title';
  if (!values.sourceId) errors.sourceId = 'Choose where the lead came from';
  for (const field of countFields) {
    const text = values[field].trim();
    if (text === '') continue;
    if (!/^-?\d+$/.test(text)) errors[field] = 'Whole numbers only';
    else if (Number(text) < 0) errors[field] = 'Cannot be negative';
  }
  const currency = values.currency.trim().toUpperCase();
  if (!isCurrencyCode(currency)) errors.currency = 'Unknown ISO 4217 currency code';
  if (values.value.trim() !== '' && isCurrencyCode(currency)) {
    const parsed = parseMoney(values.value, currency);
    if (!parsed.ok) errors.value = parsed.message;
    else if (parsed.minor < 0) errors.value = 'Cannot be negative';
  }
  for (const field of ['createdOn', 'appliedOn', 'closedOn', 'followUpOn'] as const) {
    if (values[field] !== '' && !isIsoDate(values[field])) errors[field] = 'Use a real date';
  }
  if (!values.createdOn) errors.createdOn = 'Give the day the lead came in';
  const fee = values.feePercent.trim();
  if (fee !== '') {
    // The API's own percent field (shared/api/fields.ts): the form refuses what the API refuses, with its words.
    const checked = percentFromText(fee);
    if (!checked.ok) errors.feePercent = checked.message;
  }
  return errors;
}

/** The API input for the form (create and update send the same fields). */
export function formToInput(values: LeadFormValues): LeadCreate {
  const num = (text: string) => (text.trim() === '' ? 0 : Number(text.trim()));
  return {
    title: values.title,
    sourceId: Number(values.sourceId),
    client: values.client,
    url: values.url,
    stage: values.stage,
    createdOn: values.createdOn,
    appliedOn: values.appliedOn || null,
    // Empty on a closed stage: the API stamps today (or keeps the date it has).
    ...(isClosed(values.stage) && values.closedOn ? { closedOn: values.closedOn } : {}),
    connects: num(values.connects),
    boostConnects: num(values.boostConnects),
    connectsRefunded: num(values.connectsRefunded),
    value: values.value.trim() === '' ? null : values.value.trim(),
    currency: values.currency.trim().toUpperCase(),
    tags: splitTagText(values.tags),
    notes: values.notes,
    lostReason: values.lostReason,
    followUpOn: values.followUpOn || null,
    feePercent: values.feePercent.trim() === '' ? null : Number(values.feePercent.trim()),
  };
}

export function isClosed(stage: Stage): boolean {
  return stage === 'won' || stage === 'lost';
}

const formFields = new Set<string>([
  'title',
  'sourceId',
  'client',
  'url',
  'stage',
  'createdOn',
  'appliedOn',
  'connects',
  'boostConnects',
  'connectsRefunded',
  'value',
  'currency',
  'tags',
  'notes',
  'lostReason',
  'followUpOn',
  'closedOn',
  'feePercent',
]);

/** API field errors ('tags.2', 'value', 'closedOn') placed next to the form's controls. */
export function apiErrorsToForm(fields: readonly FieldError[], message: string): LeadFormErrors {
  const errors: LeadFormErrors = {};
  const leftover: string[] = [];
  for (const { path, message: text } of fields) {
    const head = path.split('.')[0] ?? '';
    const key = head;
    if (formFields.has(key)) errors[key as LeadFormField] ??= text;
    else leftover.push(`${path}: ${text}`);
  }
  if (leftover.length || fields.length === 0) errors.form = leftover.length ? leftover.join('; ') : message;
  return errors;
}

export function isStageValue(text: string): text is Stage {
  return isStage(text);
}
