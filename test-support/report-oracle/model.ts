// The plain records a random database is made of (differential.test.ts writes them through the API;
// oracle.ts computes the report from them by docs/domain.md §4-§6 alone).

export type Stage = 'new' | 'applied' | 'replied' | 'interview' | 'won' | 'lost';

export type ModelLead = {
  source: string;
  createdOn: string;
  appliedOn: string | null;
  closedOn: string | null;
  stage: Stage;
  connects: number;
  boostConnects: number;
  connectsRefunded: number;
  /** Minor units of `currency` (won leads only). */
  value: number | null;
  currency: string;
  client: string;
};

export type ModelPayment = {
  source: string;
  date: string;
  gross: number;
  fee: number;
  currency: string;
  lead: number | null;
};
export type ModelExpense = {
  source: string;
  date: string;
  category: 'connects' | 'subscription' | 'advertising' | 'fee' | 'tax' | 'other';
  amount: number;
  currency: string;
  connects: number;
};
export type ModelPlan = {
  source: string;
  period: 'monthly';
  amount: number;
  currency: string;
  startsOn: string;
  endsOn: string | null;
  credits: number;
};
export type ModelTime = { source: string; date: string; kind: 'sales' | 'delivery'; minutes: number };

export type ModelChannel = { name: string; creditPrice: number | null; freeMonthly: number };

export type Model = {
  today: string;
  base: string;
  /** Channels in the order of sources:list. */
  channels: ModelChannel[];
  /** "CUR|YYYY-MM" -> rate text (base units per unit). */
  rates: Record<string, string>;
  opening: { source: string; on: string; count: number } | null;
  plans: ModelPlan[];
  leads: ModelLead[];
  payments: ModelPayment[];
  expenses: ModelExpense[];
  time: ModelTime[];
};

export type OracleQuery = { from?: string; to?: string; basis: 'usage' | 'cash'; attribution: 'last' | 'first' };
