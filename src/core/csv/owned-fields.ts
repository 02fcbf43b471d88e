import type { ExpenseRecord } from '../expenses/expenses-repo';
import type { PaymentRecord } from '../payments/payments-repo';

// docs/domain.md §7, owned fields: an import owns what it brings (date, amounts, fee, currency, the
// platform's description and key); what the user set is the user's, and a re-import never changes or
// clears it. A description or category the user changed differs from what the platform last brought
// (`platform_*`, migration 0016); a typed record an import took over keeps the user's description.

type PaymentFields = { lead_id: number | null; description: string; platform_description?: string | null };

/** Puts the user's fields of `before` back into the fields a re-import of a payment would write. */
export function keepUserPaymentFields(before: PaymentRecord, fields: PaymentFields): void {
  const brought = fields.description;
  fields.platform_description = brought;
  // A file that names no lead never unlinks one (a platform statement never names any).
  if (fields.lead_id === null) fields.lead_id = before.lead_id;
  if (userChanged(before.description, before.platform_description)) fields.description = before.description;
}

type ExpenseFields = {
  category: ExpenseRecord['category'];
  description: string;
  platform_description?: string | null;
  platform_category?: ExpenseRecord['category'] | null;
};

/** The same for an expense: its category (a decision the user made) and its description. */
export function keepUserExpenseFields(before: ExpenseRecord, fields: ExpenseFields): void {
  fields.platform_description = fields.description;
  fields.platform_category = fields.category;
  if (userChanged(before.description, before.platform_description)) fields.description = before.description;
  if (before.platform_category != null && before.category !== before.platform_category)
    fields.category = before.category;
}

/** The user changed a value an import brought (null: no import brought one; the file's value stands). */
function userChanged(value: string, brought: string | null | undefined): boolean {
  return brought !== null && brought !== undefined && value !== brought;
}
