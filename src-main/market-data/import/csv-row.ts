import { z } from 'zod';
import { MAX_PRICE, MAX_VOLUME } from '../../../shared/domain/bar';

/** The refusal of a price or volume outside its bounds (1e308, Infinity, 0), or null. */
export function boundsError(field: string, n: number, positive: boolean): string | null {
  const max = positive ? MAX_PRICE : MAX_VOLUME;
  if (!(positive ? n > 0 : n >= 0)) return `${field} must be ${positive ? 'positive' : 'zero or more'}`;
  if (!(n <= max)) return `${field} must be at most ${max.toExponential().replace('+', '')}`;
  return null;
}

/**
 * One CSV row as bar fields. Prices and volumes arrive as decimal strings;
 * they are parsed once here, as doubles, and checked (finite, positive prices
 * up to 1e12, volumes up to 1e15, high/low consistent), so a bad row is
 * refused with its reason.
 */
const decimal = (field: string, positive: boolean) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, `${field} is not a decimal number`)
    .transform(Number)
    .superRefine((n, ctx) => {
      const error = boundsError(field, n, positive);
      if (error !== null) ctx.addIssue({ code: 'custom', message: error });
    });

export const csvBarFieldsSchema = z
  .object({
    open: decimal('open', true),
    high: decimal('high', true),
    low: decimal('low', true),
    close: decimal('close', true),
    volume: decimal('volume', false),
    trades: z.string().trim().regex(/^\d+$/, 'trades is not a whole number').transform(Number).optional(),
  })
  .refine((r) => r.high >= Math.max(r.open, r.close, r.low) && r.low <= Math.min(r.open, r.close), 'high/low do not bracket open and close');

export type CsvBarFields = z.output<typeof csvBarFieldsSchema>;
