import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../../shared/market/civil-date';
import { usEquitySession } from '../../../../shared/market/sessions';
import { orbStrategy } from '../../../../shared/strategy/strategies/orb';
import type { Strategy, StrategyBar, StrategyIntent, StrategyParams } from '../../../../shared/strategy/strategy';
import { barAt, runStrategy } from './run-strategy';

const MIN = 60_000;
const FIVE = 5 * MIN;
const nyClock = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
const ny = (t: number): string => nyClock.format(t);

const create = (params: StrategyParams = {}): Strategy => orbStrategy.create(params, { market: 'us-equity', intervalMs: FIVE });

/** The range bar: high 101, low 99 (size 2, mid 100), volume 1000. */
const RANGE: Partial<StrategyBar> = { open: 100, high: 101, low: 99, close: 100.5, volume: 1000 };
/** A 5m close above the range high, on 1.2 × the range bar's volume. */
const UP: Partial<StrategyBar> = { open: 100.5, high: 101.75, low: 100.25, close: 101.5, volume: 1200 };
/** A 5m close below the range low. */
const DOWN: Partial<StrategyBar> = { open: 99.5, high: 99.75, low: 98.25, close: 98.5, volume: 1200 };

/** `count` 5m bars from `utcOpen` (hard-coded UTC, independent of the code under test), around 100 (inside the range) unless `shape` says otherwise. */
function sessionBars(utcOpen: number, count: number, shape: (i: number) => Partial<StrategyBar> | undefined): StrategyBar[] {
  return Array.from({ length: count }, (_, i) => ({ ...barAt(utcOpen + i * FIVE, 100), ...shape(i) }));
}

/** Range at 09:30, a close above it at 09:45 (the first bar after the default 10-minute wait), then quiet trading at 102. */
function upDayOf(utcOpen: number, count = 78): StrategyBar[] {
  return sessionBars(utcOpen, count, (i) => {
    if (i === 0) return RANGE;
    if (i === 3) return UP;
    if (i > 3) return { open: 102, high: 102.5, low: 101.5, close: 102 };
    return undefined;
  });
}

const LONG: StrategyIntent = { target: 'long', setup: 'orb-up', reason: 'opening range breakout up', entry: { type: 'market' } };
const SHORT: StrategyIntent = { target: 'short', setup: 'orb-down', reason: 'opening range breakout down', entry: { type: 'market' } };
const SESSION_END: StrategyIntent = { target: 'flat', entry: { type: 'close' }, reason: 'session end' };

const WINTER_OPEN = Date.UTC(2024, 0, 10, 14, 30);

describe('orb: an up break, with the NYSE calendar (DST switch days included)', () => {
  it.each([
    ['winter day (EST, UTC-5)', 2024, 1, 10, Date.UTC(2024, 0, 10, 14, 30)],
    ['summer day (EDT, UTC-4)', 2024, 7, 10, Date.UTC(2024, 6, 10, 13, 30)],
    ['2024-03-11, the first session after the spring switch (EDT)', 2024, 3, 11, Date.UTC(2024, 2, 11, 13, 30)],
    ['2024-11-04, the first session after the autumn switch (EST)', 2024, 11, 4, Date.UTC(2024, 10, 4, 14, 30)],
  ])('%s: long at the 09:45 close, no stop or target by default; flat at the 15:55 close', (_label, y, m, d, utcOpen) => {
    expect(usEquitySession(daysFromCivil(y, m, d))?.open).toBe(utcOpen);
    const got = runStrategy(create(), upDayOf(utcOpen), true);
    expect(got).toEqual([
      { index: 3, time: utcOpen + 15 * MIN, position: 0, intent: LONG },
      { index: 77, time: utcOpen + 385 * MIN, position: 1, intent: SESSION_END },
    ]);
    expect(got.map((e) => ny(e.time))).toEqual(['09:45', '15:55']);
  });

  it('ignores pre-market bars: the range is the 09:30 bar, not the 09:25 one', () => {
    const bars = [{ ...barAt(WINTER_OPEN - FIVE, 100), high: 130, low: 70, volume: 100_000 }, ...upDayOf(WINTER_OPEN)];
    expect(runStrategy(create(), bars).map((e) => [e.index, e.intent])).toEqual([
      [4, LONG],
      [78, SESSION_END],
    ]);
  });

  it('on the 13:00 early close the day after Thanksgiving (2024-11-29): flat at the 12:55 close', () => {
    const open = Date.UTC(2024, 10, 29, 14, 30);
    expect(usEquitySession(daysFromCivil(2024, 11, 29))?.close).toBe(Date.UTC(2024, 10, 29, 18, 0));
    const got = runStrategy(create(), upDayOf(open, 42));
    expect(got).toEqual([
      { index: 3, time: open + 15 * MIN, position: 0, intent: LONG },
      { index: 41, time: Date.UTC(2024, 10, 29, 17, 55), position: 1, intent: SESSION_END },
    ]);
    expect(ny(got[1]!.time)).toBe('12:55');
  });
});

describe('orb: the first break decides the day', () => {
  /** Down at 09:45, up at 10:00, then trading above the range. */
  const downThenUp = sessionBars(WINTER_OPEN, 78, (i) => (i === 0 ? RANGE : i === 3 ? DOWN : i === 6 ? UP : i > 6 ? { open: 102, high: 102.5, low: 101.5, close: 102 } : undefined));

  it('a down break, then a later up break: short at 09:45, no flip, no second trade', () => {
    expect(runStrategy(create(), downThenUp, true)).toEqual([
      { index: 3, time: WINTER_OPEN + 15 * MIN, position: 0, intent: SHORT },
      { index: 77, time: WINTER_OPEN + 385 * MIN, position: -1, intent: SESSION_END },
    ]);
  });

  it('long only: the down day is a signal without position, never replaced by the later long; its shadow is closed at the session end', () => {
    expect(runStrategy(create({ longOnly: true }), downThenUp, true)).toEqual([
      { index: 3, time: WINTER_OPEN + 15 * MIN, position: 0, intent: { ...SHORT, observe: true } },
      { index: 77, time: WINTER_OPEN + 385 * MIN, position: 0, intent: SESSION_END },
    ]);
  });

  it('in a run without shorts the down break is still the signal (the engine keeps it without position), and the day ends flat', () => {
    expect(runStrategy(create(), downThenUp, false)).toEqual([
      { index: 3, time: WINTER_OPEN + 15 * MIN, position: 0, intent: SHORT },
      { index: 77, time: WINTER_OPEN + 385 * MIN, position: 0, intent: SESSION_END },
    ]);
  });

  it('short only: an up day is a signal without position', () => {
    expect(runStrategy(create({ shortOnly: true }), upDayOf(WINTER_OPEN), true)).toEqual([
      { index: 3, time: WINTER_OPEN + 15 * MIN, position: 0, intent: { ...LONG, observe: true } },
      { index: 77, time: WINTER_OPEN + 385 * MIN, position: 0, intent: SESSION_END },
    ]);
  });

  it('no break: nothing all day', () => {
    expect(runStrategy(create(), sessionBars(WINTER_OPEN, 78, (i) => (i === 0 ? RANGE : undefined)), true)).toEqual([]);
  });

  it('a break before the wait ends does not count: the 09:35 close above the range is only watched; the 10:00 close below it decides', () => {
    const early = sessionBars(WINTER_OPEN, 78, (i) => (i === 0 ? RANGE : i === 1 ? UP : undefined));
    expect(runStrategy(create(), early, true)).toEqual([]);
    const later = sessionBars(WINTER_OPEN, 78, (i) => (i === 0 ? RANGE : i === 1 ? UP : i === 6 ? DOWN : undefined));
    expect(runStrategy(create(), later, true).map((e) => [ny(e.time), e.intent])).toEqual([
      ['10:00', SHORT],
      ['15:55', SESSION_END],
    ]);
  });

  it('the wait boundary is exact: with wait 0 the 09:35 bar may break, with 5 the 09:40 one', () => {
    const bars = sessionBars(WINTER_OPEN, 78, (i) => (i === 0 ? RANGE : i === 1 || i === 2 ? UP : undefined));
    const firstSignal = (waitMinutes: number): number | undefined => runStrategy(create({ waitMinutes }), bars)[0]?.index;
    expect(firstSignal(0)).toBe(1);
    expect(firstSignal(5)).toBe(2);
    expect(firstSignal(10)).toBeUndefined();
  });

  it('a break on the session\u2019s last bar is not traded', () => {
    expect(runStrategy(create(), sessionBars(WINTER_OPEN, 78, (i) => (i === 0 ? RANGE : i === 77 ? UP : undefined)), true)).toEqual([]);
  });

  it('no 09:30 bar (a gap in the data): no range, no trade that day', () => {
    expect(runStrategy(create(), upDayOf(WINTER_OPEN).slice(1))).toEqual([]);
  });

  it('a zero-size range never trades', () => {
    const flatRange = sessionBars(WINTER_OPEN, 78, (i) => (i === 0 ? { open: 100, high: 100, low: 100, close: 100 } : i === 3 ? UP : undefined));
    expect(runStrategy(create(), flatRange)).toEqual([]);
  });

  it('trades again the next day: one trade a day, not one a run', () => {
    const bars = [...upDayOf(WINTER_OPEN), ...upDayOf(Date.UTC(2024, 0, 11, 14, 30))];
    expect(runStrategy(create(), bars).map((e) => [e.index, e.intent.target])).toEqual([
      [3, 'long'],
      [77, 'flat'],
      [81, 'long'],
      [155, 'flat'],
    ]);
  });

  it("flat at market on the next session's first bar when the closing bar was missing", () => {
    const day1 = upDayOf(WINTER_OPEN).slice(0, 77);
    const day2 = sessionBars(Date.UTC(2024, 0, 11, 14, 30), 78, () => ({ open: 102, high: 102.5, low: 101.5, close: 102 }));
    expect(runStrategy(create(), [...day1, ...day2])).toEqual([
      { index: 3, time: Date.UTC(2024, 0, 10, 14, 45), position: 0, intent: LONG },
      { index: 77, time: Date.UTC(2024, 0, 11, 14, 30), position: 1, intent: { target: 'flat', reason: 'session end (closing bar missing)', entry: { type: 'market' } } },
    ]);
  });
});

describe('orb: volume confirmation (off by default)', () => {
  it('with volumeFactor 1.2 a break on 1,199 against 1,000 is not traded, and the day stays decided', () => {
    const bars = sessionBars(WINTER_OPEN, 78, (i) => (i === 0 ? RANGE : i === 3 ? { ...UP, volume: 1199 } : i === 5 ? { ...UP, volume: 5000 } : undefined));
    expect(runStrategy(create({ volumeFactor: 1.2 }), bars)).toEqual([]);
    expect(runStrategy(create({ volumeFactor: 1.19 }), bars)[0]?.index).toBe(3);
    expect(runStrategy(create(), bars)[0]?.index).toBe(3);
  });
});

describe('orb: exits', () => {
  const first = (params: StrategyParams, bars: readonly StrategyBar[] = upDayOf(WINTER_OPEN)): StrategyIntent | undefined => runStrategy(create(params), bars, true)[0]?.intent;
  const downDay = sessionBars(WINTER_OPEN, 78, (i) => (i === 0 ? RANGE : i === 3 ? DOWN : undefined));

  it('stop: the opposite line, the midpoint, or a percent of the entry price', () => {
    expect(first({ stop: 'opposite' })).toEqual({ ...LONG, stopLoss: 99 });
    expect(first({ stop: 'opposite' }, downDay)).toEqual({ ...SHORT, stopLoss: 101 });
    expect(first({ stop: 'mid' })).toEqual({ ...LONG, stopLoss: 100 });
    expect(first({ stop: 'pct', stopPct: 0.3 })).toEqual({ ...LONG, stopLossPct: 0.3 });
  });

  it('take-profit: targetPct of the entry, or targetR ranges beyond the broken line', () => {
    expect(first({ targetPct: 1 })).toEqual({ ...LONG, takeProfitPct: 1 });
    expect(first({ targetR: 2 })).toEqual({ ...LONG, takeProfit: 105 });
    expect(first({ targetR: 1.5, stop: 'mid' }, downDay)).toEqual({ ...SHORT, stopLoss: 100, takeProfit: 96 });
  });

  it('no trade when a short\u2019s targetR target would not be a positive price', () => {
    const cheap = sessionBars(WINTER_OPEN, 78, (i) => {
      if (i === 0) return { open: 2, high: 3, low: 1, close: 2, volume: 1000 };
      if (i === 3) return { open: 1.5, high: 1.75, low: 0.25, close: 0.5 };
      return { open: 2, high: 2.5, low: 1.5, close: 2 };
    });
    expect(runStrategy(create({ targetR: 1 }), cheap, true)).toEqual([]); // 1 − 1 × 2 = −1
    expect(runStrategy(create({ targetR: 0.25 }), cheap, true)[0]?.intent).toEqual({ ...SHORT, takeProfit: 0.5 });
  });
});

describe('orb: chart levels', () => {
  const open = Date.UTC(2024, 6, 10, 13, 30);
  const close = Date.UTC(2024, 6, 10, 20, 0);

  it("each day's range high/low/mid over the session, and the trade's target and stop from the entry bar", () => {
    const s = create({ targetR: 2, stop: 'mid' });
    runStrategy(s, upDayOf(open).slice(0, 1));
    expect(s.levels?.()).toEqual([
      { label: 'OR high', price: 101, kind: 'range-high', from: open, to: close },
      { label: 'OR low', price: 99, kind: 'range-low', from: open, to: close },
      { label: 'OR mid', price: 100, kind: 'range-mid', from: open, to: close },
    ]);
    const s2 = create({ targetR: 2, stop: 'mid' });
    runStrategy(s2, upDayOf(open));
    expect(s2.levels?.().slice(3)).toEqual([
      { label: 'long target', price: 105, kind: 'target', from: open + 20 * MIN, to: close },
      { label: 'long stop', price: 100, kind: 'stop', from: open + 20 * MIN, to: close },
    ]);
  });

  it('percent exits are drawn from the entry bar\u2019s open (102), and a signal without position says so', () => {
    const s = create({ targetPct: 1, stop: 'pct', stopPct: 0.5, shortOnly: true });
    runStrategy(s, upDayOf(open));
    expect(s.levels?.().slice(3)).toEqual([
      { label: 'long target (no position)', price: 102 * (1 + 1 / 100), kind: 'target', from: open + 20 * MIN, to: close },
      { label: 'long stop (no position)', price: 102 * (1 - 0.5 / 100), kind: 'stop', from: open + 20 * MIN, to: close },
    ]);
  });
});

describe('orb: parameters and setup', () => {
  it('fills the trader\u2019s defaults and refuses bad values naming the field', () => {
    expect(orbStrategy.resolveParams({})).toEqual({
      ok: true,
      params: { waitMinutes: 10, volumeFactor: 0, longOnly: false, shortOnly: false, targetPct: 0, targetR: 0, stop: 'none', stopPct: 0.5 },
    });
    expect(orbStrategy.resolveParams({ waitMinutes: 7.5 })).toMatchObject({ ok: false, field: 'waitMinutes', message: 'waitMinutes must be an integer (got 7.5)' });
    expect(orbStrategy.resolveParams({ volumeFactor: -1 })).toMatchObject({ ok: false, field: 'volumeFactor', message: 'volumeFactor must be between 0 and 10 (got -1)' });
    expect(orbStrategy.resolveParams({ stop: 'midpoint' })).toEqual({ ok: false, field: 'stop', message: 'stop must be one of none, opposite, mid, pct (got "midpoint")' });
    expect(orbStrategy.resolveParams({ longOnly: true, shortOnly: true })).toEqual({ ok: false, field: 'shortOnly', message: 'longOnly and shortOnly cannot both be on' });
    expect(orbStrategy.resolveParams({ targetPct: 1, targetR: 2 })).toEqual({ ok: false, field: 'targetR', message: 'give targetPct or targetR, not both' });
    expect(orbStrategy.resolveParams({ stopAtOpposite: true })).toMatchObject({ ok: false, field: 'stopAtOpposite' });
  });

  it('runs only on 5m bars of US equities, and trades both directions by default', () => {
    expect(() => orbStrategy.create({}, { market: 'crypto', intervalMs: FIVE })).toThrow('orb runs on US equities only (got market crypto)');
    expect(() => orbStrategy.create({}, { market: 'us-equity', intervalMs: MIN })).toThrow('orb runs on 5-minute bars only (got intervalMs 60000)');
    expect(() => orbStrategy.create({ stop: 'pct', stopPct: 0 }, { market: 'us-equity', intervalMs: FIVE })).toThrow(/stopPct/);
    expect(orbStrategy.shortsByDefault).toBe(true);
  });
});
