import { MINUTE_MS, type Interval } from '../../domain/interval';
import { bucketOf } from '../../market/bucket';
import type { MarketKind } from '../../market/market-kind';
import { boolParam, intParam, numberParam, readBoolean, readNumber, resolveOrThrow, resolveParamSet, type ParamRule } from '../params';
import type { ChartLevel, ParamSpec, Strategy, StrategyBar, StrategyContext, StrategyDefinition, StrategyIntent, StrategyParams, StrategySetup } from '../strategy';
import { BreakRetest, Mirrored, SweepReverse, type BlockSetup, type SetupSignal } from './block-setups';

/**
 * Time-window sweep / retest. Time is cut into blocks of 5m, 4h or 1D with the
 * market's own alignment rule (`bucketOf`: crypto on UTC epoch multiples,
 * US-equity intraday blocks anchored at the 09:30 New York open and cut at the
 * close, a US-equity day is its session; FX days end 17:00 New York). Inside
 * each block the previous block's high and low are the levels, and four
 * setups run on the block's bars (rules in block-setups.ts):
 * - 'sweep of prev low, reversal' → long, stop at the sweep's lowest low, target the previous high;
 * - 'sweep of prev high, reversal' → short, stop at the sweep's highest high, target the previous low;
 * - 'break of prev high, retest held' → long, stop min(lowest low since the touch, high − tol), target high + (high − low);
 * - 'break of prev low, retest held' → short, stop max(highest high since the touch, low + tol), target low − (high − low).
 * tol = level × touchTolerancePct / 100. Entries are market (next bar's open).
 * A long while already long is skipped; a short without `allowShort` becomes
 * 'flat' when long and nothing when flat. When setups fire on the same bar
 * the first in the order above wins. Exits are the stop and the target; a
 * signal whose target or stop would be at or below zero is dropped.
 * The previous block is the last earlier block that had bars (a gap in the
 * data does not wipe the levels); bars outside every block (a US equity's
 * closed hours) and bars not later than the last one are ignored.
 */

const BLOCKS: Readonly<Record<number, { readonly interval: Interval; readonly label: string }>> = {
  5: { interval: '5m', label: '5m' },
  240: { interval: '4h', label: '4h' },
  1440: { interval: '1d', label: '1D' },
};

/** How many past blocks' levels `levels()` keeps (5m blocks would otherwise grow without bound). */
export const TIME_WINDOW_LEVEL_BLOCKS = 500;

const PARAMS: readonly ParamSpec[] = [
  intParam('blockMinutes', 'Block size in minutes: 5, 240 (4h) or 1440 (1D)', 240, 5, 1440, 5),
  numberParam('touchTolerancePct', 'How close (percent of the level) a pullback must come to a broken level to count as a retest', 0.05, 0, 5, 0.01),
  intParam('confirmBars', 'Bars that must each close further away (sweep: after the close back inside; retest: after the touch) before entering', 1, 1, 20),
  boolParam('sweepReverse', 'Trade sweeps of the previous block high/low that close back inside and reverse', true),
  boolParam('breakRetest', 'Trade closes beyond the previous block high/low that retest the level and continue', true),
];

const rule: ParamRule = (p) => {
  const block = readNumber(p, 'blockMinutes');
  if (BLOCKS[block] === undefined) return { field: 'blockMinutes', message: `blockMinutes must be 5, 240 or 1440 (got ${String(block)})` };
  if (!readBoolean(p, 'sweepReverse') && !readBoolean(p, 'breakRetest')) {
    return { field: 'breakRetest', message: 'at least one of sweepReverse and breakRetest must be on' };
  }
  return null;
};

interface TimeWindowParams {
  readonly blockMinutes: number;
  readonly touchTolerancePct: number;
  readonly confirmBars: number;
  readonly sweepReverse: boolean;
  readonly breakRetest: boolean;
}

interface Block {
  readonly start: number;
  readonly end: number;
  high: number;
  low: number;
}

interface NamedSetup {
  readonly setup: BlockSetup;
  readonly side: 'long' | 'short';
  readonly reason: string;
}

interface BlockLevels {
  readonly start: number;
  readonly end: number;
  readonly high: number;
  readonly low: number;
}

class TimeWindowSweepRetest implements Strategy {
  private readonly interval: Interval;
  private readonly label: string;
  private current: Block | null = null;
  private previous: Block | null = null;
  private setups: readonly NamedSetup[] = [];
  private readonly history: BlockLevels[] = [];
  private lastTime = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly market: MarketKind,
    private readonly p: TimeWindowParams,
  ) {
    const block = BLOCKS[p.blockMinutes];
    if (block === undefined) throw new Error(`time-window: no block of ${String(p.blockMinutes)} minutes`);
    this.interval = block.interval;
    this.label = block.label;
  }

  onBar(bar: StrategyBar, ctx: StrategyContext): StrategyIntent | null {
    if (!(bar.time > this.lastTime)) return null;
    this.lastTime = bar.time;
    const bucket = bucketOf(this.market, this.interval, bar.time);
    if (bucket === null) return null;
    if (this.current?.start !== bucket.start) this.startBlock(bucket.start, bucket.end, bar);
    const current = this.current;
    if (current === null) return null;
    current.high = Math.max(current.high, bar.high);
    current.low = Math.min(current.low, bar.low);

    let fired: { readonly named: NamedSetup; readonly signal: SetupSignal } | null = null;
    for (const named of this.setups) {
      const signal = named.setup.update(bar);
      if (signal !== null) fired ??= { named, signal };
    }
    return fired === null ? null : this.intent(fired.named, fired.signal, ctx);
  }

  private startBlock(start: number, end: number, bar: StrategyBar): void {
    if (this.current !== null) this.previous = this.current;
    this.current = { start, end, high: bar.high, low: bar.low };
    const prev = this.previous;
    if (prev === null) {
      this.setups = [];
      return;
    }
    this.history.push({ start, end, high: prev.high, low: prev.low });
    if (this.history.length > TIME_WINDOW_LEVEL_BLOCKS) this.history.shift();
    const { high, low } = prev;
    const size = high - low;
    const n = this.p.confirmBars;
    const tolHigh = (Math.abs(high) * this.p.touchTolerancePct) / 100;
    const tolLow = (Math.abs(low) * this.p.touchTolerancePct) / 100;
    const setups: NamedSetup[] = [];
    if (this.p.sweepReverse) {
      setups.push({ setup: new SweepReverse(low, high, n), side: 'long', reason: 'sweep of prev low, reversal' });
      setups.push({ setup: new Mirrored(new SweepReverse(-high, -low, n)), side: 'short', reason: 'sweep of prev high, reversal' });
    }
    if (this.p.breakRetest && size > 0) {
      setups.push({ setup: new BreakRetest(high, tolHigh, high + size, n), side: 'long', reason: 'break of prev high, retest held' });
      setups.push({ setup: new Mirrored(new BreakRetest(-low, tolLow, -(low - size), n)), side: 'short', reason: 'break of prev low, retest held' });
    }
    this.setups = setups;
  }

  private intent(named: NamedSetup, signal: SetupSignal, ctx: StrategyContext): StrategyIntent | null {
    if (!(signal.stop > 0 && signal.target > 0)) return null;
    const exits = { entry: { type: 'market' }, stopLoss: signal.stop, takeProfit: signal.target } as const;
    if (named.side === 'long') return ctx.position > 0 ? null : { target: 'long', reason: named.reason, ...exits };
    if (ctx.allowShort) return ctx.position < 0 ? null : { target: 'short', reason: named.reason, ...exits };
    return ctx.position > 0 ? { target: 'flat', reason: named.reason, entry: { type: 'market' } } : null;
  }

  /** The previous block's high and low drawn across each block they apply to, for the last TIME_WINDOW_LEVEL_BLOCKS blocks. */
  levels(): readonly ChartLevel[] {
    return this.history.flatMap((b) => [
      { label: `prev ${this.label} high`, price: b.high, from: b.start, to: b.end, kind: 'block-high' as const },
      { label: `prev ${this.label} low`, price: b.low, from: b.start, to: b.end, kind: 'block-low' as const },
    ]);
  }
}

function toParams(p: StrategyParams): TimeWindowParams {
  return {
    blockMinutes: readNumber(p, 'blockMinutes'),
    touchTolerancePct: readNumber(p, 'touchTolerancePct'),
    confirmBars: readNumber(p, 'confirmBars'),
    sweepReverse: readBoolean(p, 'sweepReverse'),
    breakRetest: readBoolean(p, 'breakRetest'),
  };
}

export const timeWindowStrategy: StrategyDefinition = {
  id: 'time-window',
  name: 'Time-window sweep / retest',
  description:
    "Marks the previous block's (5m, 4h or 1D) high and low; trades a sweep beyond one that closes back inside and reverses, or a close beyond one that retests the level and continues. Stop beyond the level, target the other side (sweep) or one block range beyond (retest).",
  params: PARAMS,
  resolveParams: (input) => resolveParamSet(PARAMS, input, rule),
  create(params: StrategyParams, setup: StrategySetup): Strategy {
    const p = toParams(resolveOrThrow('time-window', PARAMS, params, rule));
    const blockMs = p.blockMinutes * MINUTE_MS;
    if (!(setup.intervalMs > 0) || setup.intervalMs >= blockMs || blockMs % setup.intervalMs !== 0) {
      throw new Error(`time-window: the bar interval (${String(setup.intervalMs)} ms) must be shorter than the ${String(p.blockMinutes)}-minute block and divide it`);
    }
    return new TimeWindowSweepRetest(setup.market, p);
  },
};
