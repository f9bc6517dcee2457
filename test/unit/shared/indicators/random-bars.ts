import { Rng } from '../../../../shared/random/seeded-random';
import type { Bars } from './indicator-cases';

/**
 * `length` seeded random-walk bars around 30,000 that also hit the edge cases:
 * every 500 bars, from bar 0, a flat stretch of 60 bars (high = low = close:
 * zero true range, zero changes, zero money flow, so Wilder sums that start
 * flat are exactly 0) with zero volume for its first 30; repeated closes now
 * and then; a new session key every 97 bars.
 */
export function randomBars(length: number, seed: number): Bars {
  const rnd = new Rng(seed);
  const high = new Float64Array(length);
  const low = new Float64Array(length);
  const close = new Float64Array(length);
  const volume = new Float64Array(length);
  const session = new Float64Array(length);
  let price = 30_000;
  for (let i = 0; i < length; i++) {
    const phase = i % 500;
    session[i] = Math.floor(i / 97);
    if (phase < 60) {
      high[i] = low[i] = close[i] = price;
      volume[i] = phase < 30 ? 0 : Math.round(rnd.uniform() * 1000);
      continue;
    }
    const open = price;
    const next = rnd.uniform() < 0.05 ? open : Math.round((open + rnd.normal() * 20) * 100) / 100;
    high[i] = Math.ceil((Math.max(open, next) + rnd.uniform() * 10) * 100) / 100;
    low[i] = Math.floor((Math.min(open, next) - rnd.uniform() * 10) * 100) / 100;
    close[i] = next;
    volume[i] = Math.round(rnd.uniform() * 50_000) / 1000;
    price = next;
  }
  return { length, high, low, close, volume, session };
}
