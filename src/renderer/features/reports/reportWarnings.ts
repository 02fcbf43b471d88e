/**
 * A report's warnings in two groups: amounts left out for want of an exchange rate (fixed in Settings)
 * and everything else (Connects no balance covers, planned charges counted…), which leaves nothing out
 * and must not be worded as if it did.
 */
export function splitWarnings(warnings: readonly string[]): { missingRates: string[]; notes: string[] } {
  const missingRates = warnings.filter((w) => /^No [A-Z]{3} rate for /.test(w));
  return { missingRates, notes: warnings.filter((w) => !missingRates.includes(w)) };
}

/** Where a note is fixed: Connects-ledger notes on the Connects page. */
export function noteLink(note: string): { href: string; label: string } | null {
  return /connects|credits/i.test(note)
    ? { href: '#/connects', label: 'Enter an opening balance or purchases on the Connects page' }
    : null;
}
