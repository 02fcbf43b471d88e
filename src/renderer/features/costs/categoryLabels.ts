import type { expenseCategoryValues } from '../../../shared/domain/expense-categories';

/** The words an expense category is shown with; the codes (docs/domain.md §2) stay in files and the API. */
export const categoryLabels: Record<(typeof expenseCategoryValues)[number], string> = {
  connects: 'Connects',
  subscription: 'Subscription',
  advertising: 'Advertising',
  fee: 'Fee',
  tax: 'Tax',
  other: 'Other',
};

export const categoryLabel = (code: string): string => categoryLabels[code as keyof typeof categoryLabels] ?? code;
