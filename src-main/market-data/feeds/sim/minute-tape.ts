import { bar, type Bar } from '../../../../shared/domain/bar';
import type { BarColumns } from '../../../../shared/domain/bar-columns';
import type { EpochMs } from '../../../../shared/domain/epoch';
import { MINUTE_MS } from '../../../../shared/domain/interval';
import type { Trade } from '../../../../shared/domain/trade';
import type { DayPath } from './day-path';
import { DecimalStep } from './decimal-step';
import { mix32, mixState, Rng, TWO_32 } from '../../../../shared/random/seeded-random';
import type { SimInstrument } from './sim-symbols';

/** Prints per minute are capped so trade ids (minute * 1000 + index) stay unique. */
export const MAX_PRINTS_PER_MINUTE = 999;

/**
 * The prints of one minute, generated into reusable typed arrays. The minute
 * has its own stream (day seed, minute index), so any minute is regenerated
 * alone. Both the trades and the bar are read from the same arrays, which is
 * what makes the bar exactly the aggregate of the trades.
 *
 * Model: k ~ round(Normal(lambda, lambda)) prints (at least one); the mid
 * takes k steps of standard deviation sigma / sqrt(k) (uniform steps: cheap,
 * and their sum over the minute is close to Gaussian), bridged to end at the
 * next minute's start; each print is a buy at the ask or a sell at the
 * bid with equal odds; sizes are exponential around the typical size, in
 * whole lots; print j lands at a random moment within the j-th k-th of the minute.
 */
export class MinuteTape {
  count = 0;
  minuteStart = 0;
  /** Running aggregate, updated as prints are drawn (same order as the trades). */
  private hiTicks = 0;
  private loTicks = 0;
  private volume = 0;
  readonly time = new Float64Array(MAX_PRINTS_PER_MINUTE);
  readonly priceTicks = new Float64Array(MAX_PRINTS_PER_MINUTE);
  readonly bidTicks = new Float64Array(MAX_PRINTS_PER_MINUTE);
  readonly size = new Float64Array(MAX_PRINTS_PER_MINUTE);
  /** Bid (in ticks) before the minute's first print. */
  openingBidTicks = 0;
  private readonly walk = new Float64Array(MAX_PRINTS_PER_MINUTE + 1);
  private readonly rng = new Rng(0);
  private readonly ticks: DecimalStep;
  private readonly lots: DecimalStep;
  private readonly typicalLots: number;
  private readonly spread: number;

  constructor(spec: SimInstrument) {
    this.ticks = new DecimalStep(spec.tickSize);
    this.lots = new DecimalStep(spec.lotSize);
    this.typicalLots = this.lots.inSteps(spec.typicalTradeSize);
    this.spread = spec.spreadTicks;
  }

  /**
   * Draws minute `m` of `day`. The stream's draws are made in a fixed order
   * (count, walk steps, then per print: side, size, moment) with the
   * generator's state held in locals: this is the simulator's hot loop, and
   * the output is bit-identical to drawing through `Rng` call by call.
   */
  generate(day: DayPath, m: number): void {
    const rng = this.rng;
    rng.reseed(mix32(day.minuteSeed, m));
    const lambda = day.lambda[m] ?? 1;
    const k = Math.min(MAX_PRINTS_PER_MINUTE, Math.max(1, Math.round(lambda + Math.sqrt(lambda) * rng.normal())));
    const start = day.mid[m] ?? 0;
    const end = day.mid[m + 1] ?? start;
    // Within a minute a log step is tiny, so the walk is taken in price units.
    const halfWidth = (Math.sqrt(3) * start * (day.sigma[m] ?? 0)) / Math.sqrt(k);
    const walk = this.walk;
    let state = rng.exportState();
    let w = 0;
    for (let j = 1; j <= k; j++) {
      state = (state + 0x9e3779b9) | 0;
      w += halfWidth * (2 * ((mixState(state) + 0.5) / TWO_32) - 1);
      walk[j] = w;
    }
    const miss = w - (end - start);
    const minuteStart = day.session.open + m * MINUTE_MS;
    this.minuteStart = minuteStart;
    this.openingBidTicks = this.bidFor(start);
    const spread = this.spread;
    const typicalLots = this.typicalLots;
    const perTick = this.ticks.inSteps(1);
    const halfSpread = spread / 2;
    const { bidTicks, priceTicks, size, time } = this;
    let hi = 0;
    let lo = Number.POSITIVE_INFINITY;
    let volumeLots = 0;
    for (let j = 1; j <= k; j++) {
      const mid = start + (walk[j] ?? 0) - (miss * j) / k;
      const bid = Math.max(1, Math.round(mid * perTick - halfSpread));
      state = (state + 0x9e3779b9) | 0;
      const price = (mixState(state) + 0.5) / TWO_32 < 0.5 ? bid + spread : bid;
      state = (state + 0x9e3779b9) | 0;
      const lots = Math.max(1, Math.round(-typicalLots * Math.log((mixState(state) + 0.5) / TWO_32)));
      state = (state + 0x9e3779b9) | 0;
      const i = j - 1;
      bidTicks[i] = bid;
      priceTicks[i] = price;
      size[i] = this.lots.value(lots);
      time[i] = minuteStart + Math.floor(((i + (mixState(state) + 0.5) / TWO_32) * MINUTE_MS) / k);
      if (price > hi) hi = price;
      if (price < lo) lo = price;
      volumeLots += size[i] ?? 0;
    }
    rng.importState(state);
    this.count = k;
    this.hiTicks = hi;
    this.loTicks = lo;
    this.volume = volumeLots;
  }

  /** The minute as a final 1m bar: first/max/min/last price, summed size, print count. */
  toBar(): Bar {
    const px = this.ticks;
    const first = this.priceTicks[0] ?? 0;
    const last = this.priceTicks[this.count - 1] ?? 0;
    return bar(this.minuteStart, px.value(first), px.value(this.hiTicks), px.value(this.loTicks), px.value(last), this.volume, this.count, true);
  }

  /** Writes the minute as a final 1m bar into row `k` of `c` (toBar without an object). */
  writeBar(c: BarColumns, k: number): void {
    const px = this.ticks;
    c.time[k] = this.minuteStart;
    c.open[k] = px.value(this.priceTicks[0] ?? 0);
    c.high[k] = px.value(this.hiTicks);
    c.low[k] = px.value(this.loTicks);
    c.close[k] = px.value(this.priceTicks[this.count - 1] ?? 0);
    c.volume[k] = this.volume;
    c.trades[k] = this.count;
    c.final[k] = 1;
  }

  /** The minute's prints; ids are firstId, firstId + 1, … */
  toTrades(firstId: number): Trade[] {
    const out = new Array<Trade>(this.count);
    for (let i = 0; i < this.count; i++) {
      out[i] = { id: firstId + i, time: (this.time[i] ?? 0) as EpochMs, price: this.ticks.value(this.priceTicks[i] ?? 0), size: this.size[i] ?? 0 };
    }
    return out;
  }

  /** Bid and ask (prices) in force at `t` inside the minute: after the last print at or before it. */
  quoteAt(t: number): { bid: number; ask: number } {
    let bid = this.openingBidTicks;
    for (let i = 0; i < this.count && (this.time[i] ?? 0) <= t; i++) bid = this.bidTicks[i] ?? bid;
    return { bid: this.ticks.value(bid), ask: this.ticks.value(bid + this.spread) };
  }

  private bidFor(mid: number): number {
    return Math.max(1, Math.round(this.ticks.inSteps(mid) - this.spread / 2));
  }
}
