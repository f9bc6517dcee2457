import type { BacktestRun, BacktestRunSummary, BacktestStats, BacktestTrade, StrategyInfo } from '../../../../shared/contract';
import { backtestRequestSchema, backtestRunSchema } from '../../../../shared/contract';

const H = 3_600_000;
/** 2025-01-01T00:00:00Z. */
export const T0 = 1_735_689_600_000;

export const STATS: BacktestStats = {
  start: T0 as BacktestStats['start'],
  end: (T0 + 4 * H) as BacktestStats['end'],
  bars: 1234,
  exposurePct: 45.678,
  equityFinal: 11_234.567,
  equityPeak: 12_000,
  returnPct: 12.34567,
  buyHoldReturnPct: -3.2,
  returnAnnPct: 25.5,
  volatilityAnnPct: 18.25,
  cagrPct: 24.999,
  sharpe: 1.2345,
  sortino: null,
  calmar: 2.5,
  maxDrawdownPct: -8.765,
  avgDrawdownPct: -2.1,
  maxDrawdownDurationBars: 57,
  trades: 12,
  winRatePct: 58.333,
  bestTradePct: 6.5,
  worstTradePct: -4.25,
  avgTradePct: 0.004,
  profitFactor: 1.8,
  expectancyPct: 0.75,
  sqn: 1.1,
  commissionsPaid: 23.456,
  longestLosingStreak: 3,
  riskOfRuinPct: 1.25,
};

export const STRATEGIES: StrategyInfo[] = [
  {
    id: 'sma-cross',
    name: 'SMA crossover',
    description: 'Long when the fast SMA crosses above the slow one.',
    params: [
      { name: 'fast', description: 'Fast SMA period', type: 'int', default: 10, min: 1, max: 200, step: 1 },
      { name: 'slow', description: 'Slow SMA period', type: 'int', default: 30, min: 2, max: 500, step: 1 },
    ],
    shortsByDefault: false,
  },
  {
    id: 'ema-rsi',
    name: 'EMA + RSI',
    description: 'Trend filter with an RSI entry.',
    params: [
      { name: 'rsiLevel', description: 'RSI level', type: 'number', default: 30.5, min: 0, max: 100, step: 0.5 },
      { name: 'exitOnCross', description: 'Exit on the EMA cross', type: 'boolean', default: true },
      { name: 'stop', description: 'Stop rule', type: 'choice', default: 'none', choices: ['none', 'opposite', 'pct'] },
      { name: 'schedule', description: 'Marker schedule', type: 'string', default: 'auto' },
    ],
    shortsByDefault: true,
  },
];

export function trade(overrides: Partial<BacktestTrade> = {}): BacktestTrade {
  return {
    side: 'long',
    size: 2,
    entryTime: (T0 + H) as BacktestTrade['entryTime'],
    entryPrice: 100,
    exitTime: (T0 + 3 * H) as BacktestTrade['exitTime'],
    exitPrice: 110,
    pnl: 19.5,
    returnPct: 9.75,
    barsHeld: 2,
    commission: 0.5,
    setup: 'cross-up',
    entryReason: 'SMA 10 crossed above SMA 30',
    exitReason: 'SMA 10 crossed below SMA 30',
    ...overrides,
  };
}

export const REQUEST = backtestRequestSchema.parse({
  source: 'binance',
  symbol: 'BTCUSDT',
  interval: '1h',
  from: T0,
  to: T0 + 4 * H,
  strategy: 'sma-cross',
  params: { fast: 10, slow: 30 },
  costs: { commissionRate: 0.001, slippageBps: 2 },
});

export function summary(id: string, overrides: Partial<BacktestRunSummary> = {}): BacktestRunSummary {
  return { id, createdAt: (T0 + 5 * H) as BacktestRunSummary['createdAt'], label: `run ${id}`, strategy: 'sma-cross', request: REQUEST, stats: STATS, ...overrides };
}

export function fullRun(id: string, equity: readonly number[] = [10_000, 10_100, 9_900, 10_500]): BacktestRun {
  return backtestRunSchema.parse({
    ...summary(id),
    market: 'crypto',
    notes: [],
    coverage: null,
    result: {
      stats: STATS,
      trades: [trade()],
      equity: { time: equity.map((_, i) => T0 + i * H), equity, drawdownPct: equity.map(() => 0) },
    },
  });
}
