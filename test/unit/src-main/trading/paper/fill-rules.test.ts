import { describe, expect, it } from 'vitest';
import { barPath } from '../../../../../src-main/trading/paper/bar-path';
import { DEFAULT_FILL_CONFIG, fillModelConfigSchema } from '../../../../../src-main/trading/paper/fill-config';
import { atPrice, onBar, type OrderTerms } from '../../../../../src-main/trading/paper/fill-rules';
import { slipped } from '../../../../../src-main/trading/paper/slippage';

const TOUCH = fillModelConfigSchema.parse({ limitFill: 'touch' });
const BPS = fillModelConfigSchema.parse({ slippage: { unit: 'bps', amount: 10 } });
const NO_SLIP = fillModelConfigSchema.parse({ slippage: { unit: 'ticks', amount: 0 } });

function terms(t: Partial<OrderTerms> & Pick<OrderTerms, 'side' | 'type'>): OrderTerms {
  return { limitPrice: null, stopPrice: null, triggered: false, arriving: false, ...t };
}

const mkt = (side: 'buy' | 'sell') => terms({ side, type: 'market', arriving: true });
const lim = (side: 'buy' | 'sell', limitPrice: number, arriving = false) => terms({ side, type: 'limit', limitPrice, arriving });
const stp = (side: 'buy' | 'sell', stopPrice: number) => terms({ side, type: 'stop', stopPrice });
const stl = (side: 'buy' | 'sell', stopPrice: number, limitPrice: number, triggered = false) => terms({ side, type: 'stop_limit', stopPrice, limitPrice, triggered });

describe('the defaults', () => {
  it('through, 1 tick of slippage, 100 ms, 10% of volume, stop first', () => {
    expect(DEFAULT_FILL_CONFIG).toEqual({ limitFill: 'through', slippage: { unit: 'ticks', amount: 1 }, latencyMs: 100, participation: 0.1, sameBarExits: 'stop_first' });
  });
});

describe('slippage', () => {
  it('ticks or basis points, always against the trader, on the tick, capped by a bar', () => {
    expect(slipped(100, 'buy', DEFAULT_FILL_CONFIG, 0.01)).toBe(100.01);
    expect(slipped(100, 'sell', DEFAULT_FILL_CONFIG, 0.01)).toBe(99.99);
    // 10 bps of 99.99 = 0.09999 → 99.89001 → down to 99.89
    expect(slipped(99.99, 'sell', BPS, 0.01)).toBe(99.89);
    expect(slipped(100, 'buy', BPS, 0.01)).toBe(100.1);
    expect(slipped(5200, 'buy', DEFAULT_FILL_CONFIG, 0.25)).toBe(5200.25);
    expect(slipped(103, 'buy', DEFAULT_FILL_CONFIG, 0.01, { low: 102, high: 103 })).toBe(103);
    expect(slipped(0.01, 'sell', DEFAULT_FILL_CONFIG, 0.01)).toBe(0.01);
  });
});

describe('at one price (a quote side or a trade)', () => {
  it.each<[string, OrderTerms, number, number | null, boolean]>([
    ['market buy at the ask + 1 tick', mkt('buy'), 100.05, 100.06, false],
    ['market sell at the bid − 1 tick', mkt('sell'), 100, 99.99, false],
    ['arriving buy limit below the limit: the better price', lim('buy', 100, true), 99.98, 99.98, false],
    ['arriving buy limit at the limit', lim('buy', 100, true), 100, 100, false],
    ['arriving buy limit above the market: rests', lim('buy', 100, true), 100.01, null, false],
    ['resting buy limit traded through: at its limit', lim('buy', 100), 99.99, 100, false],
    ['resting buy limit only touched: no fill', lim('buy', 100), 100, null, false],
    ['resting sell limit traded through', lim('sell', 101), 101.01, 101, false],
    ['resting sell limit touched', lim('sell', 101), 101, null, false],
    ['buy stop not reached', stp('buy', 101), 100.99, null, false],
    ['buy stop reached: at the stop + 1 tick', stp('buy', 101), 101, 101.01, true],
    ['buy stop jumped over: at the price met + 1 tick', stp('buy', 101), 101.5, 101.51, true],
    ['sell stop reached', stp('sell', 99), 99, 98.99, true],
    ['sell stop jumped over', stp('sell', 99), 98.5, 98.49, true],
    ['stop-limit triggered within its limit: at the price met', stl('buy', 101, 101.1), 101.05, 101.05, true],
    ['stop-limit triggered beyond its limit: rests as a limit', stl('buy', 101, 101.1), 101.2, null, true],
    ['a triggered stop is a market order', terms({ side: 'buy', type: 'stop', stopPrice: 101, triggered: true }), 102, 102.01, false],
    ['a triggered stop-limit rests as a limit (through)', stl('buy', 101, 101.1, true), 101.09, 101.1, false],
  ])('%s', (_name, t, price, fill, triggered) => {
    expect(atPrice(t, price, DEFAULT_FILL_CONFIG, 0.01)).toEqual({ price: fill, triggered, position: 0 });
  });

  it("touch: a resting limit fills when the market reaches it (limitFill 'touch')", () => {
    expect(atPrice(lim('buy', 100), 100, TOUCH, 0.01).price).toBe(100);
    expect(atPrice(lim('sell', 101), 101, TOUCH, 0.01).price).toBe(101);
  });
});

describe('a bar', () => {
  // open 100 is nearer the low (1) than the high (2): the path is O→L→H→C
  const BAR = { open: 100, high: 102, low: 99, close: 101 };

  it('path: O→H→L→C, or O→L→H→C when the open is nearer the low (a tie goes high first)', () => {
    expect(barPath(BAR)).toEqual([
      { low: 99, high: 100 },
      { low: 99, high: 102 },
      { low: 101, high: 102 },
    ]);
    expect(barPath({ open: 100, high: 101, low: 99, close: 99.5 })).toEqual([
      { low: 100, high: 101 },
      { low: 99, high: 101 },
      { low: 99, high: 99.5 },
    ]);
  });

  it.each<[string, OrderTerms, { open: number; high: number; low: number; close: number }, number | null, number, boolean]>([
    ['market buy at the open + 1 tick', mkt('buy'), BAR, 100.01, 0, false],
    ['resting buy limit the bar trades through: at the limit, on the way down', lim('buy', 99.5), BAR, 99.5, 1, false],
    ['resting buy limit at the low: not traded through', lim('buy', 99), BAR, null, 0, false],
    ['arriving buy limit above the open: at the open', lim('buy', 100.5, true), BAR, 100, 0, false],
    ['resting buy limit the bar opens through: at the open (a gap)', lim('buy', 100.5), BAR, 100, 0, false],
    ['resting sell limit reached on the way up (second leg)', lim('sell', 101.5), BAR, 101.5, 2, false],
    ['buy stop reached on the way up: at the stop + 1 tick', stp('buy', 101.5), BAR, 101.51, 2, true],
    ['sell stop reached on the way down', stp('sell', 99.5), BAR, 99.49, 1, true],
    ['sell stop the bar opens below: at the open − 1 tick (a gap)', stp('sell', 99.5), { open: 98, high: 99, low: 97.5, close: 98.5 }, 97.99, 0, true],
    ['buy stop gap, slippage capped at the high', stp('buy', 101), { open: 103, high: 103, low: 102, close: 102.5 }, 103, 0, true],
    ['stop-limit triggered inside its limit: at the stop', stl('buy', 101, 101.5), BAR, 101, 2, true],
    ['stop-limit triggered beyond its limit, never back to it', stl('buy', 101, 100.5), BAR, null, 0, true],
    ['stop-limit triggered at the open, its limit reached later', stl('buy', 99.5, 99.8), BAR, 99.8, 1, true],
  ])('%s', (_name, t, bar, fill, position, triggered) => {
    expect(onBar(t, bar, DEFAULT_FILL_CONFIG, 0.01)).toEqual({ price: fill, triggered, position });
  });

  it("touch fills a limit at the bar's extreme; no slippage: a stop exactly at its price", () => {
    expect(onBar(lim('buy', 99), BAR, TOUCH, 0.01)).toEqual({ price: 99, triggered: false, position: 1 });
    expect(onBar(stp('sell', 99.5), BAR, NO_SLIP, 0.01)).toEqual({ price: 99.5, triggered: true, position: 1 });
  });
});
