import { describe, expect, it } from 'vitest';
import { feeScheduleSchema } from '../../../../shared/trading/account';
import { freshDraft, type TicketDraft } from '../../../../src-renderer/ticket/ticket-draft';
import { exitSpecOf, parseNumber, quantityOf, ticketPreview, ticketRequest, type TicketContext } from '../../../../src-renderer/ticket/ticket-math';
import { AAPL, BTC } from '../../src-main/trading/trading-fixtures';

const FEES = feeScheduleSchema.parse({});
const ctx = (over: Partial<TicketContext> = {}): TicketContext => ({ accountId: 'acc1', instrument: AAPL, quote: { bid: 100, ask: 100.02 }, fees: FEES, buyingPower: 1000, defaultQty: 1, ...over });
const draft = (over: Partial<TicketDraft> = {}): TicketDraft => ({ ...freshDraft({ kind: 'amount', amount: 0.1 }, null), ...over });

describe('parseNumber', () => {
  it('reads thousands separators and refuses what is not a number', () => {
    expect(parseNumber('1,250.5')).toBe(1250.5);
    expect(parseNumber(' 7 ')).toBe(7);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('Infinity')).toBeNull();
  });
});

describe('exitSpecOf', () => {
  it('each unit, off, and bad values naming the leg', () => {
    expect(exitSpecOf('takeProfit', { unit: 'off', value: '5' })).toEqual({ ok: true, value: undefined });
    expect(exitSpecOf('takeProfit', { unit: 'amount', value: '0.10' })).toEqual({ ok: true, value: { kind: 'amount', amount: 0.1 } });
    expect(exitSpecOf('stopLoss', { unit: 'ticks', value: '5' })).toEqual({ ok: true, value: { kind: 'ticks', ticks: 5 } });
    expect(exitSpecOf('stopLoss', { unit: 'percent', value: '1.5' })).toEqual({ ok: true, value: { kind: 'percent', percent: 1.5 } });
    expect(exitSpecOf('takeProfit', { unit: 'price', value: '2.10' })).toEqual({ ok: true, value: { kind: 'price', price: 2.1 } });
    expect(exitSpecOf('stopLoss', { unit: 'ticks', value: '2.5' })).toEqual({ ok: false, field: 'stopLoss', message: '2.5 is not a whole number of ticks' });
    expect(exitSpecOf('takeProfit', { unit: 'amount', value: '-1' })).toEqual({ ok: false, field: 'takeProfit', message: 'take-profit: enter a positive number' });
  });
});

describe('quantityOf', () => {
  it('typed, empty (the default size), notional and percent of buying power rounded down to the lot', () => {
    expect(quantityOf(draft({ size: '12' }), ctx())).toEqual({ ok: true, value: 12 });
    expect(quantityOf(draft({ size: '' }), ctx({ defaultQty: 3 }))).toEqual({ ok: true, value: 3 });
    // $1,000 at the ask 100.02 buys 9.998 shares → 9.
    expect(quantityOf(draft({ sizeMode: 'notional', size: '1,000' }), ctx())).toEqual({ ok: true, value: 9 });
    // 50% of $1,000 at the limit 60,000 → 0.0083333 BTC → 0.00833 on the 0.00001 lot.
    expect(quantityOf(draft({ sizeMode: 'percent', size: '50', type: 'limit', limitPrice: '60000' }), ctx({ instrument: BTC }))).toEqual({ ok: true, value: 0.00833 });
    expect(quantityOf(draft({ sizeMode: 'notional', size: '50' }), ctx())).toEqual({ ok: false, field: 'qty', message: '50.00 buys less than one lot (1) at 100.02' });
    expect(quantityOf(draft({ size: '0' }), ctx())).toEqual({ ok: false, field: 'qty', message: 'quantity: enter a positive number' });
  });
});

describe('ticketRequest', () => {
  it('a limit buy with a take-profit in $ and a stop in ticks', () => {
    const built = ticketRequest(draft({ type: 'limit', limitPrice: '99.50', size: '10', stopLoss: { unit: 'ticks', value: '20' } }), ctx());
    expect(built).toEqual({
      ok: true,
      value: { accountId: 'acc1', source: 'alpaca', symbol: 'AAPL', side: 'buy', qty: 10, type: 'limit', limitPrice: 99.5, tif: 'gtc', takeProfit: { kind: 'amount', amount: 0.1 }, stopLoss: { kind: 'ticks', ticks: 20 }, overrideDataGate: false },
    });
  });

  it('a stop-limit needs both prices; the first missing one is named', () => {
    expect(ticketRequest(draft({ type: 'stop_limit', limitPrice: '101', stopPrice: '' }), ctx())).toEqual({ ok: false, field: 'stopPrice', message: 'stop price: enter a positive price' });
    expect(ticketRequest(draft({ type: 'stop', stopPrice: 'x' }), ctx())).toEqual({ ok: false, field: 'stopPrice', message: 'stop price: enter a positive price' });
  });
});

describe('ticketPreview', () => {
  it('a market buy of 10 AAPL at the ask 100.02: notional, and the exits with fees ($0.005/share, $1 minimum per fill): +$5.00 less $2, -$2.50 plus $2, R:R 3 / 4.5', () => {
    const p = ticketPreview(draft({ size: '10', takeProfit: { unit: 'amount', value: '0.50' }, stopLoss: { unit: 'amount', value: '0.25' } }), ctx());
    expect(p.problem).toBeNull();
    expect(p.notional).toBe(1000.2);
    expect(p.exits).toEqual({ entryPrice: 100.02, takeProfit: 100.52, stopLoss: 99.77, entryFee: 1, maxLoss: 4.5, maxReward: 3, riskReward: 0.67 });
  });
});
