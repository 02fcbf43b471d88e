export const expenseCategoryValues = ['connects', 'subscription', 'advertising', 'fee', 'tax', 'other'] as const;
