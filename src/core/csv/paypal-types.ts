// PayPal's type and status names, one table per language (DOMAIN.md §3). Compared trimmed and
// case-insensitively. To support a new name, add it to its language's list.

export type PaypalTypeTable = {
  /** Money moved between the user's own accounts: counted, never revenue or cost. */
  transfer: readonly string[];
  /** A refund: given (gross < 0) it is a negative payment; received (gross > 0) it is skipped. */
  refund: readonly string[];
  /** Status values that mean the transaction went through; anything else is skipped. */
  completed: readonly string[];
};

export const paypalTypes: Record<'en' | 'de' | 'fr', PaypalTypeTable> = {
  en: {
    transfer: [
      'Bank Deposit to PP Account', 'Bank Deposit to PP Account (Obselete)', 'General Withdrawal', 'User Initiated Withdrawal', 'General Card Deposit',
      'Charge from Credit Card', 'General Currency Conversion', 'Currency Conversion', 'Account Hold for Open Authorization',
      'Reversal of General Account Hold', 'Hold on Balance for Dispute Investigation', 'Order', 'Authorization', 'Transfer to Bank',
      'Withdraw Funds to Bank Account', 'Reversal of ACH Withdrawal', 'Reversal of ACH Deposit',
    ],
    refund: ['Payment Refund', 'Refund'],
    completed: ['Completed'],
  },
  de: {
    transfer: [
      'Bankgutschrift auf PayPal-Konto', 'Allgemeine Abbuchung', 'Von Nutzer eingeleitete Abbuchung', 'Allgemeine Währungsumrechnung',
      'Einbehaltung für offene Autorisierung', 'Rückbuchung allgemeiner Einbehaltung', 'Rückbuchung von ACH-Abbuchung', 'Rückbuchung von ACH-Gutschrift',
      'Allgemeine Kartengutschrift', 'Abbuchung von Kreditkarte', 'Bestellung', 'Autorisierung',
    ],
    refund: ['Rückzahlung', 'Rückerstattung'],
    completed: ['Abgeschlossen'],
  },
  fr: {
    transfer: ['Virement par carte bancaire standard', 'Virement standard', 'Conversion de devise générale', 'Retrait général', 'Virement bancaire sur compte PayPal'],
    refund: ['Remboursement'],
    completed: ['Terminé'],
  },
};

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
const all = (pick: (t: PaypalTypeTable) => readonly string[]) => new Set(Object.values(paypalTypes).flatMap((t) => pick(t).map(norm)));

const transfers = all((t) => t.transfer);
const refunds = all((t) => t.refund);
const completed = all((t) => t.completed);

export type PaypalClass = 'transfer' | 'refund' | 'other';

/** A type in any language's table (files mix them: an English account exports English types). */
export function paypalClass(type: string): PaypalClass {
  const t = norm(type);
  return transfers.has(t) ? 'transfer' : refunds.has(t) ? 'refund' : 'other';
}

export function paypalCompleted(status: string): boolean {
  return completed.has(norm(status));
}
