import { describe, expect, it } from 'vitest';
import { AAPL, AAPL_CALL, BTC, EURUSD } from '../trading-fixtures';
import { bar, drive, fills, market, paper, place, quote, story, trade } from './paper-harness';

describe('paper fills on scripted quotes, trades and bars (exact values)', () => {
  it('a market buy meets the standing book after its 100 ms latency: the ask + 1 tick; equity fee at the $1 minimum', () => {
    const r = drive(paper(), [place(AAPL, 0, { qty: 100 }), market(quote(AAPL, 50, 170, 170.05)), market(quote(AAPL, 150, 170.1, 170.15))]);
    expect(story(r.effects)).toEqual([
      'order p1 new 0/100',
      'order p1 accepted 0/100',
      // at t+100 the order meets the book of t+50; the quote of t+150 comes after it
      'fill p1 buy 100 @ 170.06 fee 1 t+100',
      'position AAPL 100 @ 170.06 pnl 0 fees 1',
      'order p1 filled 100/100',
    ]);
  });

  it('with no latency (latencyMs 0) a market order meets the standing book in the step that places it', () => {
    const r = drive(paper({ latencyMs: 0 }), [market(quote(AAPL, 0, 170, 170.05)), place(AAPL, 50, { qty: 100 })]);
    expect(story(r.effects)).toEqual(['order p1 new 0/100', 'order p1 accepted 0/100', 'fill p1 buy 100 @ 170.06 fee 1 t+50', 'position AAPL 100 @ 170.06 pnl 0 fees 1', 'order p1 filled 100/100']);
    // A resting limit is only accepted (the book does not reach it).
    expect(story(drive(r.state, [place(AAPL, 60, { qty: 1, type: 'limit', limitPrice: 160 })]).effects)).toEqual(['order p3 new 0/1 lmt 160', 'order p3 accepted 0/1 lmt 160']);
  });

  it('a quote before the latency has passed is not met', () => {
    const r = drive(paper(), [place(AAPL, 0, { qty: 1 }), market(quote(AAPL, 99, 170, 170.05))]);
    expect(fills(r.effects)).toEqual([]);
    expect(fills(drive(r.state, [market(quote(AAPL, 100, 170.1, 170.15))]).effects)).toEqual(['fill p1 buy 1 @ 170.16 fee 1 t+100', 'position AAPL 1 @ 170.16 pnl 0 fees 1']);
  });

  describe('limits: through (default) vs touch', () => {
    const script = [
      place(BTC, 0, { qty: 0.5, type: 'limit', limitPrice: 60000 }),
      market(quote(BTC, 200, 59999, 60000.5)),
      market(quote(BTC, 300, 59999.5, 60000)),
      market(quote(BTC, 400, 59998, 59999.99)),
    ];

    it('through: not at 60,000.00 (touched), at the limit once the ask is below it; 0.1% fee in USDT', () => {
      expect(fills(drive(paper(), script).effects)).toEqual(['fill p1 buy 0.5 @ 60000 fee 30 t+400', 'position BTCUSDT 0.5 @ 60000 pnl 0 fees 30']);
    });

    it('touch: as soon as the ask reaches it', () => {
      expect(fills(drive(paper({ limitFill: 'touch' }), script).effects)).toEqual(['fill p1 buy 0.5 @ 60000 fee 30 t+300', 'position BTCUSDT 0.5 @ 60000 pnl 0 fees 30']);
    });

    it('a limit marketable on arrival fills at the better price (the ask)', () => {
      const r = drive(paper(), [market(quote(BTC, -10, 59999, 60000.5)), place(BTC, 0, { qty: 0.5, type: 'limit', limitPrice: 60010 }), market(quote(BTC, 500, 60001, 60002))]);
      // 0.5 × 60,000.50 × 0.1% = 30.00025 USDT
      expect(fills(r.effects)).toEqual(['fill p1 buy 0.5 @ 60000.5 fee 30.00025 t+100', 'position BTCUSDT 0.5 @ 60000.5 pnl 0 fees 30.00025']);
    });
  });

  describe('stops on bars (replay)', () => {
    it('a bar that opens beyond the stop fills at the open − 1 tick (a gap)', () => {
      const r = drive(paper(), [place(AAPL, 0, { side: 'sell', qty: 10, type: 'stop', stopPrice: 168 }), market(bar(AAPL, 0, [170, 170.5, 169, 169.5], 5000)), market(bar(AAPL, 60_000, [167.5, 168.2, 167, 167.8], 5000))]);
      expect(fills(r.effects)).toEqual(['fill p1 sell 10 @ 167.49 fee 1 t+60000', 'position AAPL -10 @ 167.49 pnl 0 fees 1']);
    });

    it('a bar that moves through the stop fills at the stop − 1 tick', () => {
      const r = drive(paper(), [place(AAPL, 0, { side: 'sell', qty: 10, type: 'stop', stopPrice: 168 }), market(bar(AAPL, 0, [169, 169.2, 167.5, 168], 5000))]);
      expect(fills(r.effects)).toEqual(['fill p1 sell 10 @ 167.99 fee 1 t+0', 'position AAPL -10 @ 167.99 pnl 0 fees 1']);
    });

    it('a stop-limit becomes a limit at its trigger', () => {
      const r = drive(paper(), [
        place(AAPL, 0, { qty: 10, type: 'stop_limit', stopPrice: 171, limitPrice: 171.2 }),
        market(quote(AAPL, 200, 171.3, 171.4)), // triggers; the ask is beyond the limit: it rests at 171.20
        market(quote(AAPL, 300, 171.15, 171.2)), // touched only
        market(quote(AAPL, 400, 171.1, 171.19)), // traded through
      ]);
      expect(fills(r.effects)).toEqual(['fill p1 buy 10 @ 171.2 fee 1 t+400', 'position AAPL 10 @ 171.2 pnl 0 fees 1']);
    });
  });

  describe('OTO: a take-profit armed on the fill (the trader: bought at $2, sell at $2.05)', () => {
    const buy = place(AAPL_CALL, 0, { qty: 1, type: 'limit', limitPrice: 2, takeProfit: { kind: 'amount', amount: 0.05 } });

    it('the exit is held, armed at 2.05 for the filled contract when the entry fills, and fills on a later quote', () => {
      const r = drive(paper(), [buy, market(quote(AAPL_CALL, 100, 1.95, 2)), market(quote(AAPL_CALL, 200, 2.06, 2.1))]);
      expect(story(r.effects)).toEqual([
        'order p1 new 0/1 lmt 2',
        'order p1.tp held 0/1',
        'order p1 accepted 0/1 lmt 2',
        // the ask 2.00 meets the arriving limit: filled at 2.00; $0.65 per contract
        'fill p1 buy 1 @ 2 fee 0.65 t+100',
        'position AAPL240503C00170000 1 @ 2 pnl 0 fees 0.65',
        'order p1 filled 1/1 lmt 2',
        'order p1.tp new 0/1 lmt 2.05',
        'order p1.tp accepted 0/1 lmt 2.05',
        // armed against a bid of 1.95 it rests; the next bid trades through it: filled at its limit, (2.05 − 2.00) × 1 × 100 = 5
        'fill p1.tp sell 1 @ 2.05 fee 0.65 t+200',
        'position AAPL240503C00170000 0 @ 0 pnl 5 fees 1.3',
        'order p1.tp filled 1/1 lmt 2.05',
      ]);
    });

    it('an exit never fills on the event that armed it; once it has met the market it waits to be traded through', () => {
      const r = drive(paper(), [buy, market(quote(AAPL_CALL, 100, 2.06, 2)), market(quote(AAPL_CALL, 200, 2.02, 2.04)), market(quote(AAPL_CALL, 300, 2.05, 2.07)), market(quote(AAPL_CALL, 400, 2.06, 2.08))]);
      expect(fills(r.effects)).toEqual([
        'fill p1 buy 1 @ 2 fee 0.65 t+100',
        'position AAPL240503C00170000 1 @ 2 pnl 0 fees 0.65',
        'fill p1.tp sell 1 @ 2.05 fee 0.65 t+400',
        'position AAPL240503C00170000 0 @ 0 pnl 5 fees 1.3',
      ]);
    });
  });

  describe('a bracket whose stop and take-profit one bar both reaches', () => {
    // market buy 10 at bar 1's open 100 (+1 tick), exits ±1.00: take-profit 101.01, stop 99.01
    const script = [
      place(AAPL, 0, { qty: 10, takeProfit: { kind: 'amount', amount: 1 }, stopLoss: { kind: 'amount', amount: 1 } }),
      market(bar(AAPL, 0, [100, 100.4, 99.8, 100.2], 10_000)),
      // open 100.5 is nearer the high: the path goes up first
      market(bar(AAPL, 60_000, [100.5, 101.5, 98.5, 100], 10_000)),
    ];

    it('stop first (default): the stop fills at 99.01 − 1 tick, the take-profit is canceled', () => {
      expect(story(drive(paper(), script).effects).slice(4)).toEqual([
        'fill p1 buy 10 @ 100.01 fee 1 t+0',
        'position AAPL 10 @ 100.01 pnl 0 fees 1',
        'order p1 filled 10/10',
        'order p1.tp new 0/10 lmt 101.01',
        'order p1.sl new 0/10 stp 99.01',
        'order p1.tp accepted 0/10 lmt 101.01',
        'order p1.sl accepted 0/10 stp 99.01',
        'fill p1.sl sell 10 @ 99 fee 1 t+60000',
        // (99.00 − 100.01) × 10
        'position AAPL 0 @ 0 pnl -10.1 fees 2',
        'order p1.sl filled 10/10 stp 99.01',
        'order p1.tp pending_cancel 0/10 lmt 101.01',
        'order p1.tp canceled 0/10 lmt 101.01',
      ]);
    });

    it("with sameBarExits 'path' the take-profit, reached first, wins", () => {
      expect(fills(drive(paper({ sameBarExits: 'path' }), script).effects).slice(2)).toEqual(['fill p1.tp sell 10 @ 101.01 fee 1 t+60000', 'position AAPL 0 @ 0 pnl 10 fees 2']);
    });

    it('finer events decide: quotes inside the bar reach the take-profit first; the bar then fills nothing', () => {
      const r = drive(paper(), [
        ...script.slice(0, 2),
        market(quote(AAPL, 60_000, 100.4, 100.5)),
        market(quote(AAPL, 70_000, 101.02, 101.05)),
        market(quote(AAPL, 80_000, 98.5, 98.55)),
        market(bar(AAPL, 60_000, [100.5, 101.5, 98.5, 100], 10_000)),
      ]);
      expect(fills(r.effects).slice(2)).toEqual(['fill p1.tp sell 10 @ 101.01 fee 1 t+70000', 'position AAPL 0 @ 0 pnl 10 fees 2']);
    });
  });

  describe('partial fills', () => {
    it('a market order above 10% of each trade fills across trades; every partial fill pays the equity minimum', () => {
      const r = drive(paper(), [place(AAPL, 0, { qty: 30 }), market(trade(AAPL, 200, 170, 100)), market(trade(AAPL, 300, 170.2, 150)), market(trade(AAPL, 400, 170.1, 80))]);
      expect(story(r.effects).slice(2)).toEqual([
        'fill p1 buy 10 @ 170.01 fee 1 t+200',
        'position AAPL 10 @ 170.01 pnl 0 fees 1',
        'order p1 partially_filled 10/30',
        'fill p1 buy 15 @ 170.21 fee 1 t+300',
        // (10 × 170.01 + 15 × 170.21) / 25
        'position AAPL 25 @ 170.13 pnl 0 fees 2',
        'order p1 partially_filled 25/30',
        'fill p1 buy 5 @ 170.11 fee 1 t+400',
        // (25 × 170.13 + 5 × 170.11) / 30 = 170.126666…
        'position AAPL 30 @ 170.126666667 pnl 0 fees 3',
        'order p1 filled 30/30',
      ]);
    });

    it('a partial take-profit fill resizes the stop to what is left', () => {
      const r = drive(paper(), [
        place(AAPL, 0, { qty: 10, type: 'limit', limitPrice: 100, takeProfit: 102, stopLoss: 98 }),
        market(bar(AAPL, 0, [99.9, 100, 99.5, 99.8], 200)),
        market(bar(AAPL, 60_000, [101, 102.5, 100.8, 102.2], 40)),
        market(bar(AAPL, 120_000, [102.1, 102.3, 101.5, 102], 20)),
      ]);
      expect(story(r.effects).slice(-8)).toEqual([
        // 10% of 40 = 4 of the take-profit at 102
        'fill p1.tp sell 4 @ 102 fee 1 t+60000',
        'position AAPL 6 @ 99.9 pnl 8.4 fees 2',
        'order p1.tp partially_filled 4/10 lmt 102',
        'order p1.sl accepted 0/6 stp 98',
        // the next bar gaps through what is left of it: at the open, 2 (10% of 20)
        'fill p1.tp sell 2 @ 102.1 fee 1 t+120000',
        'position AAPL 4 @ 99.9 pnl 12.8 fees 3',
        'order p1.tp partially_filled 6/10 lmt 102',
        'order p1.sl accepted 0/4 stp 98',
      ]);
      expect(fills(r.effects)[0]).toBe('fill p1 buy 10 @ 99.9 fee 1 t+0');
    });
  });

  it('fees per asset class: FX at 0.1% of notional in USD', () => {
    const r = drive(paper(), [place(EURUSD, 0, { qty: 10_000 }), market(quote(EURUSD, 100, 1.08344, 1.08345))]);
    // ask + 1 tick = 1.08346; 10,000 × 1.08346 × 0.1% = 10.8346 → 10.83
    expect(fills(r.effects)).toEqual(['fill p1 buy 10000 @ 1.08346 fee 10.83 t+100', 'position EUR/USD 10000 @ 1.08346 pnl 0 fees 10.83']);
  });
});
