import { fieldError } from '../shared/api/result';
import { parseMoney } from '../shared/money';

/** Parses a typed amount for `currency`, or throws a field error naming `field`. */
export function minorOf(field: string, text: string, currency: string): number {
  const parsed = parseMoney(text, currency);
  if (!parsed.ok) throw fieldError(field, parsed.message);
  return parsed.minor;
}

/** Percent (12.5) -> basis points (1250), exact for two decimals. */
export function percentToBp(percent: number): number {
  return Math.round(percent * 100);
}
