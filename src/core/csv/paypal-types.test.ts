import { describe, expect, it } from 'vitest';
import { paypalClass, paypalCompleted } from './paypal-types';

// docs/domain.md §3: PayPal type names by class in every language of the tables, accents folded, damaged
// letters matched; a name the tables do not hold is classed by the words every language uses.

describe('PayPal type classes', () => {
  it.each([
    'Payment Hold',
    'Payment Release',
    'Hold on Available Balance',
    'User Initiated Currency Conversion',
    'General Withdrawal - Bank Account',
    'Einbehaltung',
    'Freigabe',
    'Retención',
    'Retencion',
    'Liberación',
    'Conversión de divisa',
    'Conversão de moeda',
    'Recursos transferidos para sua conta bancária',
    'Retiro general',
    // Not in the tables: classed by their words.
    'Cancellation of Hold for Dispute Resolution',
    'General Credit Card Deposit',
    'Retención de pago para revisión',
    'Transferência bancária',
    'Conversione di valuta generica',
    // Damaged by a wrong decoding.
    'Convers\uFFFDo de moeda',
    'Libera\uFFFD\uFFFDo',
    'Reten?\u00e3o',
  ])('%s is a transfer', (type) => expect(paypalClass(type)).toBe('transfer'));

  it.each(['Payment Refund', 'Reembolso de pagamento', 'Rückzahlung', 'Remboursement', 'Reembolso'])(
    '%s is a refund',
    (type) => expect(paypalClass(type)).toBe('refund'),
  );

  it.each([
    'Pago estándar',
    'Pagamento recorrente recebido',
    'Pagamento recebido',
    'Express Checkout Payment',
    'Website Payment',
    'Handyzahlung',
    'Allgemeine Zahlung',
  ])('%s is another type (a payment when gross > 0)', (type) => expect(paypalClass(type)).toBe('other'));

  it('completed in every language, damaged or not; anything else is not', () => {
    for (const s of [
      'Completed',
      'Abgeschlossen',
      'Terminé',
      'Termine',
      'Completado',
      'Concluído',
      'Conclu\uFFFDdo',
      'Conclu?do',
      ' completed ',
    ])
      expect(paypalCompleted(s)).toBe(true);
    for (const s of ['Pending', 'Pendente', 'Pendiente', 'Ausstehend', 'Denied', 'Conclu??do'])
      expect(paypalCompleted(s)).toBe(false);
  });
});
