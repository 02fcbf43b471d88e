import { z } from 'zod';
import { isIsoDate } from '../dates';
import { isCurrencyCode, maxMinorUnits, parseMoney } from '../money';

export const id = z.number().int().positive();

export const isoDate = z.string().refine(isIsoDate, { message: 'Use a real date written YYYY-MM-DD' });

export const currencyCode = z
  .string()
  .transform((code) => code.trim().toUpperCase())
  .refine(isCurrencyCode, { message: 'Unknown ISO 4217 currency code' });

/** Connects, credits, minutes: a million keeps every product with a price and every sum exact. */
export const countMax = 1_000_000;
export const count = z
  .number()
  .int('Whole numbers only')
  .min(0, 'Cannot be negative')
  .max(countMax, 'At most 1,000,000');

/** Stored money in minor units, within the bound every typed amount has (shared/money.ts). */
export const minorUnits = z
  .number()
  .int('Whole minor units only')
  .min(-maxMinorUnits, 'Too large')
  .max(maxMinorUnits, 'Too large');

/** A decimal amount as typed ("1250.50"); checked against its currency (and the upper bound) by `checkAmount`. */
export const amountText = z
  .string()
  .trim()
  .max(40, 'Write an amount like 1250.50')
  .regex(/^[+-]?\d+(\.\d+)?$/, 'Write an amount like 1250.50');

export const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1f7a4d');

/** Adds a field error when `amount` has more decimals than `currency` allows. */
export function checkAmount(ctx: z.RefinementCtx, path: string, amount: string | undefined | null, currency: string) {
  if (amount === undefined || amount === null || amount === '') return;
  if (!isCurrencyCode(currency)) return;
  const parsed = parseMoney(amount, currency);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', path: [path], message: parsed.message });
}

/** A percent (a fee), 0..100 with at most two decimals (stored as basis points): every schema and form uses this one. */
export const percent = z
  .number({ error: 'Enter a percent' })
  .min(0, 'Cannot be negative')
  .max(100, 'A fee cannot be over 100%')
  .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, 'At most two decimals');

/**
 * A percent as a form's text field holds it ("12.5"), checked by `percent` itself: a form refuses what the
 * API refuses, with the API's words. Text that is no number at all never reaches the API: its own words.
 */
export function percentFromText(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!/^[+-]?\d+(\.\d+)?$/.test(trimmed)) return { ok: false, message: 'Enter a percent like 12.5' };
  const checked = percent.safeParse(Number(trimmed));
  return checked.success ? { ok: true, value: checked.data } : { ok: false, message: checked.error.issues[0]!.message };
}
