import { MINUTE_MS } from '../../../shared/domain/interval';
import { SimOptionChain, type SimUnderlying } from '../../../shared/options/sim-chain/sim-option-chain';
import { simOptionParams, SIM_OPTION_PARAMS } from '../../../shared/options/sim-chain/sim-option-params';
import { seed32 } from '../../../shared/random/seeded-random';
import { DailyAnchors } from '../../market-data/feeds/sim/daily-anchors';
import { previousSession } from '../../market-data/feeds/sim/sim-calendar';
import type { SimMarket } from '../../market-data/feeds/sim/sim-market';
import { SIM_INSTRUMENTS } from '../../market-data/feeds/sim/sim-symbols';

/** The simulated underlyings that have options (the sim's US equities). */
export const SIM_OPTION_UNDERLYINGS: readonly string[] = SIM_OPTION_PARAMS.map((p) => p.underlying);

/**
 * The sim underlying as the option chain sees it: the same daily anchors the
 * SimMarket of `seed` walks (its regime volatility and its session closes),
 * regenerated here from the seed, so the chain needs no market instance.
 */
export function simUnderlying(seed: number, symbol: string): SimUnderlying | null {
  const spec = SIM_INSTRUMENTS.find((i) => i.symbol === symbol && i.market === 'us-equity');
  if (spec === undefined) return null;
  const anchors = new DailyAnchors(spec, seed32(seed));
  return {
    symbol,
    longRunVol: spec.annualVol,
    volOn: (date) => anchors.volOn(date),
    referencePrice: (date) => {
      const before = previousSession('us-equity', date);
      return Math.exp(anchors.logCloseOn(before === null ? date - 1 : before.date));
    },
  };
}

/** The chain of a simulated underlying with options, or null for any other symbol. */
export function simOptionChain(seed: number, symbol: string): SimOptionChain | null {
  const params = simOptionParams(symbol);
  const underlying = simUnderlying(seed, symbol);
  return params === undefined || underlying === null ? null : new SimOptionChain(seed, underlying, params);
}

/** How far back the last trade is looked for when the market is shut (a long weekend and a holiday). */
const LOOKBACK_MS = 10 * 24 * 60 * MINUTE_MS;

/**
 * The underlying's price at `t`: the quote's mid while the market is open,
 * else the close of the last 1m bar before `t`; null before the sim's history.
 */
export function simUnderlyingPrice(market: SimMarket, symbol: string, t: number): number | null {
  const q = market.quote(symbol, t);
  if (q !== null) return (q.bid + q.ask) / 2;
  const bars = market.columns(symbol, t - LOOKBACK_MS, t);
  return bars.length === 0 ? null : (bars.close[bars.length - 1] ?? null);
}
