import { describe, expect, it } from 'vitest';
import { allocColumns, type BarColumns } from '../../../../shared/domain/bar-columns';
import { MarkerClock } from '../../../../shared/strategy/marker-clock';
import { findSchedule, type MarkerSchedule } from '../../../../shared/strategy/marker-schedule';
import { timeWindowStrategy } from '../../../../shared/strategy/strategies/time-window';
import type { Strategy, StrategyBar, StrategyIntent, StrategyParams } from '../../../../shared/strategy/strategy';
import { runBacktest } from '../../../../src-main/research/backtest';
import { barAt, runStrategy } from './run-strategy';

const MIN = 60_000;
const FIVE = 5 * MIN;
const HOUR = 60 * MIN;
/** 2024-01-10 09:30 New York (EST). */
const OPEN = Date.UTC(2024, 0, 10, 14, 30);

const create = (params: StrategyParams = {}, schedules: readonly MarkerSchedule[] = []): Strategy =>
  timeWindowStrategy.create(params, { market: 'us-equity', intervalMs: FIVE, schedules });
const at = (i: number, open: number, high: number, low: number, close: number, day = OPEN): StrategyBar => ({ time: day + i * FIVE, open, high, low, close, volume: 10 });

/**
 * The default schedule on 5m bars is 'ny-10m': blocks 09:30-09:40 (bars 0, 1), 09:40-09:50 (bars 2, 3), …
 * Block A (09:30): high 101, low 99.
 */
const BLOCK_A = [at(0, 100, 101, 99, 100.5), at(1, 100.5, 100.8, 99.5, 100)];
/** Quiet bars at 100 (high 100.5, low 99.5) from bar `from` to the session's last (bar 77). */
const quiet = (from: number, day = OPEN): StrategyBar[] => Array.from({ length: 78 - from }, (_, k) => barAt(day + (from + k) * FIVE, 100));

const SWEEP_LOW = { target: 'long', setup: 'sweep-low', reason: 'sweep of prev low, reversal' } as const;
const SWEEP_HIGH = { target: 'short', setup: 'sweep-high', reason: 'sweep of prev high, reversal' } as const;
const RETEST_HIGH = { target: 'long', setup: 'retest-high', reason: 'break of prev high, retest held' } as const;
const RETEST_LOW = { target: 'short', setup: 'retest-low', reason: 'break of prev low, retest held' } as const;
const SESSION_END: StrategyIntent = { target: 'flat', entry: { type: 'close' }, reason: 'session end' };

describe('time-window: sweep and reverse (ny-10m blocks on 5m bars)', () => {
  /** 09:40 trades below A's low (98.5 < 99) and closes back inside at 99.5. */
  const sweepDay = [...BLOCK_A, at(2, 99.6, 100, 98.5, 99.5), barAt(OPEN + 3 * FIVE, 100), ...quiet(4)];

  it('signals at the rejection bar: long, stop at its low, target the opposite line; entry at the next open', () => {
    expect(runStrategy(create(), sweepDay, true)).toEqual([
      { index: 2, time: OPEN + 10 * MIN, position: 0, intent: { ...SWEEP_LOW, entry: { type: 'market' }, stopLoss: 98.5, takeProfit: 101 } },
      { index: 77, time: OPEN + 385 * MIN, position: 1, intent: SESSION_END },
    ]);
  });

  it('with enterOnRejection the entry is the rejection bar\u2019s own close: in the engine, 99 shares at 99.5, out at the 101 target', () => {
    // Bar 3 lifts block B's high to 100.6, so the quiet bars after it sweep nothing.
    const bars = [...BLOCK_A, at(2, 99.6, 100, 98.5, 99.5), at(3, 99.5, 100.6, 99.4, 100), at(4, 100, 101.2, 99.9, 101), ...quiet(5)];
    expect(runStrategy(create({ enterOnRejection: true }), bars, true)[0]).toEqual({
      index: 2,
      time: OPEN + 10 * MIN,
      position: 0,
      intent: { ...SWEEP_LOW, entry: { type: 'close' }, stopLoss: 98.5, takeProfit: 101 },
    });
    const outcome = runBacktest(create({ enterOnRejection: true }), columnsOf(bars), { market: 'us-equity', intervalMs: FIVE, allowShort: true });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.output.trades).toEqual([
      {
        side: 'long',
        size: 100,
        entryTime: OPEN + 10 * MIN,
        entryPrice: 99.5,
        exitTime: OPEN + 20 * MIN,
        exitPrice: 101,
        pnl: 150,
        returnPct: (150 / 9950) * 100,
        barsHeld: 2,
        commission: 0,
        setup: 'sweep-low',
        entryReason: 'sweep of prev low, reversal',
        exitReason: 'take-profit',
      },
    ]);
  });

  it('a sweep of the high → short (stop its high, target the low); each setup at most once a block', () => {
    // Bar 3 sweeps again (and stops the short out at 101.5): no second signal in the block.
    const bars = [...BLOCK_A, at(2, 100.5, 101.5, 100, 100.4), at(3, 100.4, 101.6, 100.2, 100.3), ...quiet(4)];
    expect(runStrategy(create(), bars, true).map((e) => [e.index, e.intent])).toEqual([[2, { ...SWEEP_HIGH, entry: { type: 'market' }, stopLoss: 101.5, takeProfit: 99 }]]);
  });

  it('a bar that closes beyond the line is no sweep, nor one that closes past the opposite line', () => {
    const beyond = [...BLOCK_A, at(2, 99.6, 100, 98.5, 98.8), at(3, 98.8, 101.5, 98.6, 101.2), ...quiet(4)];
    expect(runStrategy(create({ breakRetest: false }), beyond, true)).toEqual([]);
  });

  it('long only: the short is a signal without position, and the session still ends flat for it', () => {
    const bars = [...BLOCK_A, at(2, 100.5, 101.5, 100, 100.4), barAt(OPEN + 3 * FIVE, 100), ...quiet(4)];
    expect(runStrategy(create({ longOnly: true }), bars, true).map((e) => [e.index, e.position, e.intent])).toEqual([
      [2, 0, { ...SWEEP_HIGH, entry: { type: 'market' }, observe: true, stopLoss: 101.5, takeProfit: 99 }],
      [77, 0, SESSION_END],
    ]);
  });

  it('no entry on the session\u2019s last bar', () => {
    const bars = [...quiet(0).slice(0, 76), at(76, 100, 100.5, 99.5, 100), at(77, 99.6, 100, 99, 99.8)];
    expect(runStrategy(create(), bars, true)).toEqual([]);
  });
});

describe('time-window: break and retest', () => {
  const tol = (101 * 0.05) / 100;

  it('a close above A\u2019s high, then a touch within the tolerance that closes above → long; stop min(touch low, line − tol), target one range beyond', () => {
    const bars = [...BLOCK_A, at(2, 100.5, 101.8, 100.4, 101.5), at(3, 101.5, 101.9, 101.02, 101.6), ...quiet(4).map((b) => ({ ...b, open: 101.6, high: 101.9, low: 101.3, close: 101.6 }))];
    expect(runStrategy(create({ sweepReverse: false }), bars, true)[0]).toEqual({
      index: 3,
      time: OPEN + 15 * MIN,
      position: 0,
      intent: { ...RETEST_HIGH, entry: { type: 'market' }, stopLoss: 101 - tol, takeProfit: 103 },
    });
  });

  it('a break with no retest: no trade (the pullback stops at 101.4, above 101 + tol)', () => {
    const bars = [...BLOCK_A, at(2, 100.5, 101.8, 100.4, 101.5), at(3, 101.5, 102.2, 101.4, 102), ...quiet(4).map((b) => ({ ...b, open: 102, high: 102.1, low: 101.9, close: 102 }))];
    expect(runStrategy(create({ sweepReverse: false }), bars, true)).toEqual([]);
  });

  it('a touch that closes back below the line is a failed break, not a retest', () => {
    const at101 = quiet(4).map((b) => ({ ...b, open: 101, high: 101.5, low: 100.5, close: 101 }));
    const bars = [...BLOCK_A, at(2, 100.5, 101.8, 100.4, 101.5), at(3, 101.5, 101.6, 100.6, 100.9), ...at101];
    expect(runStrategy(create({ sweepReverse: false }), bars, true)).toEqual([]);
  });

  it('a break of the low that retests → short: stop max(touch high, line + tol), target one range below', () => {
    const after = quiet(4).map((b) => ({ ...b, open: 98.4, high: 98.6, low: 98.2, close: 98.4 }));
    const touchAbove = [...BLOCK_A, at(2, 99.5, 99.6, 98.2, 98.5), at(3, 98.5, 99.08, 98.3, 98.4), ...after];
    expect(runStrategy(create({ sweepReverse: false }), touchAbove, true)[0]?.intent).toEqual({ ...RETEST_LOW, entry: { type: 'market' }, stopLoss: 99.08, takeProfit: 97 });
    const touchBelow = [...BLOCK_A, at(2, 99.5, 99.6, 98.2, 98.5), at(3, 98.5, 98.97, 98.3, 98.4), ...after];
    expect(runStrategy(create({ sweepReverse: false }), touchBelow, true)[0]?.intent).toEqual({ ...RETEST_LOW, entry: { type: 'market' }, stopLoss: 99 + (99 * 0.05) / 100, takeProfit: 97 });
  });

  it('stop and target are parameters: pct, r, none', () => {
    const bars = [...BLOCK_A, at(2, 100.5, 101.8, 100.4, 101.5), at(3, 101.5, 101.9, 101.02, 101.6), ...quiet(4)];
    const first = (p: StrategyParams): StrategyIntent | undefined => runStrategy(create({ sweepReverse: false, ...p }), bars, true)[0]?.intent;
    expect(first({ stop: 'pct', stopPct: 0.25, target: 'pct', targetPct: 0.75 })).toEqual({ ...RETEST_HIGH, entry: { type: 'market' }, stopLossPct: 0.25, takeProfitPct: 0.75 });
    expect(first({ stop: 'none', target: 'r', targetR: 2.5 })).toEqual({ ...RETEST_HIGH, entry: { type: 'market' }, takeProfit: 106 });
    expect(first({ stop: 'none', target: 'none' })).toEqual({ ...RETEST_HIGH, entry: { type: 'market' } });
  });
});

describe('time-window: markers and levels', () => {
  it('reports the markers seen and the next ones before they print, and the current levels', () => {
    const s = create();
    runStrategy(s, [...BLOCK_A, barAt(OPEN + 2 * FIVE, 100), barAt(OPEN + 3 * FIVE, 100)]);
    expect(s.markers?.()).toEqual({ past: [OPEN, OPEN + 10 * MIN], next: [20, 30, 40, 50, 60].map((m) => OPEN + m * MIN) });
    expect(s.levels?.()).toEqual([
      { label: 'prev block high', price: 101, from: OPEN + 10 * MIN, to: OPEN + 20 * MIN, kind: 'block-high' },
      { label: 'prev block low', price: 99, from: OPEN + 10 * MIN, to: OPEN + 20 * MIN, kind: 'block-low' },
    ]);
  });

  it('after the 13:00 early close of 2024-11-29 the next markers are the next session\u2019s (Monday 09:30 EST)', () => {
    const open = Date.UTC(2024, 10, 29, 14, 30);
    const s = create();
    runStrategy(s, Array.from({ length: 42 }, (_, i) => barAt(open + i * FIVE, 100)));
    const monday = Date.UTC(2024, 11, 2, 14, 30);
    expect(s.markers?.().next).toEqual([0, 10, 20, 30, 40].map((m) => monday + m * MIN));
    expect(s.markers?.().past.at(-1)).toBe(Date.UTC(2024, 10, 29, 17, 50)); // 12:50, the day's last marker
  });

  it('the first block of a session reads the previous session\u2019s last block (15:50-16:00)', () => {
    const day2 = Date.UTC(2024, 0, 11, 14, 30);
    const s = create();
    runStrategy(s, [...quiet(0), barAt(day2, 100)]);
    expect(s.levels?.().slice(-2).map((l) => [l.price, l.from, l.to])).toEqual([
      [100.5, day2, day2 + 10 * MIN],
      [99.5, day2, day2 + 10 * MIN],
    ]);
  });
});

describe('time-window: schedules', () => {
  it('auto picks ny-10m on 5m bars, every-2-sessions up to 4h, every-15-sessions on daily bars', () => {
    const marks = (intervalMs: number): number[] => {
      const s = timeWindowStrategy.create({}, { market: 'us-equity', intervalMs });
      s.onBar(barAt(OPEN, 100), { position: 0, allowShort: true });
      return [...(s.markers?.().next ?? [])];
    };
    expect(marks(FIVE)[0]).toBe(OPEN + 10 * MIN);
    const every2 = new MarkerClock(findSchedule('every-2-sessions')!, 'us-equity').after(OPEN, 5);
    expect(marks(HOUR)).toEqual(every2);
    expect(marks(24 * HOUR)).toEqual(new MarkerClock(findSchedule('every-15-sessions')!, 'us-equity').after(OPEN, 5));
  });

  it('a user schedule by name; an unknown name, or bars that do not open on its markers, are refused naming it', () => {
    const mine: MarkerSchedule = { name: 'opening hour', kind: 'times', times: ['09:30', '10:00', '10:30'] };
    const s = create({ schedule: 'opening hour' }, [mine]);
    s.onBar(barAt(OPEN, 100), { position: 0, allowShort: true });
    expect(s.markers?.().next.slice(0, 3)).toEqual([OPEN + 30 * MIN, OPEN + 60 * MIN, Date.UTC(2024, 0, 11, 14, 30)]);
    expect(() => create({ schedule: 'nope' }, [mine])).toThrow('schedule: unknown marker schedule "nope" (known: auto, ny-10m, every-2-sessions, every-15-sessions, opening hour)');
    expect(() => timeWindowStrategy.create({ schedule: 'ny-10m' }, { market: 'us-equity', intervalMs: 15 * MIN })).toThrow(
      'schedule: "ny-10m": times[1] "09:40" is not the open of a 15-minute bar (bars open every 15 minutes from 09:30)',
    );
    expect(() => timeWindowStrategy.create({ bias: '4h' }, { market: 'us-equity', intervalMs: 4 * HOUR })).toThrow('bias: 4h needs bars shorter than 4h (got intervalMs 14400000)');
  });

  it('fills the defaults and refuses bad values naming the field', () => {
    expect(timeWindowStrategy.resolveParams({})).toEqual({
      ok: true,
      params: {
        schedule: 'auto',
        sweepReverse: true,
        breakRetest: true,
        enterOnRejection: false,
        touchTolerancePct: 0.05,
        stop: 'extreme',
        stopPct: 0.5,
        target: 'line',
        targetR: 1,
        targetPct: 1,
        bias: 'none',
        longOnly: false,
        shortOnly: false,
      },
    });
    expect(timeWindowStrategy.resolveParams({ sweepReverse: false, breakRetest: false })).toMatchObject({ ok: false, field: 'breakRetest' });
    expect(timeWindowStrategy.resolveParams({ bias: '1w' })).toEqual({ ok: false, field: 'bias', message: 'bias must be one of none, 4h, 1d (got "1w")' });
    expect(timeWindowStrategy.resolveParams({ schedule: '' })).toEqual({ ok: false, field: 'schedule', message: 'schedule must be 1 to 64 characters (got "")' });
    expect(timeWindowStrategy.resolveParams({ blockMinutes: 240 })).toMatchObject({ ok: false, field: 'blockMinutes' });
  });
});

describe('time-window: higher-timeframe bias', () => {
  /** Five sessions of quiet 5m bars from 2024-01-08 (Mon to Fri), with `shape` changing some. */
  function week(shape: (day: number, i: number) => Partial<StrategyBar> | undefined): StrategyBar[] {
    const opens = [8, 9, 10, 11, 12].map((d) => Date.UTC(2024, 0, d, 14, 30));
    return opens.flatMap((open, day) => Array.from({ length: 78 }, (_, i) => ({ ...barAt(open + i * FIVE, 100), ...shape(day, i) })));
  }
  const clock = new MarkerClock(findSchedule('every-2-sessions')!, 'us-equity');

  it('takes setups only in the direction of the latest sweep on the every-2-sessions blocks, none before', () => {
    // Which sessions open a 4h-bias block (every second session from 2015-01-02).
    const starts = clock.between(Date.UTC(2024, 0, 8), Date.UTC(2024, 0, 13)).map((t) => new Date(t).getUTCDate());
    expect(starts).toEqual([8, 10, 12]);
    // The block of the 10th and 11th sweeps the low of the block before it (the 8th and 9th: low 99.5) and closes back
    // inside: an up bias from the 11th's close. On the 12th a 5m sweep of a previous block's high (short), then of a low (long).
    const bars = week((day, i) => {
      if (day === 2 && i === 40) return { low: 98 };
      if (day === 4 && i === 2) return { open: 100.2, high: 101, low: 100, close: 100.2 };
      if (day === 4 && i === 12) return { open: 99.8, high: 100, low: 99, close: 99.8 };
      return undefined;
    });
    const signals = runStrategy(create({ bias: '4h' }), bars, true).filter((e) => e.intent.target !== 'flat');
    expect(signals.map((e) => [new Date(e.time).toISOString(), e.intent.setup])).toEqual([['2024-01-12T15:30:00.000Z', 'sweep-low']]);
    const unbiased = runStrategy(create(), bars, true).filter((e) => e.intent.target !== 'flat');
    expect(unbiased.map((e) => e.intent.setup)).toEqual(['sweep-low', 'sweep-high', 'sweep-low']);
  });
});

function columnsOf(bars: readonly StrategyBar[]): BarColumns {
  const c = allocColumns(bars.length);
  bars.forEach((b, i) => {
    c.time[i] = b.time;
    c.open[i] = b.open;
    c.high[i] = b.high;
    c.low[i] = b.low;
    c.close[i] = b.close;
    c.volume[i] = b.volume;
    c.final[i] = 1;
  });
  return c;
}
