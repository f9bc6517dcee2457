import { describe, expect, it } from 'vitest';
import type { EpochMs } from '../../../../../shared/domain/epoch';
import { DEFAULT_FILL_CONFIG, fillModelConfigSchema } from '../../../../../src-main/trading/paper/fill-config';
import { planFills, type FillCandidate } from '../../../../../src-main/trading/paper/fill-model';
import type { BarEvent, QuoteEvent, TradeEvent } from '../../../../../src-main/trading/paper/market-event';
import { AAPL, T0 } from '../trading-fixtures';

const t = (ms: number) => (T0 + ms) as EpochMs;
const base = { source: AAPL.source, symbol: AAPL.symbol };
const quote = (ms: number, bid: number, ask: number, sizes: Partial<QuoteEvent> = {}): QuoteEvent => ({ kind: 'quote', ...base, time: t(ms), bid, ask, ...sizes });
const trade = (ms: number, price: number, size: number): TradeEvent => ({ kind: 'trade', ...base, time: t(ms), price, size });
const bar = (ms: number, open: number, high: number, low: number, close: number, volume = 0): BarEvent => ({ kind: 'bar', ...base, time: t(ms), endTime: t(ms + 60_000), open, high, low, close, volume });

let seq = 0;
function cand(c: Partial<FillCandidate> & Pick<FillCandidate, 'side' | 'type'>): FillCandidate {
  seq++;
  return { id: `o${String(seq)}`, limitPrice: null, stopPrice: null, triggered: false, arriving: false, remaining: 10, ocoGroup: null, seq, submittedAt: T0, eligibleAt: T0 + 100, ...c };
}

describe('latency, by the market clock', () => {
  const buy = cand({ id: 'm', side: 'buy', type: 'market', arriving: true });
  it('a quote before submittedAt + 100 ms is not met; at it, it is', () => {
    expect(planFills([buy], quote(99, 100, 100.05), AAPL, DEFAULT_FILL_CONFIG)).toEqual({ fills: [], triggered: [], met: [], quoteLeft: { bid: null, ask: null } });
    expect(planFills([buy], quote(100, 100, 100.05), AAPL, DEFAULT_FILL_CONFIG).fills).toEqual([{ id: 'm', qty: 10, price: 100.06, time: t(100) }]);
  });

  it('a bar is whole for an order sent before it opened; one sent during it meets only its close; one too late waits', () => {
    const before = cand({ id: 'b', side: 'buy', type: 'market', submittedAt: T0, eligibleAt: T0 + 100 });
    const during = cand({ id: 'd', side: 'buy', type: 'market', submittedAt: T0 + 30_000, eligibleAt: T0 + 30_100 });
    const late = cand({ id: 'l', side: 'buy', type: 'market', submittedAt: T0 + 59_950, eligibleAt: T0 + 60_050 });
    const plan = planFills([before, during, late], bar(0, 100, 101, 99, 100.5), AAPL, DEFAULT_FILL_CONFIG);
    expect(plan.fills).toEqual([
      { id: 'b', qty: 10, price: 100.01, time: t(0) },
      { id: 'd', qty: 10, price: 100.51, time: t(30_100) },
    ]);
    expect(plan.met).toEqual(['b', 'd']);
  });
});

describe('volume', () => {
  it('a trade fills at most 10% of its size; orders share it in placement order', () => {
    const a = cand({ id: 'a', side: 'buy', type: 'market', remaining: 12 });
    const b = cand({ id: 'b', side: 'buy', type: 'market', remaining: 12 });
    expect(planFills([a, b], trade(200, 170, 150), AAPL, DEFAULT_FILL_CONFIG).fills).toEqual([
      { id: 'a', qty: 12, price: 170.01, time: t(200) },
      { id: 'b', qty: 3, price: 170.01, time: t(200) },
    ]);
  });

  it('rounded down to the lot; a bar without volume has no cap; no cap at all with participation null', () => {
    const a = cand({ id: 'a', side: 'sell', type: 'market', remaining: 10 });
    expect(planFills([a], trade(200, 170, 59), AAPL, DEFAULT_FILL_CONFIG).fills).toEqual([{ id: 'a', qty: 5, price: 169.99, time: t(200) }]);
    expect(planFills([a], trade(200, 170, 9), AAPL, DEFAULT_FILL_CONFIG).fills).toEqual([]);
    expect(planFills([a], bar(0, 170, 171, 169, 170), AAPL, DEFAULT_FILL_CONFIG).fills).toEqual([{ id: 'a', qty: 10, price: 169.99, time: t(0) }]);
    expect(planFills([a], bar(0, 170, 171, 169, 170, 40), AAPL, DEFAULT_FILL_CONFIG).fills).toEqual([{ id: 'a', qty: 4, price: 169.99, time: t(0) }]);
    expect(planFills([a], trade(200, 170, 1), AAPL, fillModelConfigSchema.parse({ participation: null })).fills).toEqual([{ id: 'a', qty: 10, price: 169.99, time: t(200) }]);
  });

  it('a quote with sizes fills at most the displayed size on the side taken, and says what is left', () => {
    const buy = cand({ id: 'b', side: 'buy', type: 'market', remaining: 5 });
    const sell = cand({ id: 's', side: 'sell', type: 'market', remaining: 2 });
    expect(planFills([buy, sell], quote(200, 100, 100.05, { bidSize: 7, askSize: 3 }), AAPL, DEFAULT_FILL_CONFIG)).toEqual({
      fills: [
        { id: 'b', qty: 3, price: 100.06, time: t(200) },
        { id: 's', qty: 2, price: 99.99, time: t(200) },
      ],
      triggered: [],
      met: ['b', 's'],
      quoteLeft: { bid: 5, ask: 0 },
    });
  });
});

describe('a bracket whose stop and take-profit one bar both reaches', () => {
  // a long's exits: take-profit sell limit 101.5, stop sell 99.5, one OCO group; the bar opens 100
  const tp = () => cand({ id: 'tp', side: 'sell', type: 'limit', limitPrice: 101.5, ocoGroup: 'g' });
  const sl = () => cand({ id: 'sl', side: 'sell', type: 'stop', stopPrice: 99.5, ocoGroup: 'g' });
  // open 100: nearer the high (1.6) than the low (2) → the path goes up first and reaches the take-profit first
  const upFirst = bar(60_000, 100, 101.6, 98, 99);

  it("stop first by default: only the stop fills", () => {
    expect(planFills([tp(), sl()], upFirst, AAPL, DEFAULT_FILL_CONFIG).fills).toEqual([{ id: 'sl', qty: 10, price: 99.49, time: t(60_000) }]);
  });

  it("'path': whichever the path reaches first", () => {
    const path = fillModelConfigSchema.parse({ sameBarExits: 'path' });
    expect(planFills([tp(), sl()], upFirst, AAPL, path).fills).toEqual([{ id: 'tp', qty: 10, price: 101.5, time: t(60_000) }]);
    expect(planFills([tp(), sl()], bar(60_000, 100, 102, 99, 101), AAPL, path).fills).toEqual([{ id: 'sl', qty: 10, price: 99.49, time: t(60_000) }]);
  });

  it('a gap through the take-profit fills it at the open, whatever the rule', () => {
    expect(planFills([tp(), sl()], bar(60_000, 102, 102.5, 99, 99.2), AAPL, DEFAULT_FILL_CONFIG).fills).toEqual([{ id: 'tp', qty: 10, price: 102, time: t(60_000) }]);
  });

  it('legs share their quantity: a partial fill of one leaves the other less', () => {
    const fills = planFills([tp(), sl()], bar(60_000, 100, 101.6, 98, 99, 60), AAPL, fillModelConfigSchema.parse({ participation: 1 })).fills;
    expect(fills).toEqual([{ id: 'sl', qty: 10, price: 99.49, time: t(60_000) }]);
    const small = planFills([tp(), sl()], bar(60_000, 100, 101.6, 98, 99, 40), AAPL, DEFAULT_FILL_CONFIG).fills;
    expect(small).toEqual([{ id: 'sl', qty: 4, price: 99.49, time: t(60_000) }]);
  });
});
