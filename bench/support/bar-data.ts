import { allocColumns, type BarColumns } from '../../shared/domain/bar-columns';
import { prng } from './prng';

/** 2023-01-01T00:00:00Z: a non-leap year, so 365 days are exactly 525,600 minutes. */
export const START_2023 = Date.UTC(2023, 0, 1);

/**
 * `count` consecutive final bars of `stepMs` from `start`: a seeded random walk
 * around 30,000 with consistent high/low, so every run stores the same bytes.
 */
export function randomWalkBars(count: number, start: number, stepMs: number, seed: number): BarColumns {
  const rnd = prng(seed);
  const c = allocColumns(count);
  let price = 30_000;
  for (let i = 0; i < count; i++) {
    const open = price;
    const close = Math.max(1, open + (rnd() - 0.5) * 40);
    const high = Math.max(open, close) + rnd() * 10;
    const low = Math.max(0.5, Math.min(open, close) - rnd() * 10);
    c.time[i] = start + i * stepMs;
    c.open[i] = Math.round(open * 100) / 100;
    c.close[i] = Math.round(close * 100) / 100;
    c.high[i] = Math.ceil(high * 100) / 100;
    c.low[i] = Math.floor(low * 100) / 100;
    c.volume[i] = Math.round(rnd() * 50_000) / 1000;
    c.trades[i] = 1 + Math.floor(rnd() * 1200);
    c.final[i] = 1;
    price = close;
  }
  return c;
}
