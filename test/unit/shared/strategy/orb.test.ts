import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../../shared/market/civil-date';
import { usEquitySession } from '../../../../shared/market/sessions';
import { orbStrategy } from '../../../../shared/strategy/strategies/orb';
import type { Strategy, StrategyBar, StrategyParams } from '../../../../shared/strategy/strategy';
import { barAt, runStrategy } from './run-strategy';

const MIN = 60_000;
const FIVE = 5 * MIN;
const nyClock = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
const ny = (t: number): string => nyClock.format(t);

const create = (params: StrategyParams = {}): Strategy => orbStrategy.create(params, { market: 'us-equity', intervalMs: FIVE });

/** The range bar: high 101, low 99 (size 2, mid 100), volume 1000. */
const RANGE: Partial<StrategyBar> = { open: 100, high: 101, low: 99, close: 100.5, volume: 1000 };
/** A 5m close above the range high on exactly 1.2 × the range bar's volume. */
const UP: Partial<StrategyBar> = { open: 100.5, high: 101.75, low: 100.25, close: 101.5, volume: 1200 };
const DOWN: Partial<StrategyBar> = { open: 99.5, high: 99.75, low: 98.25, close: 98.5, volume: 1200 };

/** `count` 5m bars from `utcOpen` (hard-coded UTC, independent of the code under test), around 100 unless `shape` says otherwise. */
function sessionBars(utcOpen: number, count: number, shape: (i: number) => Partial<StrategyBar> | undefined): StrategyBar[] {
  return Array.from({ length: count }, (_, i) => ({ ...barAt(utcOpen + i * FIVE, 100), ...shape(i) }));
}

/** Range at 09:30, a breakout at 09:45 (the first bar after the default 10-minute wait), then quiet trading at 102. */
function longDayOf(utcOpen: number, count = 78): StrategyBar[] {
  return sessionBars(utcOpen, count, (i) => {
    if (i === 0) return RANGE;
    if (i === 3) return UP;
    if (i > 3) return { open: 102, high: 102.5, low: 101.5, close: 102 };
    return undefined;
  });
}

const LONG = { target: 'long', reason: 'opening range breakout up', entry: { type: 'market' }, stopLoss: 100, takeProfit: 105 };
const SESSION_END = { target: 'flat', entry: { type: 'close' }, reason: 'session end' };

describe('orb: long breakout, DST-correct 09:30 New York open', () => {
  it.each([
    ['winter day (EST, UTC-5)', 2024, 1, 10, Date.UTC(2024, 0, 10, 14, 30)],
    ['summer day (EDT, UTC-4)', 2024, 7, 10, Date.UTC(2024, 6, 10, 13, 30)],
    ['Monday after the spring switch (EDT)', 2024, 3, 11, Date.UTC(2024, 2, 11, 13, 30)],
    ['Monday after the autumn switch (EST)', 2024, 11, 4, Date.UTC(2024, 10, 4, 14, 30)],
  ])('%s: long at the 09:45 bar, stop at the midpoint, target high + 2 × range; flat at the 15:55 bar', (_label, y, m, d, utcOpen) => {
    expect(usEquitySession(daysFromCivil(y, m, d))?.open).toBe(utcOpen);
    const got = runStrategy(create(), longDayOf(utcOpen));
    expect(got).toEqual([
      { index: 3, time: utcOpen + 15 * MIN, position: 0, intent: LONG },
      { index: 77, time: utcOpen + 385 * MIN, position: 1, intent: SESSION_END },
    ]);
    expect(got.map((e) => ny(e.time))).toEqual(['09:45', '15:55']);
  });

  it('ignores pre-market bars: the range is the 09:30 bar, not the 09:25 one', () => {
    const open = Date.UTC(2024, 0, 10, 14, 30);
    const bars = [{ ...barAt(open - FIVE, 100), high: 130, low: 70, volume: 100_000 }, ...longDayOf(open)];
    expect(runStrategy(create(), bars).map((e) => [e.index, e.intent])).toEqual([
      [4, LONG],
      [78, SESSION_END],
    ]);
  });
});

describe('orb: no trade', () => {
  const open = Date.UTC(2024, 0, 10, 14, 30);

  it('when the breakout volume is below 1.2 × the first bar (1199 < 1200)', () => {
    const bars = sessionBars(open, 78, (i) => (i === 0 ? RANGE : i === 3 || i === 5 ? { ...UP, volume: 1199 } : undefined));
    expect(runStrategy(create(), bars)).toEqual([]);
  });

  it('when the breakout closes during the wait (09:35 and 09:40 with wait 10), and the wait boundary is exact', () => {
    const bars = sessionBars(open, 78, (i) => (i === 0 ? RANGE : i === 1 || i === 2 ? { ...UP, volume: 5000 } : undefined));
    expect(runStrategy(create(), bars)).toEqual([]);
    const firstSignal = (waitMinutes: number): number | undefined => runStrategy(create({ waitMinutes }), bars)[0]?.index;
    expect(firstSignal(0)).toBe(1);
    expect(firstSignal(5)).toBe(2);
    expect(firstSignal(10)).toBeUndefined();
  });

  it('on a short breakout unless shorts are allowed', () => {
    const bars = sessionBars(open, 78, (i) => (i === 0 ? RANGE : i === 3 ? DOWN : i > 3 ? { open: 98, high: 98.5, low: 97.5, close: 98 } : undefined));
    expect(runStrategy(create(), bars)).toEqual([]);
    expect(runStrategy(create(), bars, true)).toEqual([
      { index: 3, time: open + 15 * MIN, position: 0, intent: { target: 'short', reason: 'opening range breakout down', entry: { type: 'market' }, stopLoss: 100, takeProfit: 95 } },
      { index: 77, time: open + 385 * MIN, position: -1, intent: SESSION_END },
    ]);
    expect(runStrategy(create({ stopAtOpposite: true, targetMultiple: 1.5 }), bars, true)[0]?.intent).toMatchObject({ stopLoss: 101, takeProfit: 96 });
  });

  it('on a short whose target would not be a positive price', () => {
    const bars = sessionBars(open, 78, (i) => {
      if (i === 0) return { open: 2, high: 3, low: 1, close: 2, volume: 1000 };
      if (i === 3) return { open: 1.5, high: 1.75, low: 0.25, close: 0.5, volume: 1200 };
      return i > 3 ? { open: 0.625, high: 0.75, low: 0.5, close: 0.625 } : { open: 2, high: 2.5, low: 1.5, close: 2 };
    });
    expect(runStrategy(create({ targetMultiple: 1 }), bars, true)).toEqual([]); // 1 − 1 × 2 = −1
    expect(runStrategy(create({ targetMultiple: 0.25 }), bars, true)[0]?.intent).toMatchObject({ target: 'short', stopLoss: 2, takeProfit: 0.5 });
  });

  it('on the last bar of the session, even on a breakout', () => {
    const bars = sessionBars(open, 78, (i) => (i === 0 ? RANGE : i === 77 ? UP : undefined));
    expect(runStrategy(create(), bars)).toEqual([]);
  });

  it('when the 09:30 bar is missing (no range that day)', () => {
    expect(runStrategy(create(), longDayOf(open).slice(1))).toEqual([]);
  });

  it('after the day already traded: a second breakout after the stop is ignored', () => {
    const bars = sessionBars(open, 78, (i) => {
      if (i === 0) return RANGE;
      if (i === 3 || i === 8) return { ...UP, volume: 2000 };
      if (i === 5) return { open: 101, high: 101.5, low: 99.75, close: 100 }; // stop at 100 hit
      return undefined;
    });
    expect(runStrategy(create(), bars)).toEqual([{ index: 3, time: open + 15 * MIN, position: 0, intent: { ...LONG } }]);
  });
});

describe('orb: flat by session end', () => {
  it('on the 12:55 bar of the 13:00 early close the day after Thanksgiving (2024-11-29)', () => {
    const open = Date.UTC(2024, 10, 29, 14, 30);
    expect(usEquitySession(daysFromCivil(2024, 11, 29))?.close).toBe(Date.UTC(2024, 10, 29, 18, 0));
    const got = runStrategy(create(), longDayOf(open, 42));
    expect(got).toEqual([
      { index: 3, time: open + 15 * MIN, position: 0, intent: LONG },
      { index: 41, time: Date.UTC(2024, 10, 29, 17, 55), position: 1, intent: SESSION_END },
    ]);
    expect(ny(got[1]!.time)).toBe('12:55');
  });

  it("at the next session's first bar (market) when the closing bar was missing", () => {
    const day1 = longDayOf(Date.UTC(2024, 0, 10, 14, 30)).slice(0, 77);
    // Day 2 opens at 102: neither the stop (100) nor the target (105) is hit before the first bar is seen.
    const day2 = sessionBars(Date.UTC(2024, 0, 11, 14, 30), 78, () => ({ open: 102, high: 102.5, low: 101.5, close: 102 }));
    expect(runStrategy(create(), [...day1, ...day2])).toEqual([
      { index: 3, time: Date.UTC(2024, 0, 10, 14, 45), position: 0, intent: LONG },
      { index: 77, time: Date.UTC(2024, 0, 11, 14, 30), position: 1, intent: { target: 'flat', reason: 'session end (closing bar missing)', entry: { type: 'market' } } },
    ]);
  });

  it('trades again the next day (one trade per day, not per run)', () => {
    const bars = [...longDayOf(Date.UTC(2024, 0, 10, 14, 30)), ...longDayOf(Date.UTC(2024, 0, 11, 14, 30))];
    expect(runStrategy(create(), bars).map((e) => [e.index, e.intent.target])).toEqual([
      [3, 'long'],
      [77, 'flat'],
      [81, 'long'],
      [155, 'flat'],
    ]);
  });
});

describe('orb: chart levels', () => {
  it("exposes each day's range high/low/mid over the session, and the trade's target and stop from the entry bar", () => {
    const open = Date.UTC(2024, 6, 10, 13, 30);
    const close = Date.UTC(2024, 6, 10, 20, 0);
    const s = create();
    const bars = longDayOf(open);
    runStrategy(s, bars.slice(0, 1));
    expect(s.levels?.()).toEqual([
      { label: 'OR high', price: 101, kind: 'range-high', from: open, to: close },
      { label: 'OR low', price: 99, kind: 'range-low', from: open, to: close },
      { label: 'OR mid', price: 100, kind: 'range-mid', from: open, to: close },
    ]);
    const s2 = create();
    runStrategy(s2, bars);
    expect(s2.levels?.().slice(3)).toEqual([
      { label: 'long target', price: 105, kind: 'target', from: open + 20 * MIN, to: close },
      { label: 'long stop', price: 100, kind: 'stop', from: open + 20 * MIN, to: close },
    ]);
  });
});

describe('orb: parameters and setup', () => {
  it('fills defaults and refuses bad values naming the field', () => {
    expect(orbStrategy.resolveParams({})).toEqual({ ok: true, params: { waitMinutes: 10, volumeFactor: 1.2, stopAtOpposite: false, targetMultiple: 2 } });
    expect(orbStrategy.resolveParams({ waitMinutes: 7.5 })).toMatchObject({ ok: false, field: 'waitMinutes', message: 'waitMinutes must be an integer (got 7.5)' });
    expect(orbStrategy.resolveParams({ stopAtOpposite: 'yes' })).toMatchObject({ ok: false, field: 'stopAtOpposite' });
    expect(orbStrategy.resolveParams({ volumeFactor: -1 })).toMatchObject({ ok: false, field: 'volumeFactor', message: 'volumeFactor must be between 0 and 10 (got -1)' });
    expect(orbStrategy.resolveParams({ stop: 'midpoint' })).toMatchObject({ ok: false, field: 'stop' });
  });

  it('runs only on 5m bars of US equities', () => {
    expect(() => orbStrategy.create({}, { market: 'crypto', intervalMs: FIVE })).toThrow('orb runs on US equities only (got market crypto)');
    expect(() => orbStrategy.create({}, { market: 'us-equity', intervalMs: MIN })).toThrow('orb runs on 5-minute bars only (got intervalMs 60000)');
    expect(() => orbStrategy.create({ targetMultiple: 0 }, { market: 'us-equity', intervalMs: FIVE })).toThrow(/targetMultiple/);
  });
});
