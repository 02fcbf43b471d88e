import type { ExpenseCategory } from '../expenses/expenses-repo';
import type { PayerFacts } from '../payments/payer-repo';

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
  /** docs/domain.md §8's bid facts, as stored (invited 0/1). */
  invited: number;
  minutes_after_post: number | null;
  proposals_when_bid: string | null;
  viewed_on: string | null;
  boost_outcome: string | null;
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
  /** Stripe keeps its fee on a refunded payment, so the fee may be larger than what is left. */
  fee_may_exceed?: true;
  /** A payment rail's payer (docs/domain.md §3.12): matched to clients, remembered once linked. */
  payer?: PayerFacts;
  /** The platform's client of the payment (Upwork "Client team"): links it to that client's won lead (docs/domain.md §7). */
  client?: string;
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

/** time.csv: `source` '' means the lead's channel. */
export type TimeDraft = {
  type: 'time';
  ref: string;
  date: string;
  source: string;
  lead_ref: string | null;
  kind: 'sales' | 'delivery';
  minutes: number;
  note: string;
};

export type Draft = LeadDraft | PaymentDraft | ExpenseDraft | TimeDraft;

/** What one row of a file comes to. */
export type RowResult =
  /** `fee`: a platform fee row (joined to its payment when `drafts` is empty). */
  | { kind: 'drafts'; drafts: Draft[]; fee?: true }
  | { kind: 'invalid'; message: string; reason?: string | undefined }
  | { kind: 'transfer'; reason?: string | undefined }
  | { kind: 'skipped'; reason: string }
  /** A platform type the tables do not know and the user has not decided (docs/domain.md §3.4). */
  | { kind: 'unknown-type'; type: string; message: string };

/** A row problem the mapper or writer reports with the field it concerns. */
export class RowError extends Error {
  constructor(
    message: string,
    /** Groups the summary's invalid rows ("not a date", "unknown type"); the field name by default. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'RowError';
  }
}

export type Mapper = {
  format: string;
  label: string;
  row: (fields: readonly string[], line: number) => RowResult;
  /** Called for every row before the import's pass (Upwork fees find their payment wherever it stands). */
  prescan?: (fields: readonly string[], line: number) => void;
  /**
   * The prescan may decide from the first rows of a big file (speculative-plan.ts): `row` throws
   * PlanChanged when a later row contradicts what they decided.
   */
  prescanFromFirstRows?: true;
  /** Which of the rows were the deciding header columns or an aside for the summary. */
  notes?: () => string[];
};
