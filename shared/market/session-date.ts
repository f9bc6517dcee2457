import { DAY_MS } from '../domain/interval';
import type { MarketKind } from './market-kind';
import { nyLocal } from './new-york-time';
import { fxTradingDay } from './sessions';

/**
 * The trading day an instant belongs to, as days since the epoch: the UTC day
 * for crypto, the New York civil day for US equities (pre- and post-market
 * bars belong to that day's session), and for FX the trading day that rolls
 * at 17:00 New York. What session-anchored indicators (VWAP) restart on.
 */
export function sessionDateOf(market: MarketKind, t: number): number {
  switch (market) {
    case 'crypto':
      return Math.floor(t / DAY_MS);
    case 'us-equity':
      return nyLocal(t).days;
    case 'fx':
      return fxTradingDay(t).date;
  }
}

/** sessionDateOf for every bar open time. */
export function sessionKeys(market: MarketKind, times: ArrayLike<number>): Float64Array {
  const out = new Float64Array(times.length);
  for (let i = 0; i < times.length; i++) out[i] = sessionDateOf(market, times[i] ?? 0);
  return out;
}
