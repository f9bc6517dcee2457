import { z } from 'zod';
import type { OptionsInputError } from '../../../../shared/options/options-input-error';
import { UsageError } from '../cli-io';

/** A decimal number flag ("42", "0.1", "-0.01", "1e-3"). */
export const numberFlag = z
  .string()
  .regex(/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i, 'must be a number, e.g. 0.25')
  .transform(Number);

export const optionTypeFlag = z.enum(['call', 'put'], { error: 'must be call or put' });

/** The pricing library's field names as the flags that carry them. */
const FLAG_OF_FIELD: Readonly<Record<string, string>> = { dividendYield: 'div' };

/** An options-library refusal as a usage error naming the flag: "--strike: must be a positive number, got -5". */
export function flagError(error: OptionsInputError, flagOf: Readonly<Record<string, string>> = FLAG_OF_FIELD): UsageError {
  return new UsageError(`--${flagOf[error.field] ?? error.field}: ${error.message}`);
}

/** The option parse config shared by `price` and `iv`: the market inputs. */
export const MARKET_FLAG_OPTIONS = {
  type: { type: 'string' },
  spot: { type: 'string' },
  strike: { type: 'string' },
  rate: { type: 'string' },
  div: { type: 'string' },
  years: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const marketFlagsShape = {
  type: optionTypeFlag,
  spot: numberFlag,
  strike: numberFlag,
  rate: numberFlag,
  div: numberFlag.default(0),
  years: numberFlag,
  json: z.boolean().default(false),
};

/** "0.0123456" with a fixed count of significant digits, for the tables. */
export function sig(n: number, digits = 7): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(digits))) : String(n);
}
