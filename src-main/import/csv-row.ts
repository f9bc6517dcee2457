import { z } from 'zod';

/**
 * One CSV row as bar fields. Prices and volumes arrive as decimal strings;
 * they are parsed once here, as doubles, and checked (finite, positive
 * prices, high/low consistent), so a bad row is refused with its reason.
 */
const decimal = (field: string, positive: boolean) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, `${field} is not a decimal number`)
    .transform(Number)
    .refine((n) => Number.isFinite(n) && (positive ? n > 0 : n >= 0), `${field} must be ${positive ? 'positive' : 'zero or more'}`);

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
