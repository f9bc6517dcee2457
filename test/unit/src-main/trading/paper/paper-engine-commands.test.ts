import { describe, expect, it } from 'vitest';
import { ocoRequestSchema } from '../../../../../shared/trading/oco-request';
import type { PaperInput } from '../../../../../src-main/trading/paper/paper-engine';
import { advanceClock, cancelOrder, killSwitch, placeOrder, replaceOrder, stepPaper } from '../../../../../src-main/trading/paper/paper-engine';
import { restorePaperState } from '../../../../../src-main/trading/paper/paper-state';
import { AAPL, AAPL_CALL, BTC, request } from '../trading-fixtures';
import { bar, drive, fills, market, paper, place, quote, story, t, trade } from './paper-harness';

const HOUR = 3_600_000;

describe('placing: bad input is refused whole, a retry is the same order', () => {
  it('refuses naming the field; the state is untouched', () => {
    const s = paper();
    const r = placeOrder(s, { request: request(AAPL, { qty: 1.5, type: 'limit', limitPrice: 100.005 }), instrument: AAPL, now: t(0) });
    expect(r).toEqual({
      ok: false,
      field: 'qty',
      message: 'qty 1.5 is not a multiple of the lot size 1',
      errors: [
        { field: 'qty', message: 'qty 1.5 is not a multiple of the lot size 1' },
        { field: 'limitPrice', message: 'limitPrice 100.005 is off the tick 0.01' },
      ],
    });
    expect(s.live.size).toBe(0);
    expect(placeOrder(s, { request: request(AAPL, { accountId: 'other' }), instrument: AAPL, now: t(0) })).toMatchObject({ ok: false, field: 'accountId', message: 'unknown account other' });
  });

  it('a take-profit on the wrong side of the standing quote is refused', () => {
    const s = drive(paper(), [market(quote(AAPL, 0, 100, 100.05))]).state;
    expect(placeOrder(s, { request: request(AAPL, { takeProfit: 99 }), instrument: AAPL, now: t(10) })).toMatchObject({
      ok: false,
      field: 'takeProfit',
      message: 'takeProfit 99.00 must be above the entry price 100.05 for a buy',
    });
  });

  it('the same client order id: same contents give the same orders and no effects; other contents are refused', () => {
    const first = drive(paper(), [place(AAPL, 0, { qty: 5, type: 'limit', limitPrice: 99, clientOrderId: 'c1', takeProfit: 101 })]);
    const again = placeOrder(first.state, { request: request(AAPL, { qty: 5, type: 'limit', limitPrice: 99, clientOrderId: 'c1', takeProfit: 101 }), instrument: AAPL, now: t(10) });
    expect(again.ok && [again.effects, again.orders.map((o) => `${o.id} ${o.status}`)]).toEqual([[], ['p1 accepted', 'p1.tp held']]);
    expect(placeOrder(first.state, { request: request(AAPL, { qty: 6, type: 'limit', limitPrice: 99, clientOrderId: 'c1' }), instrument: AAPL, now: t(10) })).toMatchObject({
      ok: false,
      field: 'clientOrderId',
      message: 'clientOrderId c1 was already used for a different order (qty 5 there, 6 here)',
    });
  });
});

describe('cancel and replace', () => {
  const bracket = place(AAPL, 0, { qty: 10, type: 'limit', limitPrice: 100, takeProfit: 102, stopLoss: 98 });

  it('cancelling a working entry cancels its held exits', () => {
    const s = drive(paper(), [bracket]).state;
    const r = cancelOrder(s, { orderId: 'p1', now: t(500) });
    expect(r.ok && story(r.effects)).toEqual(['order p1 pending_cancel 0/10 lmt 100', 'order p1 canceled 0/10 lmt 100', 'order p1.tp canceled 0/10', 'order p1.sl canceled 0/10']);
    expect(r.ok && r.state.live.size).toBe(0);
    expect(cancelOrder(s, { orderId: 'zz', now: t(500) })).toMatchObject({ ok: false, field: 'id', message: 'no working order zz' });
  });

  it('cancelling an armed exit cancels its sibling', () => {
    const s = drive(paper(), [bracket, market(quote(AAPL, 100, 99.9, 100))]).state;
    const r = cancelOrder(s, { orderId: 'p1.sl', now: t(500) });
    expect(r.ok && story(r.effects)).toEqual(['order p1.sl pending_cancel 0/10 stp 98', 'order p1.tp pending_cancel 0/10 lmt 102', 'order p1.sl canceled 0/10 stp 98', 'order p1.tp canceled 0/10 lmt 102']);
  });

  it('a replace moves the limit (sent again: latency, arriving anew) and it fills there', () => {
    const s = drive(paper(), [place(AAPL, 0, { qty: 10, type: 'limit', limitPrice: 99 }), market(quote(AAPL, 200, 99.5, 99.6))]).state;
    const r = replaceOrder(s, { orderId: 'p1', limitPrice: 99.6, now: t(300) });
    expect(r.ok && story(r.effects)).toEqual(['order p1 pending_replace 0/10 lmt 99', 'order p1 accepted 0/10 lmt 99.6']);
    if (!r.ok) return;
    // not before t+400; then the standing ask 99.60 meets the arriving limit
    expect(fills(drive(r.state, [market(quote(AAPL, 399, 99.5, 99.6))]).effects)).toEqual([]);
    expect(fills(drive(r.state, [market(quote(AAPL, 450, 99.55, 99.65))]).effects)).toEqual(['fill p1 buy 10 @ 99.6 fee 1 t+400', 'position AAPL 10 @ 99.6 pnl 0 fees 1']);
  });

  it('refuses a replace the order cannot take', () => {
    const s = drive(paper(), [place(AAPL, 0, { qty: 30 }), market(trade(AAPL, 200, 170, 100))]).state;
    expect(replaceOrder(s, { orderId: 'p1', limitPrice: 170, now: t(300) })).toMatchObject({ ok: false, field: 'limitPrice', message: 'a market order has no limitPrice' });
    expect(replaceOrder(s, { orderId: 'p1', qty: 10, now: t(300) })).toMatchObject({ ok: false, field: 'qty', message: 'qty 10 is not above the 10 already filled' });
    expect(replaceOrder(s, { orderId: 'p1', qty: 10.5, now: t(300) })).toMatchObject({ ok: false, field: 'qty', message: 'qty 10.5 is not a multiple of the lot size 1' });
  });
});

describe('time in force', () => {
  it('IOC: what the first meeting with the market does not fill is canceled', () => {
    const r = drive(paper(), [place(AAPL, 0, { qty: 10, type: 'limit', limitPrice: 99, tif: 'ioc' }), market(quote(AAPL, 200, 99.5, 99.6))]);
    expect(story(r.effects)).toEqual(['order p1 new 0/10 lmt 99', 'order p1 accepted 0/10 lmt 99', 'order p1 canceled 0/10 lmt 99']);
    const partial = drive(paper(), [place(AAPL, 0, { qty: 30, tif: 'ioc' }), market(trade(AAPL, 200, 170, 100))]);
    expect(story(partial.effects).slice(2)).toEqual(['fill p1 buy 10 @ 170.01 fee 1 t+200', 'position AAPL 10 @ 170.01 pnl 0 fees 1', 'order p1 partially_filled 10/30', 'order p1 canceled 10/30']);
  });

  it('a day order expires at the close of its session (16:00 New York); GTC stays', () => {
    const s = drive(paper(), [place(AAPL, 0, { qty: 10, type: 'limit', limitPrice: 90 }), place(AAPL, 0, { qty: 10, type: 'limit', limitPrice: 91, tif: 'gtc' })]).state;
    expect(story(advanceClock(s, t(6 * HOUR - 1)).effects)).toEqual([]);
    const closed = advanceClock(s, t(6 * HOUR));
    expect(story(closed.effects)).toEqual(['order p1 expired 0/10 lmt 90']);
    expect([...closed.state.live.keys()]).toEqual(['p2']);
  });

  it('crypto day orders end at midnight UTC; a partly filled day entry arms its exits for what filled', () => {
    const s = drive(paper(), [place(BTC, 0, { qty: 1, type: 'limit', limitPrice: 60000, takeProfit: { kind: 'percent', percent: 1 } }), market(trade(BTC, 200, 59990, 2))]).state;
    // the trade at 59,990 met the arriving limit: 10% of 2 filled at the better price
    expect(fills(drive(paper(), [place(BTC, 0, { qty: 1, type: 'limit', limitPrice: 60000 }), market(trade(BTC, 200, 59990, 2))]).effects)).toEqual([
      'fill p1 buy 0.2 @ 59990 fee 11.998 t+200',
      'position BTCUSDT 0.2 @ 59990 pnl 0 fees 11.998',
    ]);
    const r = advanceClock(s, t(10 * HOUR));
    // 59,990 + 1% = 60,589.90
    expect(story(r.effects)).toEqual(['order p1 expired 0.2/1 lmt 60000', 'order p1.tp new 0/0.2 lmt 60589.9', 'order p1.tp accepted 0/0.2 lmt 60589.9']);
  });
});

describe('kill switch and flatten', () => {
  it('cancels every live order (held exits too) and closes every position at market', () => {
    const s = drive(paper(), [
      place(AAPL, 0, { qty: 10, takeProfit: 105, stopLoss: 95 }),
      place(AAPL_CALL, 0, { qty: 2, type: 'limit', limitPrice: 1.5, takeProfit: 2 }),
      market(quote(AAPL, 100, 99.99, 100)),
    ]).state;
    const k = killSwitch(s, { now: t(1000) });
    expect(k.ok && [k.canceled, k.flattened]).toEqual([4, 1]);
    expect(k.ok && story(k.effects)).toEqual([
      'order p1.tp pending_cancel 0/10 lmt 105',
      'order p1.sl pending_cancel 0/10 stp 95',
      'order p1.tp canceled 0/10 lmt 105',
      'order p1.sl canceled 0/10 stp 95',
      // the flatten order (ids: p1 the AAPL entry, p2 the call, p3 the AAPL fill)
      'order p4 new 0/10',
      'order p4 accepted 0/10',
      'order p2 pending_cancel 0/2 lmt 1.5',
      'order p2.tp canceled 0/2',
      'order p2 canceled 0/2 lmt 1.5',
    ]);
    if (!k.ok) return;
    // the flatten order meets the standing book after its latency
    // bought at 100.01, sold at the bid 99.99 − 1 tick: (99.98 − 100.01) × 10
    expect(fills(advanceClock(k.state, t(1100)).effects)).toEqual(['fill p4 sell 10 @ 99.98 fee 1 t+1100', 'position AAPL 0 @ 0 pnl -0.3 fees 2']);
  });

  it('flatten one instrument only', () => {
    const s = drive(paper(), [place(AAPL, 0, { qty: 10 }), place(BTC, 0, { qty: 0.1 }), market(quote(AAPL, 100, 99.99, 100)), market(quote(BTC, 100, 60000, 60001))]).state;
    const r = stepPaper(s, { kind: 'flatten', cmd: { now: t(500), source: 'binance', symbol: BTC.symbol } });
    expect(r.ok && story(r.effects)).toEqual(['order p5 new 0/0.1', 'order p5 accepted 0/0.1']);
  });
});

it('a stand-alone OCO: the stop leg filling cancels the limit leg', () => {
  const oco = ocoRequestSchema.parse({ accountId: 'acc1', source: 'alpaca', symbol: 'AAPL', side: 'sell', qty: 10, limitPrice: 105, stopPrice: 95 });
  const r = drive(paper(), [{ kind: 'placeOco', cmd: { request: oco, instrument: AAPL, now: t(0) } }, market(bar(AAPL, 0, [96, 97, 94, 94.5], 1000))]);
  expect(story(r.effects).slice(4)).toEqual([
    'fill p1.stop sell 10 @ 94.99 fee 1 t+0',
    'position AAPL -10 @ 94.99 pnl 0 fees 1',
    'order p1.stop filled 10/10 stp 95',
    'order p1.limit pending_cancel 0/10 lmt 105',
    'order p1.limit canceled 0/10 lmt 105',
  ]);
});

describe('deterministic', () => {
  const script: PaperInput[] = [
    place(AAPL, 0, { qty: 40, type: 'limit', limitPrice: 100, takeProfit: { kind: 'percent', percent: 1 }, stopLoss: { kind: 'ticks', ticks: 50 } }),
    place(BTC, 0, { qty: 0.25, side: 'sell', takeProfit: { kind: 'amount', amount: 100 } }),
    market(trade(BTC, 150, 60000, 1)),
    market(trade(BTC, 250, 59990, 3)),
    market(bar(AAPL, 0, [100.2, 100.4, 99.5, 99.8], 300)),
    market(bar(AAPL, 60_000, [99.9, 101.2, 99.4, 100.9], 300)),
    market(quote(BTC, 70_000, 59890, 59890.5)),
    market(trade(BTC, 80_000, 59880, 5)),
    { kind: 'cancel', cmd: { orderId: 'p1.tp', now: t(90_000) } },
    market(bar(AAPL, 120_000, [99, 99.2, 98, 98.5], 300)),
    { kind: 'kill', cmd: { now: t(200_000) } },
    market(quote(AAPL, 200_500, 98.4, 98.45)),
    market(quote(BTC, 200_500, 59000, 59000.5)),
  ];

  it('the same inputs give the same effects, byte for byte', () => {
    const a = drive(paper(), script);
    const b = drive(paper(), script);
    expect(JSON.stringify(a.effects)).toBe(JSON.stringify(b.effects));
    expect(a.effects.length).toBeGreaterThan(20);
    expect([...a.state.positions.values()].map((p) => [p.symbol, p.qty])).toEqual([
      ['BTCUSDT', 0],
      ['AAPL', 0],
    ]);
  });

  it('a restored state carries on where the stored one was', () => {
    const half = drive(paper(), script.slice(0, 5));
    const orders = half.effects.flatMap((e) => (e.kind === 'order' ? [e.order] : []));
    const latest = [...new Map(orders.map((o) => [o.id, o])).values()];
    const restored = restorePaperState({
      account: half.state.account,
      idPrefix: 'p',
      clock: half.state.clock,
      instruments: [AAPL, BTC],
      orders: latest,
      positions: [...half.state.positions.values()],
      executions: half.effects.flatMap((e) => (e.kind === 'execution' ? [e.execution] : [])),
    });
    expect([...restored.live.keys()]).toEqual([...half.state.live.keys()]);
    expect(restored.nextSeq).toBe(half.state.nextSeq);
    const next = drive(restored, [market(bar(AAPL, 60_000, [99.9, 101.2, 99.4, 100.9], 300))]);
    expect(fills(next.effects)).toEqual(fills(drive(half.state, [market(bar(AAPL, 60_000, [99.9, 101.2, 99.4, 100.9], 300))]).effects));
  });
});
