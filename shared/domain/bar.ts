import { z } from 'zod';
import { epochMsSchema, type EpochMs } from './epoch';

/**
 * One OHLCV bar. `time` is the bar's open time (UTC ms). Prices are IEEE
 * doubles parsed from the venue's decimal strings at the edge and rounded to
 * the instrument's tick there; `final` is false while the bar is still forming.
 */
export interface Bar {
  readonly time: EpochMs;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly trades: number;
  readonly final: boolean;
}

/**
 * Sane bounds for one bar's numbers: a price is above 0 and at most 1e12 (no
 * quote currency reaches it); one input row's volume is 0 to 1e15 (aggregated
 * bars may sum above it). Every input edge refuses values outside them.
 */
export const MAX_PRICE = 1e12;
export const MAX_VOLUME = 1e15;

const price = z.number().positive().max(MAX_PRICE);

export const barSchema = z
  .object({
    time: epochMsSchema,
    open: price,
    high: price,
    low: price,
    close: price,
    volume: z.number().nonnegative(),
    trades: z.number().int().nonnegative(),
    final: z.boolean(),
  })
  .refine((b) => b.high >= Math.max(b.open, b.close, b.low) && b.low <= Math.min(b.open, b.close), {
    message: 'high must be the highest and low the lowest of open/high/low/close',
  });

/** Typed constructor for code that builds bars from already-checked numbers. */
export function bar(time: number, open: number, high: number, low: number, close: number, volume: number, trades: number, final: boolean): Bar {
  return { time: time as EpochMs, open, high, low, close, volume, trades, final };
}
