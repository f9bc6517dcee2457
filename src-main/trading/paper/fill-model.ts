import { addDecimal, roundToStep, subDecimal } from '../../../shared/trading/decimal-steps';
import type { Side } from '../../../shared/trading/order';
import type { TradedInstrument } from '../../../shared/trading/traded-instrument';
import type { FillModelConfig } from './fill-config';
import { atPrice, onBar, type OrderTerms, type RuleOutcome } from './fill-rules';
import type { MarketEvent } from './market-event';

/**
 * The paper fill model: the working orders of one instrument + one market
 * event → the fills, in the order they happen. Pure and deterministic.
 *
 * - Latency (by the market clock): an order meets quotes and trades from
 *   eligibleAt (= submittedAt + latencyMs) on. A bar is whole for an order
 *   sent before it opened (the open stands in for the first price it can
 *   meet: a bar cannot resolve 100 ms); an order sent after the bar opened
 *   but eligible before it ended meets only its close; else it waits.
 * - Volume: a quote with sizes fills at most the displayed size on the side
 *   taken (the ask's size for buys); without sizes, whole. A trade or bar
 *   fills at most participation × its size/volume (default 10%), shared by
 *   the orders in the order they fill, rounded down to the lot; the rest
 *   keeps working (Lean's volume share, backtrader's volume filler). A bar
 *   with volume 0 has no known volume: no cap.
 * - Order of fills: on a quote or trade, placement order. On a bar, the open
 *   first, then inside the bar: with sameBarExits 'stop_first' every stop
 *   before any limit (backtrader: when both children could fill in one bar
 *   the stop wins), with 'path' by where the path reaches them (nautilus),
 *   stops first on a tie.
 * - OCO legs share one quantity: once a leg fills x in this event, its
 *   siblings can fill x less (a complete fill leaves them nothing), so a bar
 *   that reaches a bracket's stop and take-profit fills only one of them.
 */

/** A working order as the fill model sees it. */
export interface FillCandidate extends OrderTerms {
  readonly id: string;
  /** qty − filledQty. */
  readonly remaining: number;
  readonly ocoGroup: string | null;
  /** Placement order (ties). */
  readonly seq: number;
  readonly submittedAt: number;
  readonly eligibleAt: number;
}

export interface PlannedFill {
  readonly id: string;
  readonly qty: number;
  readonly price: number;
  /** The fill's time: the event's; on a bar its open time, or the order's eligibleAt for one that arrived during the bar. */
  readonly time: number;
}

export interface FillPlan {
  readonly fills: readonly PlannedFill[];
  /** Stop and stop-limit orders whose stop triggered in this event. */
  readonly triggered: readonly string[];
  /** Orders that met the market in this event (no longer arriving; an IOC is done). */
  readonly met: readonly string[];
  /** A quote's sizes left after the fills (null where none was given); null for trades and bars. */
  readonly quoteLeft: { readonly bid: number | null; readonly ask: number | null } | null;
}

interface Hit {
  readonly c: FillCandidate;
  readonly price: number;
  readonly position: number;
  readonly time: number;
}

function isStop(c: FillCandidate): boolean {
  return c.type === 'stop' || c.type === 'stop_limit';
}

/** What one order does on the event, or null when the event is too early for it. */
function meet(c: FillCandidate, e: MarketEvent, config: FillModelConfig, tick: number): { outcome: RuleOutcome; time: number } | null {
  switch (e.kind) {
    case 'quote':
      if (c.eligibleAt > e.time) return null;
      return { outcome: atPrice(c, c.side === 'buy' ? e.ask : e.bid, config, tick), time: e.time };
    case 'trade':
      if (c.eligibleAt > e.time) return null;
      return { outcome: atPrice(c, e.price, config, tick), time: e.time };
    case 'bar':
      if (c.submittedAt <= e.time) return { outcome: onBar(c, e, config, tick), time: e.time };
      if (c.eligibleAt >= e.endTime) return null;
      return { outcome: { ...atPrice(c, e.close, config, tick, { low: e.low, high: e.high }), position: 3 }, time: Math.max(e.time, c.eligibleAt) };
  }
}

function sortKey(h: Hit, e: MarketEvent, config: FillModelConfig): number[] {
  if (e.kind !== 'bar') return [h.c.seq];
  const stop = isStop(h.c) ? 0 : 1;
  if (config.sameBarExits === 'path') return [h.position, stop, h.c.seq];
  return h.position === 0 ? [0, 0, 0, h.c.seq] : [1, stop, h.position, h.c.seq];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** The volume one event can fill, per side taken (Infinity: no cap). */
function budgets(e: MarketEvent, config: FillModelConfig): { buy: number; sell: number; shared: boolean } {
  const share = config.participation;
  switch (e.kind) {
    case 'quote':
      return { buy: e.askSize ?? Number.POSITIVE_INFINITY, sell: e.bidSize ?? Number.POSITIVE_INFINITY, shared: false };
    case 'trade': {
      const cap = share === null ? Number.POSITIVE_INFINITY : e.size * share;
      return { buy: cap, sell: cap, shared: true };
    }
    case 'bar': {
      const cap = share === null || !(e.volume > 0) ? Number.POSITIVE_INFINITY : e.volume * share;
      return { buy: cap, sell: cap, shared: true };
    }
  }
}

/** The fills of `candidates` (one instrument's working orders) on event `e`. */
export function planFills(candidates: readonly FillCandidate[], e: MarketEvent, instrument: Pick<TradedInstrument, 'tickSize' | 'lotSize'>, config: FillModelConfig): FillPlan {
  const triggered: string[] = [];
  const met: string[] = [];
  const hits: Hit[] = [];
  for (const c of candidates) {
    const m = meet(c, e, config, instrument.tickSize);
    if (m === null) continue;
    met.push(c.id);
    if (m.outcome.triggered && !c.triggered) triggered.push(c.id);
    if (m.outcome.price !== null) hits.push({ c, price: m.outcome.price, position: m.outcome.position, time: m.time });
  }
  hits.sort((a, b) => compareKeys(sortKey(a, e, config), sortKey(b, e, config)));
  const budget = budgets(e, config);
  const taken = new Map<string, number>();
  const fills: PlannedFill[] = [];
  for (const h of hits) {
    const group = h.c.ocoGroup;
    const avail = group === null ? h.c.remaining : subDecimal(h.c.remaining, taken.get(group) ?? 0);
    const side: Side = h.c.side;
    const cap = budget.shared ? budget.buy : budget[side];
    const qty = Number.isFinite(cap) ? Math.min(avail, roundToStep(cap, instrument.lotSize, 'down')) : avail;
    if (!(qty > 0)) continue;
    fills.push({ id: h.c.id, qty, price: h.price, time: h.time });
    if (group !== null) taken.set(group, addDecimal(taken.get(group) ?? 0, qty));
    if (budget.shared) {
      budget.buy -= qty;
      budget.sell = budget.buy;
    } else budget[side] -= qty;
  }
  const quoteLeft =
    e.kind === 'quote' ? { bid: e.bidSize === undefined || e.bidSize === null ? null : Math.max(0, budget.sell), ask: e.askSize === undefined || e.askSize === null ? null : Math.max(0, budget.buy) } : null;
  return { fills, triggered, met, quoteLeft };
}
