import { DAY_MS, HOUR_MS, WEEK_MS } from '../../../shared/domain/interval';
import type { MarketKind } from '../../../shared/market/market-kind';
import { sessionDateOf } from '../../../shared/market/session-date';

/**
 * How returns are annualised. Like backtesting.py, intraday equity is first
 * resampled to one value per trading day (the equity at the day's last bar),
 * so that Sharpe and volatility do not depend on the bar size and overnight
 * gaps of a session market do not distort per-bar returns; the daily returns
 * are then annualised with
 * - 365 periods per year for a 24/7 market (crypto),
 * - 252 for markets that close at weekends (US equities, FX).
 * Bars of a day or longer are their own periods: a day bar is one of those
 * 252 or 365 days a year, a weekly bar one of 52 for every market (as
 * backtesting.py), and a longer bar proportionally fewer.
 *
 * The trading day is `sessionDateOf(market, t)`: the UTC day for crypto, the
 * New York civil day for US equities, the 17:00-New-York-roll trading day for
 * FX (where backtesting.py resamples to calendar days in the index's zone).
 */
export function periodsPerYear(market: MarketKind, intervalMs: number): number {
  const base = market === 'crypto' ? 365 : 252;
  if (intervalMs >= WEEK_MS) return (52 * WEEK_MS) / intervalMs;
  if (intervalMs > DAY_MS) return (base * DAY_MS) / intervalMs;
  return base;
}

/**
 * The equity at the end of each period, preceded by the starting cash:
 * `[cash, D_1, ..., D_m]`, so that period k's return is D_k / D_(k-1) - 1 and
 * the product of (1 + return) is exactly equityFinal / cash (backtesting.py
 * drops the first day instead, which leaves the first day's move out).
 */
export function periodEquity(times: Float64Array, equity: Float64Array, market: MarketKind, intervalMs: number, startCash: number): Float64Array {
  const n = equity.length;
  if (intervalMs >= DAY_MS) {
    const out = new Float64Array(n + 1);
    out[0] = startCash;
    out.set(equity, 1);
    return out;
  }
  const ends: number[] = [startCash];
  const days = new DayKeys(market);
  let current = days.of(times[0] ?? 0);
  for (let i = 1; i < n; i++) {
    const day = days.of(times[i] ?? 0);
    if (day !== current) {
      ends.push(equity[i - 1] ?? Number.NaN);
      current = day;
    }
  }
  if (n > 0) ends.push(equity[n - 1] ?? Number.NaN);
  return Float64Array.from(ends);
}

/**
 * sessionDateOf with a cache: every trading-day boundary (UTC midnight, New
 * York midnight, the 17:00 New York FX roll) falls on a whole UTC hour, so
 * the day is computed once per UTC hour of bars (once per UTC day for
 * crypto), and the bars in between cost two comparisons.
 */
class DayKeys {
  private from = Number.POSITIVE_INFINITY;
  private until = Number.NEGATIVE_INFINITY;
  private day = Number.NaN;

  constructor(private readonly market: MarketKind) {}

  of(t: number): number {
    if (t >= this.from && t < this.until) return this.day;
    if (this.market === 'crypto') {
      this.day = Math.floor(t / DAY_MS);
      this.from = this.day * DAY_MS;
      this.until = this.from + DAY_MS;
    } else {
      this.from = Math.floor(t / HOUR_MS) * HOUR_MS;
      this.until = this.from + HOUR_MS;
      this.day = sessionDateOf(this.market, t);
    }
    return this.day;
  }
}
