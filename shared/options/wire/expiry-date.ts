import { z } from 'zod';
import { isoDate, realCivilDays } from '../../market/civil-date';

/**
 * An expiration date as the contract carries it: the NYSE session date of
 * the last trading day, `YYYY-MM-DD` (a contract ends at 16:00 New York that
 * day). Refused when it is not a real calendar date.
 */
export const expiryDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => daysOfExpiry(s) !== null, { message: 'must be a real calendar date' });

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or null when it is not a real date. */
export function daysOfExpiry(text: string): number | null {
  const [y, m, d] = text.split('-').map(Number);
  return realCivilDays(y ?? 0, m ?? 0, d ?? 0);
}

/** `YYYY-MM-DD` of days since 1970-01-01. */
export function expiryText(days: number): string {
  return isoDate(days);
}
