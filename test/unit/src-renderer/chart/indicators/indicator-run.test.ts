import { describe, expect, it } from 'vitest';
import { defaultIndicator, type ChartIndicator } from '../../../../../shared/chart/chart-indicator-settings';
import { bar, type Bar } from '../../../../../shared/domain/bar';
import { atr, bollinger, ema, macd, rsi, sma, vwap } from '../../../../../shared/indicators';
import { IndicatorRun } from '../../../../../src-renderer/chart/indicators/indicator-run';
import { prng } from '../../../../helpers/prng';

const DAY = 86_400_000;
const MINUTE = 60_000;
const dayOf = (t: number): number => Math.floor(t / DAY);

/** 600 one-minute bars over a day boundary, each seen as it forms: 4 ticks, then final. */
function tape(seed: number): { readonly ticks: Bar[][]; readonly bars: Bar[] } {
  const random = prng(seed);
  const bars: Bar[] = [];
  const ticks: Bar[][] = [];
  let price = 100;
  const start = 20_000 * DAY - 300 * MINUTE;
  for (let i = 0; i < 600; i++) {
    const time = start + i * MINUTE;
    const open = price;
    let high = open;
    let low = open;
    let volume = 0;
    for (let k = 0; k < 5; k++) {
      price = Math.round((price + (random() - 0.5) * 0.8) * 100) / 100;
      high = Math.max(high, price);
      low = Math.min(low, price);
      volume += Math.round(random() * 50);
      const forming = bar(time, open, high, low, price, volume, k + 1, k === 4);
      ticks.push([...bars, forming]);
    }
    bars.push(bar(time, open, high, low, price, volume, 5, true));
  }
  return { ticks, bars };
}

function columns(bars: readonly Bar[]) {
  return {
    open: bars.map((b) => b.open),
    high: bars.map((b) => b.high),
    low: bars.map((b) => b.low),
    close: bars.map((b) => b.close),
    volume: bars.map((b) => b.volume),
    keys: bars.map((b) => dayOf(b.time)),
  };
}

/** The batch functions of the shared library, as arrays per output. */
function batch(ind: ChartIndicator, bars: readonly Bar[]): number[][] {
  const c = columns(bars);
  switch (ind.kind) {
    case 'sma':
      return [Array.from(sma(c.close, ind.period))];
    case 'ema':
      return [Array.from(ema(c.close, ind.period))];
    case 'rsi':
      return [Array.from(rsi(c.close, ind.period))];
    case 'atr':
      return [Array.from(atr(c.high, c.low, c.close, ind.period))];
    case 'vwap':
      return [Array.from(vwap(c.high, c.low, c.close, c.volume, c.keys))];
    case 'bb': {
      const b = bollinger(c.close, ind.period, ind.k);
      return [Array.from(b.upper), Array.from(b.middle), Array.from(b.lower)];
    }
    case 'macd': {
      const m = macd(c.close, ind.fast, ind.slow, ind.signal);
      return [Array.from(m.macd), Array.from(m.signal), Array.from(m.histogram)];
    }
  }
}

const valuesOf = (run: IndicatorRun): number[][] => Array.from({ length: run.outputs }, (_, k) => [...run.values(k)]);

const INDICATORS: readonly ChartIndicator[] = [
  defaultIndicator('sma'),
  { kind: 'sma', period: 1 },
  defaultIndicator('ema'),
  { kind: 'ema', period: 50 },
  defaultIndicator('rsi'),
  defaultIndicator('atr'),
  defaultIndicator('vwap'),
  defaultIndicator('bb'),
  { kind: 'bb', period: 10, k: 1.5 },
  defaultIndicator('macd'),
  { kind: 'macd', fast: 5, slow: 35, signal: 5 },
];

describe('IndicatorRun: a chart indicator kept up to date tick by tick equals a full recompute, to the last bit', () => {
  const { ticks, bars } = tape(42);

  it.each(INDICATORS.map((ind) => [JSON.stringify(ind), ind] as const))('%s', (_name, ind) => {
    const run = new IndicatorRun(ind, dayOf);
    run.reset([]);
    let firstChanged = 0;
    for (const list of ticks) firstChanged = run.update(list);
    expect(firstChanged).toBe(bars.length - 1);
    expect(valuesOf(run)).toEqual(batch(ind, bars));
    const fresh = new IndicatorRun(ind, dayOf);
    fresh.reset(bars);
    expect(valuesOf(fresh)).toEqual(valuesOf(run));
  });

  it('also equals it at every step while the last bar forms (the forming bar as if it were final)', () => {
    const ind = defaultIndicator('macd');
    const run = new IndicatorRun(ind, dayOf);
    run.reset([]);
    for (const list of ticks.slice(0, 400)) {
      run.update(list);
      const want = batch(ind, list).map((column) => column.at(-1));
      expect(valuesOf(run).map((column) => column.at(-1))).toEqual(want);
    }
  });

  it('answers which bars changed: only the forming bar while it forms, the new bars when bars are added', () => {
    const run = new IndicatorRun(defaultIndicator('sma'), dayOf);
    run.reset(bars.slice(0, 100));
    expect(run.update(bars.slice(0, 100))).toBe(99);
    expect(run.update(bars.slice(0, 103))).toBe(99);
    expect(run.update(bars.slice(0, 103))).toBe(102);
    expect(run.values(0)).toHaveLength(103);
  });

  it('recomputes from scratch when the bars do not continue what it committed (older bars put in front, a shorter list)', () => {
    const ind = defaultIndicator('ema');
    const run = new IndicatorRun(ind, dayOf);
    run.reset(bars.slice(300));
    expect(run.update(bars)).toBe(0);
    expect(valuesOf(run)).toEqual(batch(ind, bars));
    expect(run.update(bars.slice(0, 50))).toBe(0);
    expect(valuesOf(run)).toEqual(batch(ind, bars.slice(0, 50)));
  });
});
