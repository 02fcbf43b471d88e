import { damagedMatch, foldAccents, isDamaged } from '../../shared/csv/headers';

// PayPal's type and status names (docs/domain.md §3), one table per language, compared trimmed,
// case-insensitively and with accents folded; a name a wrong decoding damaged (`Conclu�do`) still
// matches. Beyond the tables, a type is classed by the words every language uses for the same
// thing (a hold, a release, a currency conversion, a move to or from a bank), so a name the tables
// do not hold yet is still no revenue.

export type PaypalTypeTable = {
  /** Money moved between the user's own accounts: counted, never revenue or cost. */
  transfer: readonly string[];
  /** A refund: given (gross < 0) it is a negative payment; received (gross > 0) it is skipped. */
  refund: readonly string[];
  /** Status values that mean the transaction went through; anything else is skipped. */
  completed: readonly string[];
};

export const paypalTypes: Record<'en' | 'de' | 'fr' | 'es' | 'pt' | 'it' | 'nl', PaypalTypeTable> = {
  en: {
    transfer: [
      'Bank Deposit to PP Account',
      'Bank Deposit to PP Account (Obselete)',
      'General Withdrawal',
      'General Withdrawal - Bank Account',
      'User Initiated Withdrawal',
      'General Card Deposit',
      'Charge from Credit Card',
      'General Currency Conversion',
      'Currency Conversion',
      'User Initiated Currency Conversion',
      'Account Hold for Open Authorization',
      'Reversal of General Account Hold',
      'Hold on Balance for Dispute Investigation',
      'Hold on Available Balance',
      'Payment Hold',
      'Payment Release',
      'Order',
      'Authorization',
      'Transfer to Bank',
      'Withdraw Funds to Bank Account',
      'Reversal of ACH Withdrawal',
      'Reversal of ACH Deposit',
    ],
    refund: ['Payment Refund', 'Refund'],
    completed: ['Completed'],
  },
  de: {
    transfer: [
      'Bankgutschrift auf PayPal-Konto',
      'Allgemeine Abbuchung',
      'Von Nutzer eingeleitete Abbuchung',
      'Allgemeine Währungsumrechnung',
      'Einbehaltung für offene Autorisierung',
      'Rückbuchung allgemeiner Einbehaltung',
      'Rückbuchung von ACH-Abbuchung',
      'Rückbuchung von ACH-Gutschrift',
      'Allgemeine Kartengutschrift',
      'Abbuchung von Kreditkarte',
      'Bestellung',
      'Autorisierung',
      'Einbehaltung',
      'Freigabe',
    ],
    refund: ['Rückzahlung', 'Rückerstattung'],
    completed: ['Abgeschlossen'],
  },
  fr: {
    transfer: [
      'Virement par carte bancaire standard',
      'Virement standard',
      'Conversion de devise générale',
      'Retrait général',
      'Virement bancaire sur compte PayPal',
    ],
    refund: ['Remboursement'],
    completed: ['Terminé'],
  },
  es: {
    transfer: [
      'Conversión de divisa',
      'Conversión de divisa general',
      'Retiro general',
      'Retiro general - Cuenta bancaria',
      'Retención',
      'Liberación',
      'Retención de pago',
      'Liberación de pago',
    ],
    refund: ['Reembolso', 'Reembolso de pago'],
    completed: ['Completado', 'Completada'],
  },
  pt: {
    transfer: [
      'Conversão de moeda',
      'Conversão de moeda geral',
      'Recursos transferidos para sua conta bancária',
      'Retenção',
      'Liberação',
    ],
    refund: ['Reembolso', 'Reembolso de pagamento'],
    completed: ['Concluído', 'Concluída'],
  },
  it: {
    transfer: ['Conversione di valuta', 'Conversione di valuta generica', 'Prelievo generico', 'Blocco', 'Sblocco'],
    refund: ['Rimborso', 'Rimborso di pagamento'],
    completed: ['Completata', 'Completato'],
  },
  nl: {
    transfer: ['Algemene valutaomrekening', 'Algemene opname', 'Opname naar bankrekening'],
    refund: ['Terugbetaling'],
    completed: ['Voltooid'],
  },
};

/** Trimmed, spaces collapsed, lower case, accents folded. */
const norm = (s: string) => foldAccents(s.trim().replace(/\s+/g, ' ').toLowerCase());
const all = (pick: (t: PaypalTypeTable) => readonly string[]) =>
  Object.values(paypalTypes).flatMap((t) => pick(t).map(norm));

const transferNames = all((t) => t.transfer);
const refundNames = all((t) => t.refund);
const completedNames = all((t) => t.completed);
const transfers = new Set(transferNames);
const refunds = new Set(refundNames);
const completed = new Set(completedNames);

/**
 * Words that make a type a transfer in any language of the tables: holds and releases, currency
 * conversions, withdrawals and moves to or from a bank account or card, authorisations.
 */
const transferWords = [
  /\bhold\b/,
  /\brelease\b/,
  /\bcurrency conversion\b/,
  /\bwithdraw(al)?\b/,
  /\bbank (deposit|account)\b/,
  /\bcard deposit\b/,
  /\bauthori[sz]ation\b/,
  /\bfunding\b/,
  /\btransfer (to|from) (bank|paypal)\b/,
  /\binstant transfer\b/,
  /\bautorizacion\b/,
  /\bautorizacao\b/,
  /\bautorizzazione\b/,
  /\bdeposito\b/,
  /\btransferencia bancaria\b/,
  /\bsaque\b/,
  /einbehaltung/,
  /\bfreigabe\b/,
  /wahrungsumrechnung/,
  /\babbuchung\b/,
  /bankgutschrift/,
  /autorisierung/,
  /\bretencion\b/,
  /\bliberacion\b/,
  /conversion de (divisa|moneda)/,
  /\bretiro\b/,
  /cuenta bancaria/,
  /\bretencao\b/,
  /\bliberacao\b/,
  /conversao de moeda/,
  /conta bancaria/,
  /\brecursos transferidos\b/,
  /conversion de devise/,
  /\bretrait\b/,
  /\bvirement\b/,
  /\bautorisation\b/,
  /conversione di valuta/,
  /\bprelievo\b/,
  /valutaomrekening/,
  /\bopname\b/,
];
const refundWords = [
  /\brefund\b/,
  /ruckzahlung/,
  /ruckerstattung/,
  /\bremboursement\b/,
  /\breembolso\b/,
  /\brimborso\b/,
  /\bterugbetaling\b/,
];

export type PaypalClass = 'transfer' | 'refund' | 'other';

/** A damaged name (`Conclu�do`): the one name of `names` it can be, letter for letter. */
function damagedIn(text: string, names: readonly string[]): boolean {
  return names.some((n) => damagedMatch(text, n, norm));
}

/** A type in any language's table or by its words (files mix them: an English account exports English types). */
export function paypalClass(type: string): PaypalClass {
  const t = norm(type);
  if (transfers.has(t)) return 'transfer';
  if (refunds.has(t)) return 'refund';
  if (isDamaged(type)) {
    if (damagedIn(type, transferNames)) return 'transfer';
    if (damagedIn(type, refundNames)) return 'refund';
  }
  if (refundWords.some((w) => w.test(t)) && !/reversal|ruckbuchung/.test(t)) return 'refund';
  if (transferWords.some((w) => w.test(t))) return 'transfer';
  return 'other';
}

export function paypalCompleted(status: string): boolean {
  const s = norm(status);
  return completed.has(s) || (isDamaged(status) && damagedIn(status, completedNames));
}
