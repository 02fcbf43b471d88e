import { z } from 'zod';
import { rateText } from '../../reports/fx';
import { isoDate } from '../fields';

/** YYYY-MM with a real month. */
export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month written YYYY-MM');

/** An inclusive date range where either end may be open; `to` before `from` is a field error on `to`. */
export const DateRange = z
  .object({ from: isoDate.nullable().optional(), to: isoDate.nullable().optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, {
    path: ['to'],
    message: 'The end date is before the start date',
  });

export const exchangeRate = z
  .string()
  .trim()
  .regex(rateText, 'Write a positive rate like 1.0845 (up to 10 decimals)')
  .refine((text) => /[1-9]/.test(text), 'A rate must be greater than 0');

export const pageInput = {
  limit: z.number().int().min(1).max(1000).optional(),
  offset: z.number().int().min(0).optional(),
};
