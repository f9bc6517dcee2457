import { z } from 'zod';
import { symbolSchema } from '../../domain/symbol';
import { optionTypeSchema } from '../option-type';
import { expiryDateSchema } from './expiry-date';

const money = z.number().nonnegative();
const greek = z.number().nullable();

/**
 * One contract's line in a chain, as every chain (the sim's, Alpaca's
 * snapshots) reports it. Prices and greeks are per unit of the underlying
 * (one share), not per 100-share contract; the units are in the names:
 * - bid, ask, mark, last: dollars per share; bid 0 = nobody bids; mark = (bid + ask) / 2;
 * - iv: annualised implied volatility as a fraction (0.2 = 20%);
 * - delta: dollars of option per $1 of the underlying; gamma: delta per $1;
 * - thetaPerDay: dollars per calendar day (negative for a long option losing time value);
 * - vegaPerPoint: dollars per volatility point (0.20 → 0.21);
 * - breakEven: the underlying's price at expiry at which buying at the ask
 *   breaks even before fees: strike + ask (call), strike − ask (put);
 * - null where the chain does not know (no trade yet, no model, no open interest reported).
 */
export const chainRowSchema = z.object({
  /** The OCC symbol, e.g. SPY260320C00580000. */
  symbol: symbolSchema,
  type: optionTypeSchema,
  strike: z.number().positive(),
  expiry: expiryDateSchema,
  bid: money,
  ask: money,
  mark: money,
  last: z.number().positive().nullable(),
  iv: z.number().positive().nullable(),
  delta: greek,
  gamma: greek,
  thetaPerDay: greek,
  vegaPerPoint: greek,
  /** Contracts traded in the session so far. */
  volume: z.number().int().nonnegative().nullable(),
  openInterest: z.number().int().nonnegative().nullable(),
  breakEven: z.number().nullable(),
  /** Against the underlying's price of the snapshot: a call below it, a put above it. */
  inTheMoney: z.boolean(),
});
export type ChainRow = z.infer<typeof chainRowSchema>;
