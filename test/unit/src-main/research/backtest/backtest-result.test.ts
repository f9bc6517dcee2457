import { describe, expect, it } from 'vitest';
import { BACKTEST_STAT_NAMES, backtestResultSchema } from '../../../../../shared/contract/backtest-contract';
import { allocColumns, type BarColumns } from '../../../../../shared/domain/bar-columns';
import { MINUTE_MS } from '../../../../../shared/domain/interval';
import { Rng } from '../../../../../shared/random/seeded-random';
import type { Strategy, StrategyBar, StrategyContext, StrategyIntent } from '../../../../../shared/strategy/strategy';
import { runBacktest, serializeBacktest, toBacktestResult, type BacktestOutput } from '../../../../../src-main/research/backtest';
import { closesOf, CRYPTO_1D, flat, long, run, T0 } from './backtest-fixtures';

/** A seeded random walk of 1m bars. */
function walk(n: number, seed: number): BarColumns {
  const rng = new Rng(seed);
  const c = allocColumns(n);
  let p = 100;
  for (let i = 0; i < n; i++) {
    const o = p;
    p = Math.max(1, p + (rng.uniform() - 0.5) * 2);
    c.time[i] = T0 + i * MINUTE_MS;
    c.open[i] = o;
    c.close[i] = p;
    c.high[i] = Math.max(o, p) + rng.uniform() * 0.5;
    c.low[i] = Math.min(o, p) - rng.uniform() * 0.5;
    c.volume[i] = 1;
    c.final[i] = 1;
  }
  return c;
}

/** Momentum over 5 closes, long/short, stops and targets 2% away, a limit entry now and then. */
class Momentum implements Strategy {
  private readonly closes: number[] = [];
  onBar(bar: StrategyBar, ctx: StrategyContext): StrategyIntent | null {
    this.closes.push(bar.close);
    const back = this.closes[this.closes.length - 6];
    if (back === undefined) return null;
    const up = bar.close > back;
    if (up && ctx.position <= 0) return { target: 'long', setup: 'momentum-up', reason: 'up', stopLoss: bar.close * 0.98, takeProfit: bar.close * 1.02 };
    if (!up && ctx.position >= 0) return { target: 'short', setup: 'momentum-down', reason: 'down', entry: { type: 'limit', price: bar.close * 1.001 } };
    return null;
  }
}

function momentumRun(): BacktestOutput {
  const outcome = runBacktest(new Momentum(), walk(3000, 7), { market: 'crypto', intervalMs: MINUTE_MS, allowShort: true, commissionRate: 0.001, slippageBps: 2 });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.output;
}

describe('serializeBacktest', () => {
  it('two runs of the same data and config give identical bytes', () => {
    const a = momentumRun();
    const b = momentumRun();
    expect(a.trades.length).toBeGreaterThan(20);
    expect(serializeBacktest(a)).toBe(serializeBacktest(b));
  });

  it('writes the contract shape, in the contract key order, which the contract schema reads back', () => {
    const out = momentumRun();
    const json = serializeBacktest(out);
    const parsed: unknown = JSON.parse(json);
    expect(backtestResultSchema.parse(parsed)).toEqual(toBacktestResult(out));
    expect(Object.keys(parsed as object)).toEqual(['stats', 'trades', 'setups', 'unfilledSignals', 'equity']);
    expect(Object.keys((parsed as { stats: object }).stats)).toEqual(BACKTEST_STAT_NAMES);
    expect((parsed as { setups: { setup: string }[] }).setups.map((s) => s.setup)).toEqual(['momentum-down', 'momentum-up']);
    expect(Object.keys((parsed as { setups: object[] }).setups[0] ?? {})).toEqual(['setup', 'trades', 'winRatePct', 'avgReturnPct', 'profitFactor', 'totalPnl']);
    expect(Object.keys((parsed as { trades: object[] }).trades[0] ?? {})).toEqual([
      'side',
      'size',
      'entryTime',
      'entryPrice',
      'exitTime',
      'exitPrice',
      'pnl',
      'returnPct',
      'barsHeld',
      'commission',
      'setup',
      'entryReason',
      'exitReason',
    ]);
    expect(json).not.toMatch(/NaN|Infinity/);
  });

  it('prints keys in the contract order whatever order they were built in, numbers as JavaScript prints them, null for non-finite', () => {
    const stats = Object.fromEntries([...BACKTEST_STAT_NAMES].reverse().map((k, i) => [k, i % 3 === 0 ? null : i / 4])) as unknown as BacktestOutput['stats'];
    const trade = { exitReason: 'out', entryReason: 'in', setup: 's', commission: 0.1, barsHeld: 1, returnPct: 20, pnl: 200, exitPrice: 12, exitTime: 2, entryPrice: 10, entryTime: 1, size: 100, side: 'long' };
    const output = {
      stats: { ...stats, sharpe: Number.NaN },
      trades: [trade as unknown as BacktestOutput['trades'][number]],
      setups: [{ totalPnl: 200, profitFactor: null, avgReturnPct: 20, winRatePct: 100, trades: 1, setup: 's' }],
      unfilledSignals: [{ favourablePct: null, avgUnderlyingReturnPct: Number.NaN, count: 2, side: 'short' as const, setup: 'x' }],
      shadowSignals: [],
      equity: { time: Float64Array.from([1, 2]), equity: Float64Array.from([1000, 1200.5]), drawdownPct: Float64Array.from([0, Number.POSITIVE_INFINITY]) },
      openPosition: null,
      unaffordableEntries: 0,
    };
    const json = serializeBacktest(output);
    const expectedStats = BACKTEST_STAT_NAMES.map((k) => {
      const v = k === 'sharpe' ? null : stats[k];
      return `"${k}":${v === null ? 'null' : String(v)}`;
    }).join(',');
    expect(json).toBe(
      `{"stats":{${expectedStats}},` +
        '"trades":[{"side":"long","size":100,"entryTime":1,"entryPrice":10,"exitTime":2,"exitPrice":12,"pnl":200,"returnPct":20,"barsHeld":1,"commission":0.1,"setup":"s","entryReason":"in","exitReason":"out"}],' +
        '"setups":[{"setup":"s","trades":1,"winRatePct":100,"avgReturnPct":20,"profitFactor":null,"totalPnl":200}],' +
        '"unfilledSignals":[{"setup":"x","side":"short","count":2,"avgUnderlyingReturnPct":null,"favourablePct":null}],' +
        '"equity":{"time":[1,2],"equity":[1000,1200.5],"drawdownPct":[0,null]}}',
    );
  });

  it('a small run, byte for byte', () => {
    const out = run(closesOf([10, 10]), { 0: long('in', { entry: { type: 'close' } }), 1: flat('out', { entry: { type: 'close' } }) }, { ...CRYPTO_1D, cash: 1000 });
    expect(serializeBacktest(out)).toBe(
      '{"stats":{"start":1704067200000,"end":1704153600000,"bars":2,"exposurePct":100,"equityFinal":1000,"equityPeak":1000,"returnPct":0,' +
        '"buyHoldReturnPct":0,"returnAnnPct":0,"volatilityAnnPct":0,"cagrPct":0,"sharpe":null,"sortino":null,"calmar":null,' +
        '"maxDrawdownPct":0,"avgDrawdownPct":0,"maxDrawdownDurationBars":0,"trades":1,"winRatePct":0,"bestTradePct":0,"worstTradePct":0,' +
        '"avgTradePct":0,"profitFactor":null,"expectancyPct":0,"sqn":null,"commissionsPaid":0,"longestLosingStreak":0,"riskOfRuinPct":null},' +
        '"trades":[{"side":"long","size":100,"entryTime":1704067200000,"entryPrice":10,"exitTime":1704153600000,"exitPrice":10,"pnl":0,"returnPct":0,"barsHeld":1,"commission":0,"setup":"test-long","entryReason":"in","exitReason":"out"}],' +
        '"setups":[{"setup":"test-long","trades":1,"winRatePct":0,"avgReturnPct":0,"profitFactor":null,"totalPnl":0}],"unfilledSignals":[],' +
        '"equity":{"time":[1704067200000,1704153600000],"equity":[1000,1000],"drawdownPct":[0,0]}}',
    );
  });
});
