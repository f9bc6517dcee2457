import type { MarketKind } from '../../market/market-kind';
import { sessionAt } from '../../market/sessions';
import { MarkerBlocks } from '../marker-blocks';
import { MarkerClock } from '../marker-clock';
import { findSchedule, type MarkerSchedule } from '../marker-schedule';
import { allRules, boolParam, choiceParam, notBoth, numberParam, readBoolean, readChoice, readNumber, readString, resolveOrThrow, resolveParamSet, stringParam, type ParamRule } from '../params';
import type { ChartLevel, EntryIntent, ParamSpec, Strategy, StrategyBar, StrategyContext, StrategyDefinition, StrategyIntent, StrategyMarkers, StrategyParams, StrategySetup } from '../strategy';
import { BreakRetest, Mirrored, SweepReverse, type BlockSetup, type SetupSignal } from './block-setups';
import { HigherTimeframeBias } from './time-window-bias';
import { AUTO_SCHEDULE, BIAS_TIMEFRAMES, resolveSchedule } from './time-window-schedule';

/**
 * The time-window model as the trader states it. Blocks lie between the
 * marker times of a named schedule (marker-schedule.ts; `auto`: 'ny-10m' on
 * 5m bars or shorter, 'every-2-sessions' up to 4h, 'every-15-sessions' on
 * daily bars). The levels are the previous block's high H and low L; in each
 * block, at most once each (block-setups.ts for the bar rules):
 * - 'sweep-low' (long) / 'sweep-high' (short): a bar trades beyond a line and
 *   closes back inside; stop `extreme`: the rejection bar's low (high); target
 *   `line`: the opposite line;
 * - 'retest-high' (long) / 'retest-low' (short): a close beyond a line, then
 *   a touch back within `touchTolerancePct` of it that closes on the breakout
 *   side; stop `extreme`: the lower of the touch bar's low and H − tol (the
 *   higher of its high and L + tol); target `line`: one previous-block range
 *   beyond the broken line. No touch, no trade.
 * Other exits: stop `none` or `pct` (stopPct of the fill); target `r`
 * (targetR previous-block ranges from the setup's line, in the trade's
 * direction), `pct` (targetPct of the fill) or `none`. A price stop or target
 * on the wrong side of the signal bar's close, or not positive, means no trade.
 * Entry at the next bar's open, or at the signal bar's own close with
 * `enterOnRejection` (the sweep's rejection bar, the retest's touch bar).
 * When setups fire on one bar the first of sweep-low, sweep-high,
 * retest-high, retest-low wins. An entry the way already held is skipped.
 * `longOnly` / `shortOnly`: the other direction is reported as a signal
 * without position (as a short is when the run allows none).
 * `bias` ('4h', '1d'): a sweep on the 'every-2-sessions' or 'every-15-sessions'
 * blocks (time-window-bias.ts) sets the direction the model may take; none
 * until one happened. Times-of-day schedules are intraday: no entry on the
 * session's last bar, and flat at its close (a position or a signal without
 * one). Bars outside every block and bars not later than the last one are
 * ignored.
 */

/** How many past blocks' levels `levels()` keeps, and how many past markers `markers()` returns. */
export const TIME_WINDOW_LEVEL_BLOCKS = 500;
export const TIME_WINDOW_PAST_MARKERS = 2000;
/** Upcoming markers `markers()` reports. */
export const TIME_WINDOW_NEXT_MARKERS = 5;

const STOPS = ['none', 'extreme', 'pct'] as const;
const TARGETS = ['line', 'r', 'pct', 'none'] as const;
const BIASES = ['none', '4h', '1d'] as const;

const PARAMS: readonly ParamSpec[] = [
  stringParam('schedule', "Marker schedule: auto (from the bar interval), ny-10m, every-2-sessions, every-15-sessions, or one of the user's", AUTO_SCHEDULE),
  boolParam('sweepReverse', 'Trade a bar that trades beyond a previous-block line and closes back inside', true),
  boolParam('breakRetest', 'Trade a close beyond a previous-block line that touches it again and holds', true),
  boolParam('enterOnRejection', "Enter at the signal bar's close instead of the next bar's open", false),
  numberParam('touchTolerancePct', 'How near (percent of the line) a pullback must come to a broken line to count as a touch', 0.05, 0, 5, 0.01),
  choiceParam('stop', "Stop: none, extreme (the signal bar's extreme beyond the line), or stopPct of the entry price", 'extreme', STOPS),
  numberParam('stopPct', 'With stop=pct: the stop this many percent of the entry price away', 0.5, 0.01, 20, 0.01),
  choiceParam('target', 'Target: line (sweep: the opposite line; retest: one block range beyond), r (targetR ranges from the line), pct (targetPct), none', 'line', TARGETS),
  numberParam('targetR', 'With target=r: previous-block ranges from the line', 1, 0.25, 10, 0.25),
  numberParam('targetPct', 'With target=pct: this many percent of the entry price away', 1, 0.01, 20, 0.01),
  choiceParam('bias', 'Take only the direction of the latest sweep on the 4h (every 2 sessions) or daily (every 15 sessions) blocks', 'none', BIASES),
  boolParam('longOnly', 'Trade longs only; shorts are reported as signals without position', false),
  boolParam('shortOnly', 'Trade shorts only; longs are reported as signals without position', false),
];

const rule: ParamRule = allRules(notBoth('longOnly', 'shortOnly'), (p) =>
  !readBoolean(p, 'sweepReverse') && !readBoolean(p, 'breakRetest') ? { field: 'breakRetest', message: 'at least one of sweepReverse and breakRetest must be on' } : null,
);

interface TimeWindowParams {
  readonly sweepReverse: boolean;
  readonly breakRetest: boolean;
  readonly enterOnRejection: boolean;
  readonly touchTolerancePct: number;
  readonly stop: (typeof STOPS)[number];
  readonly stopPct: number;
  readonly target: (typeof TARGETS)[number];
  readonly targetR: number;
  readonly targetPct: number;
  readonly longOnly: boolean;
  readonly shortOnly: boolean;
}

interface NamedSetup {
  readonly setup: BlockSetup;
  readonly id: 'sweep-low' | 'sweep-high' | 'retest-high' | 'retest-low';
  readonly side: 'long' | 'short';
  readonly reason: string;
  /** The line the setup trades at. */
  readonly line: number;
}

interface BlockLevels {
  readonly start: number;
  readonly end: number;
  readonly high: number;
  readonly low: number;
}

class TimeWindowSweepRetest implements Strategy {
  private readonly blocks: MarkerBlocks;
  private readonly intraday: boolean;
  private setups: readonly NamedSetup[] = [];
  private range: { readonly high: number; readonly low: number } | null = null;
  private readonly history: BlockLevels[] = [];
  private firstStart: number | null = null;
  private lastTime = Number.NEGATIVE_INFINITY;
  /** A signal without position was reported and not yet closed by a session-end flat. */
  private watching = false;

  constructor(
    private readonly clock: MarkerClock,
    private readonly market: MarketKind,
    private readonly intervalMs: number,
    private readonly p: TimeWindowParams,
    private readonly bias: HigherTimeframeBias | null,
  ) {
    this.blocks = new MarkerBlocks(clock, market, intervalMs);
    this.intraday = clock.schedule.kind === 'times';
  }

  onBar(bar: StrategyBar, ctx: StrategyContext): StrategyIntent | null {
    if (!(bar.time > this.lastTime)) return null;
    this.lastTime = bar.time;
    this.bias?.update(bar);
    const state = this.blocks.update(bar);
    if (state === 'outside') return null;
    if (state === 'new') this.startBlock();
    let fired: { readonly named: NamedSetup; readonly signal: SetupSignal } | null = null;
    for (const named of this.setups) {
      const signal = named.setup.update(bar);
      if (signal !== null) fired ??= { named, signal };
    }
    if (this.intraday) {
      const session = sessionAt(this.market, bar.time);
      if (session !== null && bar.time + this.intervalMs >= session.close) {
        const flat = ctx.position !== 0 || this.watching;
        this.watching = false;
        return flat ? { target: 'flat', entry: { type: 'close' }, reason: 'session end' } : null;
      }
    }
    return fired === null ? null : this.intent(fired.named, fired.signal, bar, ctx);
  }

  private startBlock(): void {
    const current = this.blocks.current;
    const prev = this.blocks.previous;
    if (current === null) return;
    this.firstStart ??= current.start;
    if (prev === null) {
      this.setups = [];
      this.range = null;
      return;
    }
    const { high, low } = prev;
    this.range = { high, low };
    this.history.push({ start: current.start, end: current.end, high, low });
    if (this.history.length > TIME_WINDOW_LEVEL_BLOCKS) this.history.shift();
    const tolHigh = (Math.abs(high) * this.p.touchTolerancePct) / 100;
    const tolLow = (Math.abs(low) * this.p.touchTolerancePct) / 100;
    const setups: NamedSetup[] = [];
    if (this.p.sweepReverse) {
      setups.push({ setup: new SweepReverse(low, high), id: 'sweep-low', side: 'long', reason: 'sweep of prev low, reversal', line: low });
      setups.push({ setup: new Mirrored(new SweepReverse(-high, -low)), id: 'sweep-high', side: 'short', reason: 'sweep of prev high, reversal', line: high });
    }
    if (this.p.breakRetest) {
      setups.push({ setup: new BreakRetest(high, tolHigh), id: 'retest-high', side: 'long', reason: 'break of prev high, retest held', line: high });
      setups.push({ setup: new Mirrored(new BreakRetest(-low, tolLow)), id: 'retest-low', side: 'short', reason: 'break of prev low, retest held', line: low });
    }
    this.setups = setups;
  }

  private intent(named: NamedSetup, signal: SetupSignal, bar: StrategyBar, ctx: StrategyContext): EntryIntent | null {
    const range = this.range;
    if (range === null) return null;
    const long = named.side === 'long';
    const bias = this.bias?.bias;
    if (bias !== undefined && bias !== (long ? 'up' : 'down')) return null;
    if (long ? ctx.position > 0 : ctx.position < 0) return null;
    const sign = long ? 1 : -1;
    const size = range.high - range.low;
    const sweep = named.id === 'sweep-low' || named.id === 'sweep-high';
    const tol = (Math.abs(named.line) * this.p.touchTolerancePct) / 100;
    const stop = this.p.stop !== 'extreme' ? null : sweep ? signal.extreme : long ? Math.min(signal.extreme, named.line - tol) : Math.max(signal.extreme, named.line + tol);
    const target = this.targetPrice(named.line, sign, size);
    const ref = bar.close;
    if (stop !== null && !(stop > 0 && sign * (ref - stop) > 0)) return null;
    if (target !== null && !(target > 0 && sign * (target - ref) > 0)) return null;
    const watchOnly = long ? this.p.shortOnly : this.p.longOnly;
    if (watchOnly || (!long && !ctx.allowShort)) this.watching = true;
    return {
      target: named.side,
      setup: named.id,
      reason: named.reason,
      entry: this.p.enterOnRejection ? { type: 'close' } : { type: 'market' },
      ...(watchOnly ? { observe: true } : {}),
      ...(stop !== null ? { stopLoss: stop } : this.p.stop === 'pct' ? { stopLossPct: this.p.stopPct } : {}),
      ...(target !== null ? { takeProfit: target } : this.p.target === 'pct' ? { takeProfitPct: this.p.targetPct } : {}),
    };
  }

  /** `line`: one range from the setup's line (a sweep's opposite line, a retest's range beyond); `r`: targetR ranges. */
  private targetPrice(line: number, sign: number, size: number): number | null {
    switch (this.p.target) {
      case 'none':
      case 'pct':
        return null;
      case 'line':
        return line + sign * size;
      case 'r':
        return line + sign * this.p.targetR * size;
    }
  }

  /** The previous block's high and low drawn across each block they apply to, for the last TIME_WINDOW_LEVEL_BLOCKS blocks (the last pair: the current levels). */
  levels(): readonly ChartLevel[] {
    return this.history.flatMap((b) => {
      const to = Number.isFinite(b.end) ? b.end : Math.max(this.lastTime, b.start);
      return [
        { label: 'prev block high', price: b.high, from: b.start, to, kind: 'block-high' as const },
        { label: 'prev block low', price: b.low, from: b.start, to, kind: 'block-low' as const },
      ];
    });
  }

  /** Markers from the first block seen to the last bar (the most recent TIME_WINDOW_PAST_MARKERS), and the next few after the last bar. */
  markers(): StrategyMarkers {
    if (this.firstStart === null) return { past: [], next: [] };
    const past = this.clock.between(this.firstStart, this.lastTime + 1);
    return { past: past.slice(-TIME_WINDOW_PAST_MARKERS), next: this.clock.after(this.lastTime, TIME_WINDOW_NEXT_MARKERS) };
  }
}

function toParams(p: StrategyParams): TimeWindowParams {
  return {
    sweepReverse: readBoolean(p, 'sweepReverse'),
    breakRetest: readBoolean(p, 'breakRetest'),
    enterOnRejection: readBoolean(p, 'enterOnRejection'),
    touchTolerancePct: readNumber(p, 'touchTolerancePct'),
    stop: readChoice(p, 'stop', STOPS),
    stopPct: readNumber(p, 'stopPct'),
    target: readChoice(p, 'target', TARGETS),
    targetR: readNumber(p, 'targetR'),
    targetPct: readNumber(p, 'targetPct'),
    longOnly: readBoolean(p, 'longOnly'),
    shortOnly: readBoolean(p, 'shortOnly'),
  };
}

function biasTracker(name: (typeof BIASES)[number], setup: StrategySetup): HigherTimeframeBias | null {
  if (name === 'none') return null;
  const timeframe = BIAS_TIMEFRAMES[name];
  if (!(setup.intervalMs < timeframe.spanMs)) throw new Error(`bias: ${name} needs bars shorter than ${name} (got intervalMs ${String(setup.intervalMs)})`);
  const schedule: MarkerSchedule | undefined = findSchedule(timeframe.schedule);
  if (schedule === undefined) throw new Error(`time-window: no built-in schedule ${timeframe.schedule}`);
  return new HigherTimeframeBias(new MarkerClock(schedule, setup.market), setup.market, setup.intervalMs);
}

export const timeWindowStrategy: StrategyDefinition = {
  id: 'time-window',
  name: 'Time-window sweep / retest',
  description:
    "Blocks between marker times (a named schedule: every 10 minutes from 09:30 New York on 5m bars, every 2 or 15 sessions on 4h or daily bars); the previous block's high and low are the lines. Trades a sweep beyond a line that closes back inside, or a break that retests the line and holds; each at most once a block.",
  params: PARAMS,
  shortsByDefault: true,
  resolveParams: (input) => resolveParamSet(PARAMS, input, rule),
  create(params: StrategyParams, setup: StrategySetup): Strategy {
    const resolved = resolveOrThrow('time-window', PARAMS, params, rule);
    const schedule = resolveSchedule(readString(resolved, 'schedule'), setup);
    const bias = biasTracker(readChoice(resolved, 'bias', BIASES), setup);
    return new TimeWindowSweepRetest(new MarkerClock(schedule, setup.market), setup.market, setup.intervalMs, toParams(resolved), bias);
  },
};
