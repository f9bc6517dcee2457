import type { OrderType, Side } from '../../../shared/trading/order';
import { barPath } from './bar-path';
import type { FillModelConfig } from './fill-config';
import type { BarEvent } from './market-event';
import { slipped } from './slippage';

/**
 * Where one order meets one price or one bar: pure price rules, each from a
 * trusted engine (PROTOCOLS.md "How the trusted engines fill simulated orders").
 *
 * At a price met at one instant (a quote's ask for a buy / bid for a sell, a
 * trade's price for both):
 * - market: at that price (nautilus, Lean: buys at the ask, sells at the
 *   bid), plus slippage;
 * - limit arriving (its first meeting with the market) and marketable (a buy
 *   at or above the price): at the price met, the better one (Freqtrade:
 *   fills once buy >= best ask; nautilus takes liquidity at the touch);
 * - limit resting: at its limit when the market trades strictly through it
 *   (Lean: the limit fills only when traded through, last in the queue), or
 *   at or through it with limitFill 'touch' (backtrader);
 * - stop: triggers when the price reaches it (a buy stop at or above, a sell
 *   at or below) and fills at the stop, or at the price met when that is
 *   already beyond the stop (Lean: max(stop, price) for a buy), plus
 *   slippage; a stop that triggered but could not fill is a market order;
 * - stop-limit: becomes a limit when its stop triggers (nautilus, Lean), one
 *   that arrives then: marketable → filled at the price met, else it rests.
 *
 * On a bar whose open the order was in time for, walked as its path
 * (bar-path.ts): the open first — a market order fills there, a limit the
 * open is at/through (arriving) or gapped through (resting; 'touch': at)
 * fills at the open (backtrader), a stop the bar opens beyond fills at the
 * open (gap: nautilus, backtrader, Lean) — then each leg of the path: a limit the leg crosses
 * (strictly, or touches with 'touch') at its limit, a stop the leg reaches
 * at its stop, a stop-limit triggered in a leg at its stop when that is
 * within its limit, else later legs may reach its limit. Slippage on a bar is
 * capped at the bar's range (backtrader). An order that arrived after the bar
 * opened meets only its close, as one price.
 */

/** An order as the rules see it. */
export interface OrderTerms {
  readonly side: Side;
  readonly type: OrderType;
  readonly limitPrice: number | null;
  readonly stopPrice: number | null;
  /** Its stop has triggered (a stop is now a market order, a stop-limit a limit). */
  readonly triggered: boolean;
  /** It has not met the market yet. */
  readonly arriving: boolean;
}

/** The outcome for one order: a fill price (null: none), whether its stop triggered, and (bars) the path position of the fill: 0 the open, 1-3 the legs. */
export interface RuleOutcome {
  readonly price: number | null;
  readonly triggered: boolean;
  readonly position: number;
}

const NONE: RuleOutcome = { price: null, triggered: false, position: 0 };

/** What the order acts as now: a triggered stop is a market order, a triggered stop-limit a limit. */
export function effectiveType(t: OrderTerms): OrderType {
  if (!t.triggered) return t.type;
  return t.type === 'stop' ? 'market' : t.type === 'stop_limit' ? 'limit' : t.type;
}

function level(x: number | null): number {
  return x ?? Number.NaN;
}

/** A buy limit at `limit` meets `price`: marketable (at or below) / through (strictly below) / touched. */
function limitMet(side: Side, limit: number, price: number, strict: boolean): boolean {
  if (side === 'buy') return strict ? price < limit : price <= limit;
  return strict ? price > limit : price >= limit;
}

function stopReached(side: Side, stop: number, price: number): boolean {
  return side === 'buy' ? price >= stop : price <= stop;
}

/** The rules at one price met at one instant; `range` caps slippage (a bar's). */
export function atPrice(t: OrderTerms, price: number, config: FillModelConfig, tickSize: number, range?: { low: number; high: number }): RuleOutcome {
  const kind = effectiveType(t);
  const through = config.limitFill === 'through';
  switch (kind) {
    case 'market':
      return { price: slipped(price, t.side, config, tickSize, range), triggered: false, position: 0 };
    case 'limit': {
      const limit = level(t.limitPrice);
      if (t.arriving && limitMet(t.side, limit, price, false)) return { price, triggered: false, position: 0 };
      return limitMet(t.side, limit, price, through) ? { price: limit, triggered: false, position: 0 } : NONE;
    }
    case 'stop': {
      const stop = level(t.stopPrice);
      if (!stopReached(t.side, stop, price)) return NONE;
      const worse = t.side === 'buy' ? Math.max(stop, price) : Math.min(stop, price);
      return { price: slipped(worse, t.side, config, tickSize, range), triggered: true, position: 0 };
    }
    case 'stop_limit': {
      if (!stopReached(t.side, level(t.stopPrice), price)) return NONE;
      const fills = limitMet(t.side, level(t.limitPrice), price, false);
      return { price: fills ? price : null, triggered: true, position: 0 };
    }
  }
}

/** The rules over a bar the order was in time for (open first, then the path's legs). */
export function onBar(t: OrderTerms, bar: Pick<BarEvent, 'open' | 'high' | 'low' | 'close'>, config: FillModelConfig, tickSize: number): RuleOutcome {
  const range = { low: bar.low, high: bar.high };
  const through = config.limitFill === 'through';
  let triggered = false;
  if (effectiveType(t) === 'limit') {
    // A gap through a resting limit fills at the open (backtrader), as an arriving marketable limit does.
    if (limitMet(t.side, level(t.limitPrice), bar.open, t.arriving ? false : through)) return { price: bar.open, triggered: false, position: 0 };
  } else {
    const atOpen = atPrice(t, bar.open, config, tickSize, range);
    if (atOpen.price !== null) return atOpen;
    triggered = atOpen.triggered;
  }
  const legs = barPath(bar);
  for (let i = 0; i < legs.length; i++) {
    const leg = legs[i];
    if (leg === undefined) break;
    const position = i + 1;
    const kind = effectiveType({ ...t, triggered: t.triggered || triggered });
    if (kind === 'limit') {
      const limit = level(t.limitPrice);
      const crossed = t.side === 'buy' ? limitMet('buy', limit, leg.low, through) : limitMet('sell', limit, leg.high, through);
      if (crossed) return { price: limit, triggered, position };
      continue;
    }
    if (kind === 'market') break; // market orders and triggered stops filled at the open
    const stop = level(t.stopPrice);
    const reached = t.side === 'buy' ? leg.high >= stop : leg.low <= stop;
    if (!reached) continue;
    if (kind === 'stop') return { price: slipped(stop, t.side, config, tickSize, range), triggered: true, position };
    triggered = true;
    if (limitMet(t.side, level(t.limitPrice), stop, false)) return { price: stop, triggered, position };
  }
  return { price: null, triggered, position: 0 };
}
