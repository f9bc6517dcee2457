import { describe, expect, it } from 'vitest';
import type { EpochMs } from '../../../../../shared/domain/epoch';
import type { SymbolId } from '../../../../../shared/domain/symbol';
import { riskSettingsSchema } from '../../../../../shared/trading/account';
import type { Position } from '../../../../../shared/trading/position';
import { orderIntent } from '../../../../../src-main/trading/risk/order-intent';
import { checkRisk } from '../../../../../src-main/trading/risk/risk-manager';
import type { RiskContext, RiskOrder } from '../../../../../src-main/trading/risk/risk-types';
import { AAPL, AAPL_CALL, at, BTC, order, T0 } from '../trading-fixtures';

function position(symbol: string, qty: number, source = 'alpaca'): Position {
  return { accountId: 'acc1', source, symbol: symbol as SymbolId, qty, avgPrice: 100, multiplier: 1, realizedPnl: 0, fees: 0, openedAt: qty === 0 ? null : T0, underlying: null };
}

const BUY_10: RiskOrder = { source: 'alpaca', symbol: 'AAPL', side: 'buy', qty: 10, type: 'market' };

function ctx(over: Partial<RiskContext> = {}, settings: Partial<RiskContext['settings']> = {}): RiskContext {
  return {
    order: BUY_10,
    instrument: AAPL,
    settings: { ...riskSettingsSchema.parse({}), ...settings },
    currency: 'USD',
    now: T0,
    positions: [],
    workingOrders: [],
    acceptedOrders: [],
    session: { realizedPnl: 0, unrealizedPnl: 0 },
    recentOrderTimes: [],
    market: { feedStatus: 'LIVE', quote: { bid: 170, ask: 170.05, last: 170.02, time: at(-1000) } },
    killSwitchEngaged: false,
    ...over,
  };
}

/** Saturday 2024-05-11 15:00 UTC, and Tuesday 2024-05-07 21:00 UTC (17:00 New York, after the close). */
const SATURDAY = Date.UTC(2024, 4, 11, 15, 0, 0) as EpochMs;
const AFTER_CLOSE = Date.UTC(2024, 4, 7, 21, 0, 0) as EpochMs;
const LONG_20 = [position('AAPL', 20)];
const SELL_5: RiskOrder = { ...BUY_10, side: 'sell', qty: 5 };

describe('risk manager', () => {
  it('lets a plain entry through', () => {
    expect(checkRisk(ctx())).toEqual({ ok: true, intent: 'entry' });
  });

  it('entry or exit: against the position and no larger than it is an exit', () => {
    expect(orderIntent(SELL_5, position('AAPL', 20))).toBe('exit');
    expect(orderIntent({ side: 'sell', qty: 20 }, position('AAPL', 20))).toBe('exit');
    expect(orderIntent({ side: 'sell', qty: 25 }, position('AAPL', 20))).toBe('entry');
    expect(orderIntent({ side: 'buy', qty: 5 }, position('AAPL', 20))).toBe('entry');
    expect(orderIntent({ side: 'buy', qty: 5 }, position('AAPL', -5))).toBe('exit');
    expect(orderIntent({ side: 'sell', qty: 5 }, null)).toBe('entry');
  });

  describe('kill switch', () => {
    const engaged = { killSwitchEngaged: true };
    it('refuses new entries', () => {
      expect(checkRisk(ctx(engaged))).toEqual({ ok: false, intent: 'entry', rule: 'kill_switch', field: '', message: 'kill switch engaged: new entries are refused until it is re-armed' });
    });
    it('never an exit or a flatten', () => {
      expect(checkRisk(ctx({ ...engaged, order: SELL_5, positions: LONG_20 }))).toEqual({ ok: true, intent: 'exit' });
      expect(checkRisk(ctx({ ...engaged, intent: 'flatten' }))).toEqual({ ok: true, intent: 'flatten' });
    });
  });

  describe('US trading hours', () => {
    const closed = 'US equities trade in the regular session only (09:30-16:00 New York, exchange days): the market is closed now';
    it.each([
      ['on a Saturday', SATURDAY],
      ['after the close', AFTER_CLOSE],
    ])('refuses an equity order %s', (_name, now) => {
      expect(checkRisk(ctx({ now }))).toEqual({ ok: false, intent: 'entry', rule: 'trading_hours', field: '', message: closed });
    });
    it('holds exits and options to it too; crypto trades on; the setting switches it off', () => {
      expect(checkRisk(ctx({ now: AFTER_CLOSE, order: SELL_5, positions: LONG_20 }))).toMatchObject({ ok: false, intent: 'exit', rule: 'trading_hours' });
      expect(checkRisk(ctx({ now: AFTER_CLOSE, instrument: AAPL_CALL, order: { ...BUY_10, symbol: AAPL_CALL.symbol, type: 'limit', limitPrice: 2 } }))).toMatchObject({
        rule: 'trading_hours',
        message: 'US options trade in the regular session only (09:30-16:00 New York, exchange days): the market is closed now',
      });
      const btc = { source: 'binance', symbol: 'BTCUSDT', side: 'buy', qty: 0.1, type: 'market' } as const;
      expect(checkRisk(ctx({ now: SATURDAY, instrument: BTC, order: btc, market: { feedStatus: 'LIVE', quote: { bid: 60000, ask: 60001, last: null, time: SATURDAY } } }))).toEqual({ ok: true, intent: 'entry' });
      expect(checkRisk(ctx({ now: AFTER_CLOSE, market: { feedStatus: 'LIVE', quote: { bid: 170, ask: 170.05, last: null, time: AFTER_CLOSE } } }, { usEquityHoursOnly: false }))).toEqual({ ok: true, intent: 'entry' });
    });
  });

  describe('data gate', () => {
    const tail = 'no new entries on AAPL (override on the ticket to place anyway)';
    it.each<[string, RiskContext['market'], string]>([
      ['a degraded feed', { feedStatus: 'DEGRADED', quote: { bid: 1, ask: 1, last: null, time: T0 } }, `data gate: the alpaca feed is DEGRADED: ${tail}`],
      ['a backfilling feed', { feedStatus: 'BACKFILLING', quote: { bid: 1, ask: 1, last: null, time: T0 } }, `data gate: the alpaca feed is BACKFILLING: ${tail}`],
      ['no price yet', { feedStatus: 'LIVE', quote: null }, `data gate: no price for AAPL yet: ${tail}`],
      ['a stale price', { feedStatus: 'LIVE', quote: { bid: 1, ask: 1, last: null, time: at(-45_000) } }, `data gate: the last price of AAPL is 45.0 s old (stale after 30 s): ${tail}`],
    ])('refuses an entry on %s', (_name, market, message) => {
      expect(checkRisk(ctx({ market }))).toEqual({ ok: false, intent: 'entry', rule: 'data_gate', field: 'overrideDataGate', message });
    });
    it('a price exactly staleAfterMs old still passes; the order can override; the account can switch it off; exits pass', () => {
      const stale = { feedStatus: 'LIVE' as const, quote: { bid: 170, ask: 170.05, last: null, time: at(-45_000) } };
      expect(checkRisk(ctx({ market: { ...stale, quote: { ...stale.quote, time: at(-30_000) } } })).ok).toBe(true);
      expect(checkRisk(ctx({ market: stale, order: { ...BUY_10, overrideDataGate: true } })).ok).toBe(true);
      expect(checkRisk(ctx({ market: stale }, { dataGate: false })).ok).toBe(true);
      expect(checkRisk(ctx({ market: { feedStatus: 'DEGRADED', quote: null }, order: { ...SELL_5, type: 'limit', limitPrice: 170 }, positions: LONG_20 }))).toEqual({ ok: true, intent: 'exit' });
    });
  });

  describe('max daily loss', () => {
    it('blocks new entries once the session is at or below the limit', () => {
      expect(checkRisk(ctx({ session: { realizedPnl: -400, unrealizedPnl: -112.4 } }, { maxDailyLoss: 500 }))).toEqual({
        ok: false,
        intent: 'entry',
        rule: 'max_daily_loss',
        field: '',
        message: 'max daily loss 500 USD reached: the session is at -512.40 USD; new entries wait for the next session',
      });
      expect(checkRisk(ctx({ session: { realizedPnl: -500, unrealizedPnl: 0 } }, { maxDailyLoss: 500 }))).toMatchObject({ rule: 'max_daily_loss' });
    });
    it('not before, not for exits, not when switched off', () => {
      expect(checkRisk(ctx({ session: { realizedPnl: -499.99, unrealizedPnl: 0 } }, { maxDailyLoss: 500 })).ok).toBe(true);
      expect(checkRisk(ctx({ session: { realizedPnl: -900, unrealizedPnl: 0 }, order: SELL_5, positions: LONG_20 }, { maxDailyLoss: 500 })).ok).toBe(true);
      expect(checkRisk(ctx({ session: { realizedPnl: -900, unrealizedPnl: 0 } })).ok).toBe(true);
    });
  });

  describe('max orders per minute', () => {
    const times = [T0 - 60_000, T0 - 59_999, T0 - 1000, T0];
    it('counts the orders of the last minute (now − 60 s excluded)', () => {
      expect(checkRisk(ctx({ recentOrderTimes: times }, { maxOrdersPerMinute: 3 }))).toEqual({ ok: false, intent: 'entry', rule: 'max_orders_per_minute', field: '', message: 'max 3 orders per minute: 3 sent in the last minute' });
      expect(checkRisk(ctx({ recentOrderTimes: times }, { maxOrdersPerMinute: 4 })).ok).toBe(true);
      expect(checkRisk(ctx({ recentOrderTimes: times }, { maxOrdersPerMinute: 0 })).ok).toBe(true);
    });
    it('holds exits to it; not a flatten', () => {
      expect(checkRisk(ctx({ recentOrderTimes: times, order: SELL_5, positions: LONG_20 }, { maxOrdersPerMinute: 3 }))).toMatchObject({ ok: false, intent: 'exit', rule: 'max_orders_per_minute' });
      expect(checkRisk(ctx({ recentOrderTimes: times, intent: 'flatten' }, { maxOrdersPerMinute: 3 })).ok).toBe(true);
    });
  });

  describe('max order notional (default 100,000)', () => {
    it('a limit order valued at its limit', () => {
      expect(checkRisk(ctx({ order: { ...BUY_10, qty: 800, type: 'limit', limitPrice: 154.32 } }))).toEqual({
        ok: false,
        intent: 'entry',
        rule: 'max_order_notional',
        field: 'qty',
        message: 'max order notional 100,000 USD: this order is 123,456.00 USD',
      });
      expect(checkRisk(ctx({ order: { ...BUY_10, qty: 648, type: 'limit', limitPrice: 154.32 } })).ok).toBe(true);
    });
    it('a market order valued at the ask (buy) or bid (sell); none known', () => {
      expect(checkRisk(ctx({ order: { ...BUY_10, qty: 600 } }))).toMatchObject({ message: 'max order notional 100,000 USD: this order is 102,030.00 USD' });
      expect(checkRisk(ctx({ order: { ...BUY_10, side: 'sell', qty: 600 } }))).toMatchObject({ message: 'max order notional 100,000 USD: this order is 102,000.00 USD' });
      expect(checkRisk(ctx({ market: { feedStatus: 'LIVE', quote: null } }, { dataGate: false }))).toMatchObject({
        rule: 'max_order_notional',
        message: 'max order notional 100,000 USD: no price to value this market order (no quote for AAPL)',
      });
    });
    it('options count their multiplier; exits are held to it; the limit is the account’s', () => {
      const calls = { ...BUY_10, symbol: AAPL_CALL.symbol, qty: 500, type: 'limit' as const, limitPrice: 2.05 };
      expect(checkRisk(ctx({ instrument: AAPL_CALL, order: calls }))).toMatchObject({ message: 'max order notional 100,000 USD: this order is 102,500.00 USD' });
      expect(checkRisk(ctx({ order: { ...SELL_5, qty: 700 }, positions: [position('AAPL', 1000)] }))).toMatchObject({ intent: 'exit', rule: 'max_order_notional' });
      expect(checkRisk(ctx({}, { maxOrderNotional: 1500.5 }))).toMatchObject({ message: 'max order notional 1,500.50 USD: this order is 1,700.50 USD' });
    });
  });

  describe('max position per symbol', () => {
    const working = [order({ id: 'w1', side: 'buy', qty: 60, filledQty: 10, type: 'limit', limitPrice: 150, status: 'partially_filled' }), order({ id: 'w2', role: 'take_profit', side: 'sell', qty: 200, type: 'limit', limitPrice: 180 }), order({ id: 'w3', symbol: 'MSFT' as SymbolId, qty: 500 })];
    it('position + live entries + this order, at this order’s price', () => {
      // 200 held + 50 still working + 150 = 400 × 155 = 62,000
      expect(checkRisk(ctx({ order: { ...BUY_10, qty: 150, type: 'limit', limitPrice: 155 }, positions: [position('AAPL', 200)], workingOrders: working }, { maxPositionNotional: 50_000 }))).toEqual({
        ok: false,
        intent: 'entry',
        rule: 'max_position',
        field: 'qty',
        message: 'max position 50,000 USD per symbol: AAPL would reach 62,000.00 USD (400 at 155.00)',
      });
    });
    it('orders passed but not yet committed count as working entries of their symbol', () => {
      const accepted = [{ ...BUY_10, qty: 150, type: 'limit' as const, limitPrice: 155 }, { ...BUY_10, symbol: 'MSFT' as SymbolId, qty: 900 }];
      // 150 accepted + 150 = 300 × 155 = 46,500 (MSFT's 900 is another symbol)
      expect(checkRisk(ctx({ order: { ...BUY_10, qty: 150, type: 'limit', limitPrice: 155 }, acceptedOrders: accepted }, { maxPositionNotional: 50_000 })).ok).toBe(true);
      // a third 150: 450 × 155 = 69,750
      expect(checkRisk(ctx({ order: { ...BUY_10, qty: 150, type: 'limit', limitPrice: 155 }, acceptedOrders: [...accepted, accepted[0]!] }, { maxPositionNotional: 50_000 }))).toMatchObject({
        rule: 'max_position',
        message: 'max position 50,000 USD per symbol: AAPL would reach 69,750.00 USD (450 at 155.00)',
      });
    });
    it('a short counts by its size; exits never; 0 means no limit', () => {
      expect(checkRisk(ctx({ order: { ...SELL_5, qty: 400, type: 'limit', limitPrice: 150 } }, { maxPositionNotional: 50_000 }))).toMatchObject({
        message: 'max position 50,000 USD per symbol: AAPL would reach 60,000.00 USD (400 at 150.00)',
      });
      expect(checkRisk(ctx({ order: { ...SELL_5, qty: 400, type: 'limit', limitPrice: 150 }, positions: [position('AAPL', 400)] }, { maxPositionNotional: 50_000 }))).toEqual({ ok: true, intent: 'exit' });
      expect(checkRisk(ctx({ order: { ...BUY_10, qty: 400, type: 'limit', limitPrice: 150 } })).ok).toBe(true);
    });
  });

  describe('max open positions', () => {
    const open = [position('AAPL', 0), position('BTCUSDT', 0.5, 'binance'), position('MSFT', 10)];
    it('refuses opening one more', () => {
      expect(checkRisk(ctx({ positions: open }, { maxOpenPositions: 2 }))).toEqual({ ok: false, intent: 'entry', rule: 'max_open_positions', field: 'symbol', message: 'max open positions 2: 2 are open (BTCUSDT, MSFT)' });
    });
    it('adding to an open one is fine; below the limit too', () => {
      expect(checkRisk(ctx({ order: { ...BUY_10, symbol: 'MSFT' }, positions: open }, { maxOpenPositions: 2 })).ok).toBe(true);
      expect(checkRisk(ctx({ positions: open }, { maxOpenPositions: 3 })).ok).toBe(true);
    });
  });

  it('the first rule that says no is the reason shown', () => {
    const everything = ctx({ killSwitchEngaged: true, now: SATURDAY, market: { feedStatus: 'DEGRADED', quote: null } }, { maxDailyLoss: 1 });
    expect(checkRisk(everything)).toMatchObject({ rule: 'kill_switch' });
    expect(checkRisk({ ...everything, killSwitchEngaged: false })).toMatchObject({ rule: 'trading_hours' });
  });
});
