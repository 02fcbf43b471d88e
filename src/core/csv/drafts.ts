import type { ExpenseCategory } from '../repos/expenses-repo';

// What a CSV row becomes before it touches the database. Names (source, lead ref) are resolved
// by the writer; amounts are already integer minor units.

export type LeadDraft = {
  type: 'lead';
  ref: string;
  source: string;
  title: string;
  client: string;
  url: string;
  stage: string;
  created_on: string;
  applied_on: string | null;
  closed_on: string | null;
  connects: number;
  boost_connects: number;
  connects_refunded: number;
  value_minor: number | null;
  currency: string;
  lost_reason: string;
  tags: string;
  notes: string;
  follow_up_on: string | null;
};

export type PaymentDraft = {
  type: 'payment';
  ref: string;
  date: string;
  source: string;
  lead_ref: string | null;
  description: string;
  gross_minor: number;
  /** null: compute from the channel's commission rule. */
  fee_minor: number | null;
  currency: string;
};

export type ExpenseDraft = {
  type: 'expense';
  ref: string;
  date: string;
  source: string | null;
  category: ExpenseCategory;
  description: string;
  amount_minor: number;
  currency: string;
  connects: number;
};

export type Draft = LeadDraft | PaymentDraft | ExpenseDraft;

/** What one row of a file comes to. */
export type RowResult =
  | { kind: 'drafts'; drafts: Draft[] }
  | { kind: 'invalid'; message: string }
  | { kind: 'transfer' }
  | { kind: 'skipped'; reason: string };

/** A row problem the mapper or writer reports with the field it concerns. */
export class RowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowError';
  }
}

export type Mapper = {
  format: string;
  label: string;
  /** undefined: the mapper keeps the row until `finish` (Upwork fees join their payment). */
  row: (fields: readonly string[], line: number) => RowResult | undefined;
  finish?: () => { line: number; result: RowResult }[];
};
