import type { BarColumns } from '../../../shared/domain/bar-columns';
import type { Strategy, StrategyBar, StrategyContext, StrategyIntent } from '../../../shared/strategy/strategy';
import { parseBacktestConfig, type BacktestConfig, type BacktestConfigInput } from './backtest-config';
import type { BacktestError } from './backtest-error';
import type { BacktestOutcome } from './backtest-result';
import { CostModel } from './cost-model';
import { fillDrawdowns } from './drawdowns';
import { intentProblem } from './intent-check';
import { EXIT_STOP_LOSS, fillAtOpen, fillInsideBar, LIMIT, MARKET, protectiveExit, STOP, type ExitCheck } from './order-triggers';
import { PendingOrder } from './pending-order';
import { EXIT_END_OF_RUN, EXIT_STOP_LOSS_REASON, EXIT_TAKE_PROFIT_REASON, Portfolio, type EntryTerms } from './portfolio';
import { setupStatistics, unfilledSignalStatistics } from './setup-statistics';
import { ShadowBook } from './shadow-book';
import { computeStats } from './statistics';
import { barIsValid, barProblem, seriesProblem } from './validate-bars';

export interface RunOptions {
  /** Called every `progressEvery` bars and once at the end with (bars done, bars in the run). */
  readonly onProgress?: (barsDone: number, totalBars: number) => void;
  /** Default 100,000. */
  readonly progressEvery?: number;
  /**
   * Every valid intent, as the engine takes it: at the close of the bar at
   * `time` (`close`); `observed` when it is a signal without position.
   */
  readonly onIntent?: (intent: StrategyIntent, time: number, close: number, observed: boolean) => void;
  /** Run the risk-of-ruin bootstrap (default true; the optimiser's many evaluations leave it out: riskOfRuinPct null). */
  readonly riskOfRuin?: boolean;
}

/**
 * The bar a strategy is shown. ONE object is reused for every bar of a run
 * (as is the context), so the loop allocates nothing per bar: a strategy
 * reads the fields it needs during `onBar` and never keeps the object itself.
 */
class BarView implements StrategyBar {
  time = 0;
  open = 0;
  high = 0;
  low = 0;
  close = 0;
  volume = 0;
}

class ContextView implements StrategyContext {
  position = 0;
  constructor(readonly allowShort: boolean) {}
}

/**
 * Runs `strategy` over `bars` (closed bars, oldest first) and returns the
 * statistics, the trades and the equity curve, or a structured error (bad
 * config, bad bars, a strategy that threw or answered nonsense: never a
 * throw). Deterministic: no clock, no randomness, no I/O; the same bars,
 * config and strategy give the same result, byte for byte once serialised.
 *
 * Each bar i, in time order:
 * 0. The bar is checked (validate-bars.ts); a bad bar ends the run with a
 *    data error before it is filled against or shown to the strategy (so a
 *    strategy error on an earlier bar is reported first).
 * 1. Open. A resting market order fills at the open; a resting limit/stop
 *    fills at the open when the open is at or through its price (a gap).
 * 2. Protective exits of the position now held, against the bar's range:
 *    gap at the open first, then stop-loss before take-profit when both are
 *    inside the range (order-triggers.ts). A position filled at this bar's
 *    open is included: it was open while the range was traded (backtesting.py
 *    does the same).
 * 3. A resting limit/stop not filled at the open fills inside the range at
 *    its price. The position it opens gets its stop-loss/take-profit checked
 *    from the next bar: the path after an intrabar fill is unknown.
 * 4. Close. The strategy sees the closed bar and the position; its intent
 *    replaces any resting order. A market intent rests for the next bar's
 *    open, a limit/stop rests from the next bar until filled or replaced, a
 *    `close` intent (market-on-close) fills at this bar's close. An intent for
 *    the side already held does not trade; it cancels the resting order and
 *    its stopLoss/takeProfit, when given, replace the open position's. Exits
 *    given in percent are of the actual fill price (of the entry price for a
 *    position already held).
 *    Signals without position: an entry with `observe`, or a short entry in
 *    a run that does not allow shorts, is recorded and followed as a
 *    hypothetical one-unit position without costs (shadow-book.ts) and
 *    grouped by setup in the result; an `observe` intent leaves the real
 *    position and any resting order alone, while a short in a long-only run
 *    still means flat for the real position.
 * 5. On the last bar with `closeAtEnd`, an open position is closed at the
 *    close ('end of run'); a resting order is dropped. An open signal without
 *    position is closed at the close whatever `closeAtEnd` says.
 * 6. Equity is marked at the close: cash + signed units * close.
 * Every fill pays slippage and commission (cost-model.ts); sizing is all-in
 * (or `sizeFraction` of equity) in whole units, or 1e-8 steps when
 * `fractional` (position-sizing.ts).
 */
export function runBacktest(strategy: Strategy, bars: BarColumns, config: BacktestConfigInput, options: RunOptions = {}): BacktestOutcome {
  const parsed = parseBacktestConfig(config);
  if (!parsed.ok) return parsed;
  const shapeError = seriesProblem(bars);
  if (shapeError !== null) return { ok: false, error: shapeError };
  return simulate(strategy, bars, parsed.config, options);
}

function simulate(strategy: Strategy, c: BarColumns, config: BacktestConfig, options: RunOptions): BacktestOutcome {
  const n = c.length;
  const { time, open, high, low, close, volume } = c;
  const costs = new CostModel(config.commissionRate, config.commissionFixed, config.slippageBps, config.spread);
  const book = new Portfolio(config.cash, costs, config.fractional);
  const pending = new PendingOrder();
  const shadows = new ShadowBook();
  const onIntent = options.onIntent;
  const exit: ExitCheck = { kind: 0, price: Number.NaN };
  const bar = new BarView();
  const ctx = new ContextView(config.allowShort);
  const equity = new Float64Array(n);
  const onProgress = options.onProgress;
  const every = Math.max(1, Math.floor(options.progressEvery ?? 100_000));
  let exposed = 0;
  let prevTime = Number.NEGATIVE_INFINITY;

  for (let i = 0; i < n; i++) {
    const t = time[i] ?? Number.NaN;
    const o = open[i] ?? Number.NaN;
    const h = high[i] ?? Number.NaN;
    const l = low[i] ?? Number.NaN;
    const cl = close[i] ?? Number.NaN;
    const v = volume[i] ?? Number.NaN;
    // 0. The bar itself (validate-bars.ts): a bad one ends the run before anything uses it.
    if (!barIsValid(prevTime, t, o, h, l, cl, v)) return { ok: false, error: barProblem(i, prevTime, t, o, h, l, cl, v) };
    prevTime = t;
    let held = book.units !== 0;

    // 1. The open.
    shadows.atOpen(i, t, o);
    if (pending.active) {
      const side = pending.sideFor(book.units);
      if (side === 0) pending.clear();
      else {
        const price = fillAtOpen(pending.kind, side, pending.level, o);
        if (!Number.isNaN(price)) {
          fillPending(book, pending, price, i, t);
          held ||= book.units !== 0;
        }
      }
    }
    // 2. Protective exits.
    shadows.protectiveExits(i, t, o, h, l);
    if (book.units !== 0 && protectiveExit(book.units, book.stopLoss, book.takeProfit, o, h, l, exit)) {
      book.close(exit.price, i, t, exit.kind === EXIT_STOP_LOSS ? EXIT_STOP_LOSS_REASON : EXIT_TAKE_PROFIT_REASON);
    }
    // 3. Resting limit/stop inside the range.
    shadows.insideBar(i, t, h, l);
    if (pending.active) {
      const side = pending.sideFor(book.units);
      if (side === 0) pending.clear();
      else {
        const price = fillInsideBar(pending.kind, side, pending.level, h, l);
        if (!Number.isNaN(price)) fillPending(book, pending, price, i, t);
      }
    }
    // 4. The close: the strategy.
    bar.time = t;
    bar.open = o;
    bar.high = h;
    bar.low = l;
    bar.close = cl;
    bar.volume = v;
    ctx.position = book.units;
    let intent: StrategyIntent | null;
    try {
      intent = strategy.onBar(bar, ctx);
    } catch (err) {
      return { ok: false, error: strategyError(i, t, `threw: ${err instanceof Error ? err.message : String(err)}`) };
    }
    if (intent !== null && intent !== undefined) {
      const problem = intentProblem(intent);
      if (problem !== null) return { ok: false, error: strategyError(i, t, problem) };
      const watchOnly = intent.target !== 'flat' && intent.observe === true;
      const observed = watchOnly || (intent.target === 'short' && !config.allowShort);
      onIntent?.(intent, t, cl, observed);
      shadows.onIntent(intent, observed, i, t, cl);
      if (!watchOnly) applyIntent(intent, book, pending, config.allowShort, cl, i, t);
    }
    // 5. End of run.
    if (i === n - 1) {
      pending.clear();
      shadows.end(t, cl);
      if (config.closeAtEnd && book.units !== 0) {
        held = true;
        book.close(cl, i, t, EXIT_END_OF_RUN);
      }
    }
    // 6. Mark to market.
    if (held || book.units !== 0) exposed++;
    equity[i] = book.cash + book.units * cl;
    if (onProgress !== undefined && (i + 1) % every === 0 && i + 1 < n) onProgress(i + 1, n);
  }
  onProgress?.(n, n);

  const drawdownPct = new Float64Array(n);
  const drawdowns = fillDrawdowns(equity, config.cash, drawdownPct);
  // The result shares the input's time column (bars are read-only data).
  const times = time.subarray(0, n);
  const stats = computeStats({
    times,
    equity,
    drawdowns,
    trades: book.trades,
    exposedBars: exposed,
    startCash: config.cash,
    firstClose: close[0] ?? Number.NaN,
    lastClose: close[n - 1] ?? Number.NaN,
    commissionsPaid: book.commissions,
    market: config.market,
    intervalMs: config.intervalMs,
    riskOfRuin: options.riskOfRuin ?? true,
  });
  const trades = book.trades;
  return {
    ok: true,
    output: {
      stats,
      trades,
      setups: setupStatistics(trades),
      unfilledSignals: unfilledSignalStatistics(shadows.signals),
      shadowSignals: shadows.signals,
      equity: { time: times, equity, drawdownPct },
      openPosition: book.openPosition(),
      unaffordableEntries: book.unaffordableEntries,
    },
  };
}

function fillPending(book: Portfolio, p: PendingOrder, price: number, i: number, t: number): void {
  book.fillTo(p.target, price, i, t, p);
  p.clear();
}

function termsOf(intent: StrategyIntent): EntryTerms {
  return {
    reason: intent.reason,
    setup: intent.setup ?? '',
    sizeFraction: intent.sizeFraction ?? 1,
    stopLoss: intent.stopLoss ?? Number.NaN,
    takeProfit: intent.takeProfit ?? Number.NaN,
    stopLossPct: intent.stopLossPct ?? Number.NaN,
    takeProfitPct: intent.takeProfitPct ?? Number.NaN,
  };
}

function applyIntent(intent: StrategyIntent, book: Portfolio, pending: PendingOrder, allowShort: boolean, close: number, i: number, t: number): void {
  const target = intent.target === 'long' ? 1 : intent.target === 'short' && allowShort ? -1 : 0;
  const terms = termsOf(intent);
  pending.clear();
  if (target === Math.sign(book.units)) {
    if (target !== 0) book.setExits(terms, intent.stopLoss !== undefined || intent.stopLossPct !== undefined, intent.takeProfit !== undefined || intent.takeProfitPct !== undefined);
    return;
  }
  const entry = intent.entry ?? { type: 'market' };
  switch (entry.type) {
    case 'close':
      book.fillTo(target, close, i, t, terms);
      return;
    case 'market':
      pending.set(target, MARKET, Number.NaN, terms);
      return;
    case 'limit':
      pending.set(target, LIMIT, entry.price, terms);
      return;
    case 'stop':
      pending.set(target, STOP, entry.price, terms);
      return;
  }
}

function strategyError(index: number, time: number, what: string): BacktestError {
  return {
    kind: 'strategy',
    field: 'strategy',
    message: `strategy: on bar ${String(index)} (${new Date(time).toISOString()}): ${what}`,
    barIndex: index,
    time,
  };
}
