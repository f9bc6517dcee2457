import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backtestResultSchema } from '../../../shared/contract';
import { BIN, NO_REAL_EXCHANGE } from '../../helpers/serve-process';
import { readSharedCsv, SHARED_DATA } from '../../helpers/shared-data';
import { tempDir } from '../../helpers/temp-dir';

/** The built `tapedeck` executable, run as a user runs it (needs `npm run build`). */
function tapedeck(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...NO_REAL_EXCHANGE, TAPEDECK_DATA_DIR: '' }, maxBuffer: 64 * 1024 * 1024 });
}

const GOOG = `${SHARED_DATA}GOOG.csv`;
const goog = ['--csv', GOOG, '--tz', 'America/New_York'];

describe('tapedeck backtest', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('prints the statistics table for SMA-cross on GOOG', () => {
    const r = tapedeck('backtest', ...goog, '--strategy', 'sma-cross', '--param', 'fast=10', '--param', 'slow=20');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('sma-cross {"fast":10,"slow":20} on GOOG.csv (2148 bars, us-equity)');
    expect(r.stdout).toMatch(/^buyHoldReturnPct +703\.4582$/m);
    expect(r.stdout).toMatch(/^bars +2148$/m);
  });

  it('reads GOOG.csv without --tz or --market as a market closed at weekends (252 periods a year)', () => {
    const r = tapedeck('backtest', '--csv', GOOG, '--strategy', 'sma-cross', '--param', 'fast=10', '--param', 'slow=20', '--json');
    const withMarket = tapedeck('backtest', '--csv', GOOG, '--market', 'us-equity', '--strategy', 'sma-cross', '--param', 'fast=10', '--param', 'slow=20', '--json');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(withMarket.stdout);
  });

  it('--json gives {stats, trades, equity} in the contract shape, byte-identical on a second run', () => {
    const args = ['backtest', ...goog, '--strategy', 'sma-cross', '--param', 'fast=10', '--param', 'slow=20', '--commission', '0.002', '--allow-short', '--json'];
    const first = tapedeck(...args);
    const second = tapedeck(...args);
    expect(first.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const result = backtestResultSchema.parse(JSON.parse(first.stdout));
    const closes = readSharedCsv('GOOG.csv').map((r) => r.close);
    // Buy & hold is the first close to the last: exactly what the data says.
    expect(result.stats.buyHoldReturnPct).toBeCloseTo(((closes.at(-1)! - closes[0]!) / closes[0]!) * 100, 9);
    expect(result.stats.bars).toBe(2148);
    expect(result.equity.time).toHaveLength(2148);
    expect(result.trades.length).toBe(result.stats.trades);
    // Long/short: every trade after the first is entered at the bar where the previous one ended (a reversal).
    for (let i = 1; i < result.trades.length; i++) expect(result.trades[i]!.entryTime).toBe(result.trades[i - 1]!.exitTime);
    expect(result.stats.commissionsPaid).toBeGreaterThan(0);
  });

  it('says on stderr, outside the JSON, when entries could not buy one whole unit', () => {
    // GOOG closes above 100 from its first day: 50 of cash buys no whole share.
    const r = tapedeck('backtest', ...goog, '--strategy', 'sma-cross', '--param', 'fast=10', '--param', 'slow=20', '--cash', '50', '--json');
    expect(r.status).toBe(0);
    expect(backtestResultSchema.parse(JSON.parse(r.stdout)).stats.trades).toBe(0);
    expect(r.stderr).toMatch(/^note: \d+ entry signals could not buy one whole unit with the cash available: allow fractional units \(crypto\) or start with more cash \(--fractional, --cash\)\n$/);
    const fractional = tapedeck('backtest', ...goog, '--strategy', 'sma-cross', '--param', 'fast=10', '--param', 'slow=20', '--cash', '50', '--fractional');
    expect(fractional.status).toBe(0);
    expect(fractional.stderr).toBe('');
    expect(fractional.stdout).not.toMatch(/^trades +0$/m);
  });

  it('refuses bad input with exit 2 and one line naming the field', () => {
    const cases: [string[], RegExp][] = [
      [['--strategy', 'nope'], /^tapedeck: --strategy: unknown strategy "nope" \(known: sma-cross, ema-rsi, orb, time-window\)\n$/],
      [['--strategy', 'sma-cross', '--param', 'fast=30', '--param', 'slow=20'], /^tapedeck: --param slow: /],
      [['--strategy', 'sma-cross', '--param', 'speed=3'], /^tapedeck: --param speed: /],
      [['--strategy', 'orb'], /^tapedeck: --strategy orb: /],
      [['--strategy', 'orb', '--param', 'stop=far'], /^tapedeck: --param stop: stop must be one of none, opposite, mid, pct \(got "far"\)\n$/],
      [['--strategy', 'time-window', '--param', 'schedule=nope'], /^tapedeck: --strategy time-window: schedule: unknown marker schedule "nope"/],
      [['--strategy', 'sma-cross', '--commission', '0.5'], /^tapedeck: --commission: commissionRate: /],
    ];
    for (const [extra, message] of cases) {
      const r = tapedeck('backtest', ...goog, ...extra);
      expect(r.status, extra.join(' ')).toBe(2);
      expect(r.stderr, extra.join(' ')).toMatch(message);
    }
  });

  it('refuses an empty, unsorted or NaN data set naming the line, and a range with no bars', () => {
    const files: [string, string, RegExp][] = [
      ['empty.csv', ',Open,High,Low,Close,Volume\n', /--csv: .*empty.csv has no data rows/],
      ['unsorted.csv', ',Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,10\n2024-01-01,1,2,0.5,1.5,10\n', /--csv: line 3: .* is not after the previous row/],
      ['nan.csv', ',Open,High,Low,Close,Volume\n2024-01-01,1,2,0.5,1.5,10\n2024-01-02,NaN,2,0.5,1.5,10\n', /--csv: line 3: open "NaN" is not a decimal number/],
    ];
    for (const [name, text, message] of files) {
      const file = join(dir.path, name);
      writeFileSync(file, text);
      const r = tapedeck('backtest', '--csv', file, '--strategy', 'sma-cross');
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toMatch(message);
    }
    const none = tapedeck('backtest', '--source', 'sim', '--symbol', 'SPY', '--interval', '5m', '--from', '2024-01-06', '--to', '2024-01-07', '--strategy', 'sma-cross', '--data-dir', dir.path);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^tapedeck: --from: no closed 5m bars of sim:SPY/);
  });

  it('runs on a stored series: ORB on the simulated SPY, 5m bars, both directions by default', () => {
    const spy = ['--source', 'sim', '--symbol', 'SPY', '--interval', '5m', '--from', '2024-03-04', '--to', '2024-03-16', '--strategy', 'orb', '--data-dir', dir.path];
    const r = tapedeck('backtest', ...spy, '--json');
    // The coverage of the bars it ran on goes to stderr, outside the JSON.
    expect(r.stderr).toBe('coverage: 780 of 780 5m bars expected in 2024-03-04T00:00Z..2024-03-17T00:00Z, none missing\n');
    expect(r.status).toBe(0);
    const result = backtestResultSchema.parse(JSON.parse(r.stdout));
    // Ten sessions of 78 bars; a trade on most of them, one a day at most, each flat by the session's end.
    expect(result.stats.bars).toBe(780);
    expect(result.stats.trades).toBeGreaterThanOrEqual(6);
    expect(result.stats.trades).toBeLessThanOrEqual(10);
    const days = result.trades.map((t) => new Date(t.entryTime).toISOString().slice(0, 10));
    expect(new Set(days).size).toBe(days.length);
    for (const t of result.trades) expect(new Date(t.exitTime).toISOString().slice(0, 10)).toBe(new Date(t.entryTime).toISOString().slice(0, 10));
    expect(result.setups.reduce((n, s) => n + s.trades, 0)).toBe(result.stats.trades);
    expect(tapedeck('backtest', ...spy, '--allow-short', '--json').stdout).toBe(r.stdout);

    // Long only: the down days become signals without position, listed under the trades by setup.
    const text = tapedeck('backtest', ...spy, '--no-short', '--param', 'stop=opposite');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^orb \{.*"stop":"opposite".*\} on sim:SPY 5m \(780 bars, us-equity\)$/m);
    expect(text.stdout).toMatch(/^longestLosingStreak +\d+$/m);
    expect(text.stdout).toMatch(/^trades by setup:\n {2}setup +trades +winRatePct +avgReturnPct +profitFactor +totalPnl\n {2}orb-up /m);
    const downDays = result.setups.find((s) => s.setup === 'orb-down')?.trades ?? 0;
    if (downDays > 0) expect(text.stdout).toMatch(new RegExp(`^signals without position:\\n {2}setup +side +count .*\\n {2}orb-down +short +${String(downDays)} `, 'm'));
    const both = tapedeck('backtest', ...spy, '--no-short', '--allow-short');
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/^tapedeck: --no-short: give --allow-short or --no-short, not both/);
  });
});

describe('tapedeck optimize', () => {
  it('ranks a grid on worker threads, skips refused sets and gives a heatmap; walk-forward reports out-of-sample', () => {
    const r = tapedeck('optimize', ...goog, '--strategy', 'sma-cross', '--range', 'fast=5:20:5', '--range', 'slow=10:40:10', '--metric', 'sharpe', '--walk-forward', '4:1', '--folds', '3', '--threads', '2', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      total: number;
      skipped: number;
      rows: { rank: number; value: number | null; params: Record<string, number> }[];
      heatmap: { xs: number[]; ys: number[]; values: (number | null)[][] };
      walkForward: { folds: { params: Record<string, number> | null; outOfSample: { bars: number } | null }[]; oosReturnPct: number };
    };
    // fast 5..20 × slow 10..40 = 16 sets; slow <= fast refused: (10,10), (15,10), (20,10), (20,20).
    expect(out.total).toBe(16);
    expect(out.skipped).toBe(4);
    expect(out.rows).toHaveLength(12);
    const values = out.rows.map((row) => row.value ?? -Infinity);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(out.heatmap.xs).toEqual([5, 10, 15, 20]);
    expect(out.heatmap.ys).toEqual([10, 20, 30, 40]);
    expect(out.heatmap.values[0]![1]).toBeNull(); // fast 10, slow 10: refused
    expect(out.walkForward.folds).toHaveLength(3);
    for (const fold of out.walkForward.folds) expect(fold.outOfSample?.bars).toBeGreaterThan(0);

    // The same grid on one thread ranks identically (worker threads change nothing but speed).
    const one = tapedeck('optimize', ...goog, '--strategy', 'sma-cross', '--range', 'fast=5:20:5', '--range', 'slow=10:40:10', '--threads', '1', '--json');
    expect((JSON.parse(one.stdout) as { rows: unknown }).rows).toEqual(out.rows);
  });

  it('refuses a bad range, metric or walk-forward with exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['--range', 'speed=1:3'], /^tapedeck: --range speed: not a parameter of this strategy/],
      [['--range', 'fast=5:1'], /^tapedeck: --range fast: stop 1 is below start 5/],
      [['--strategy', 'orb', '--range', 'stop=none,mid'], /^tapedeck: --range stop: a choice \(none, opposite, mid, pct\) cannot be swept by a range/],
      [['--range', 'fast=5:10', '--metric', 'luck'], /^tapedeck: --metric: "luck" is not one of/],
      [['--range', 'fast=5:10', '--walk-forward', '4-1'], /^tapedeck: --walk-forward: "4-1" is not IS:OOS/],
    ];
    for (const [extra, message] of cases) {
      const r = tapedeck('optimize', ...goog, '--strategy', 'sma-cross', ...extra);
      expect(r.status, extra.join(' ')).toBe(2);
      expect(r.stderr, extra.join(' ')).toMatch(message);
    }
  });
});

describe('tapedeck indicators', () => {
  it('prints JSON with time and one array per indicator, null in warm-up', () => {
    const r = tapedeck('indicators', ...goog, '--ind', 'sma:3', '--ind', 'rsi:14', '--ind', 'macd:12,26,9', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, (number | null)[]>;
    const closes = readSharedCsv('GOOG.csv').map((row) => row.close);
    expect(out.time).toHaveLength(2148);
    expect(out['sma:3']!.slice(0, 3)).toEqual([null, null, (closes[0]! + closes[1]! + closes[2]!) / 3]);
    expect(out['rsi:14']!.slice(0, 14).every((v) => v === null)).toBe(true);
    expect(out['rsi:14']![14]).not.toBeNull();
    expect(Object.keys(out).filter((k) => k.startsWith('macd:12,26,9'))).toHaveLength(3);
  });

  it('refuses an unknown indicator with exit 2', () => {
    const r = tapedeck('indicators', ...goog, '--ind', 'magic:3');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^tapedeck: --ind: /);
  });
});
