import { col, csvHeaders, namesWhere, type NamesWith, type RowOf } from '../db/columns';

/** The payments table, one entry per column (docs/architecture.md, "One definition per row"). */
export const paymentColumns = {
  id: col.id(),
  ref: col.text({ csv: ['ref', 'text'] }),
  date: col.text({ fact: true, compared: true, csv: ['date', 'bare'] }),
  source_id: col.int({ fact: true, compared: true, csv: ['source', 'channel'] }),
  lead_id: col.intOrNull({ compared: true, csv: ['lead_ref', 'leadRef'] }),
  description: col.text({ compared: true, csv: ['description', 'text'] }),
  gross_minor: col.int({ fact: true, compared: true, csv: ['gross', 'money'] }),
  fee_minor: col.int({ fact: true, compared: true, csv: ['fee', 'money'] }),
  /** 1 when the fee was computed from the commission rule rather than given. */
  fee_computed: col.int({ compared: true }),
  currency: col.text({ fact: true, compared: true, csv: ['currency', 'bare'] }),
  import_id: col.intOrNull(),
  created_at: col.text(),
  /** What the last platform import brought as description (null: typed); docs/domain.md §7 owned fields. */
  platform_description: col.textOrNull({ optional: true }),
  /** A rail's payer, or the platform's client (Upwork "Client team"): what links a payment to a won lead's client. */
  payer_name: col.text({ optional: true, update: false }),
};

/** Columns of the table outside the record, written by the payer links and the edit counter (payer-repo, edits). */
export const paymentInternalColumns = ['rail', 'payer_email', 'assigned', 'edit_seq'] as const;

export type PaymentRecord = RowOf<typeof paymentColumns>;
export type PaymentWrite = Omit<PaymentRecord, 'id'>;
export type PaymentFacts = Pick<PaymentRecord, NamesWith<typeof paymentColumns, 'fact'>>;

export const paymentInsertColumns = namesWhere(paymentColumns, (c) => c.insert);
export const paymentUpdateColumns = namesWhere(paymentColumns, (c) => c.update);
export const paymentCompared = namesWhere(paymentColumns, (c) => c.compared) as NamesWith<
  typeof paymentColumns,
  'compared'
>[];
export const paymentCsvHeaders = csvHeaders(paymentColumns);
