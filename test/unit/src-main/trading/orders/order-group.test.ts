import { describe, expect, it } from 'vitest';
import { ocoRequestSchema } from '../../../../../shared/trading/oco-request';
import type { Order } from '../../../../../shared/trading/order';
import { newEntryOrders, newOcoOrders } from '../../../../../src-main/trading/orders/order-factory';
import { reduceGroup } from '../../../../../src-main/trading/orders/order-group';
import type { GroupEvent, GroupResult } from '../../../../../src-main/trading/orders/order-group-types';
import { AAPL, AAPL_CALL, at, request, T0 } from '../trading-fixtures';

const ORIGIN = { now: T0, broker: 'paper' as const };
const CTX = { now: at(1000), instrument: AAPL_CALL };

/** Runs events in turn; fails the test on a refusal. */
function run(orders: readonly Order[], ...events: GroupEvent[]): GroupResult {
  let result: GroupResult = { orders, effects: [] };
  for (const e of events) {
    const r = reduceGroup(result.orders, e, CTX);
    if (!r.ok) throw new Error(r.message);
    result = { orders: r.orders, effects: [...result.effects, ...r.effects] };
  }
  return result;
}

function byId(orders: readonly Order[], id: string): Order {
  const o = orders.find((x) => x.id === id);
  if (o === undefined) throw new Error(`no ${id}`);
  return o;
}

/** What the service must do, without the order snapshots. */
function actions(r: GroupResult): string[] {
  return r.effects.map((e) => (e.kind === 'update' ? `update ${e.order.id} ${e.order.status}` : e.kind === 'resize' ? `resize ${e.orderId} ${String(e.qty)}` : e.kind === 'note' ? `note ${e.orderId}: ${e.message}` : `${e.kind} ${e.orderId}`));
}

/** A bracket: buy 10 calls at a 2.00 limit, take-profit +0.10, stop −0.05 (accepted). */
function bracket(): readonly Order[] {
  const created = newEntryOrders(request(AAPL_CALL, { qty: 10, type: 'limit', limitPrice: 2, takeProfit: { kind: 'amount', amount: 0.1 }, stopLoss: { kind: 'amount', amount: 0.05 }, clientOrderId: 'tk-1' }), 'e1', ORIGIN);
  return run(created.orders, { kind: 'accepted', orderId: 'e1' }).orders;
}

describe('creating the orders of a request', () => {
  it('a bracket: the entry, and a held take-profit limit and stop on the other side, one OCO group', () => {
    const r = newEntryOrders(request(AAPL_CALL, { qty: 10, type: 'limit', limitPrice: 2, takeProfit: { kind: 'amount', amount: 0.1 }, stopLoss: 1.9, clientOrderId: 'tk-1', setup: 'orb' }), 'e1', ORIGIN);
    expect(r.orders.map((o) => [o.id, o.clientOrderId, o.role, o.side, o.type, o.qty, o.status, o.parentId, o.ocoGroup, o.limitPrice, o.stopPrice, o.tif])).toEqual([
      ['e1', 'tk-1', 'entry', 'buy', 'limit', 10, 'new', null, null, 2, null, 'day'],
      ['e1.tp', 'tk-1.tp', 'take_profit', 'sell', 'limit', 10, 'held', 'e1', 'e1.oco', null, null, 'day'],
      ['e1.sl', 'tk-1.sl', 'stop_loss', 'sell', 'stop', 10, 'held', 'e1', 'e1.oco', null, null, 'day'],
    ]);
    expect(byId(r.orders, 'e1')).toMatchObject({ takeProfit: { kind: 'amount', amount: 0.1 }, stopLoss: { kind: 'price', price: 1.9 }, setup: 'orb', createdAt: T0, filledQty: 0, avgFillPrice: null });
    expect(actions(r)).toEqual(['update e1 new', 'update e1.tp held', 'update e1.sl held', 'place e1']);
  });

  it('an OTO with a take-profit only has no OCO group; client ids that would pass 48 characters fall back to the order id', () => {
    const long = 'x'.repeat(47);
    const r = newEntryOrders(request(AAPL, { qty: 5, takeProfit: { kind: 'ticks', ticks: 10 }, clientOrderId: long }), 'e2', ORIGIN);
    expect(r.orders.map((o) => [o.id, o.clientOrderId, o.ocoGroup])).toEqual([
      ['e2', long, null],
      ['e2.tp', 'e2.tp', null],
    ]);
  });

  it('a stand-alone OCO pair: a limit and a stop leg, both live', () => {
    const r = newOcoOrders(ocoRequestSchema.parse({ accountId: 'acc1', source: 'alpaca', symbol: 'AAPL', side: 'sell', qty: 10, limitPrice: 105, stopPrice: 95 }), 'k1', ORIGIN);
    expect(r.orders.map((o) => [o.id, o.role, o.type, o.side, o.limitPrice, o.stopPrice, o.status, o.ocoGroup, o.tif])).toEqual([
      ['k1.limit', 'oco_leg', 'limit', 'sell', 105, null, 'new', 'k1', 'gtc'],
      ['k1.stop', 'oco_leg', 'stop', 'sell', null, 95, 'new', 'k1', 'gtc'],
    ]);
    expect(actions(r)).toEqual(['update k1.limit new', 'update k1.stop new', 'place k1.limit', 'place k1.stop']);
  });
});

describe('the group after an entry fill (exits only after a complete fill)', () => {
  it('a complete fill arms both exits at prices from the average fill, sized to it', () => {
    const r = run(bracket(), { kind: 'fill', orderId: 'e1', qty: 10, price: 2 });
    expect(actions(r)).toEqual(['update e1 filled', 'update e1.tp new', 'place e1.tp', 'update e1.sl new', 'place e1.sl']);
    expect(byId(r.orders, 'e1.tp')).toMatchObject({ status: 'new', qty: 10, limitPrice: 2.1, stopPrice: null, updatedAt: at(1000) });
    expect(byId(r.orders, 'e1.sl')).toMatchObject({ status: 'new', qty: 10, limitPrice: null, stopPrice: 1.95 });
  });

  it('a partial fill keeps the exits held; after the entry is canceled they are armed for the filled quantity', () => {
    const partial = run(bracket(), { kind: 'fill', orderId: 'e1', qty: 4, price: 2 });
    expect(actions(partial)).toEqual(['update e1 partially_filled']);
    const asked = run(partial.orders, { kind: 'cancel', orderId: 'e1' });
    expect(actions(asked)).toEqual(['update e1 pending_cancel', 'cancel e1']);
    const done = run(asked.orders, { kind: 'canceled', orderId: 'e1' });
    expect(actions(done)).toEqual(['update e1 canceled', 'update e1.tp new', 'place e1.tp', 'update e1.sl new', 'place e1.sl']);
    expect(byId(done.orders, 'e1.tp')).toMatchObject({ qty: 4, limitPrice: 2.1 });
    expect(byId(done.orders, 'e1.sl')).toMatchObject({ qty: 4, stopPrice: 1.95 });
  });

  it('a fill that completes the entry while its cancel is in flight arms the exits for all of it', () => {
    const r = run(bracket(), { kind: 'fill', orderId: 'e1', qty: 4, price: 2 }, { kind: 'cancel', orderId: 'e1' }, { kind: 'fill', orderId: 'e1', qty: 6, price: 1.99 });
    // average (4 × 2.00 + 6 × 1.99) / 10 = 1.994 → take-profit 2.094 → 2.09, stop 1.944 → 1.94
    expect(byId(r.orders, 'e1')).toMatchObject({ status: 'filled', avgFillPrice: 1.994 });
    expect(byId(r.orders, 'e1.tp')).toMatchObject({ status: 'new', qty: 10, limitPrice: 2.09 });
    expect(byId(r.orders, 'e1.sl')).toMatchObject({ status: 'new', qty: 10, stopPrice: 1.94 });
  });

  it('an expired partly filled day entry arms its exits for what filled', () => {
    const r = run(bracket(), { kind: 'fill', orderId: 'e1', qty: 3, price: 2 }, { kind: 'expired', orderId: 'e1' });
    expect(byId(r.orders, 'e1').status).toBe('expired');
    expect([byId(r.orders, 'e1.tp'), byId(r.orders, 'e1.sl')].map((o) => [o.status, o.qty])).toEqual([
      ['new', 3],
      ['new', 3],
    ]);
  });

  it('an entry that ends unfilled (canceled, expired, rejected) cancels its held exits', () => {
    for (const end of [{ kind: 'canceled', orderId: 'e1' }, { kind: 'expired', orderId: 'e1' }] as const) {
      const r = run(bracket(), end);
      expect(actions(r)).toEqual([`update e1 ${end.kind}`, 'update e1.tp canceled', 'update e1.sl canceled']);
    }
    const created = newEntryOrders(request(AAPL_CALL, { type: 'limit', limitPrice: 2, takeProfit: 2.2 }), 'e3', ORIGIN);
    const r = run(created.orders, { kind: 'rejected', orderId: 'e3', reason: 'insufficient buying power' });
    expect(actions(r)).toEqual(['update e3 rejected', 'update e3.tp canceled']);
    expect(byId(r.orders, 'e3').rejectReason).toBe('insufficient buying power');
  });

  it('a price exit the fill overtook is placed one tick beyond the fill, with a note', () => {
    const created = newEntryOrders(request(AAPL, { qty: 5, type: 'limit', limitPrice: 100, stopLoss: 99.5 }), 'e4', ORIGIN);
    const r = reduceGroup(run(created.orders, { kind: 'accepted', orderId: 'e4' }).orders, { kind: 'fill', orderId: 'e4', qty: 5, price: 99.4 }, { now: at(1), instrument: AAPL });
    expect(r.ok && actions(r)).toEqual(['update e4 filled', 'update e4.sl new', 'note e4.sl: stopLoss 99.50 must be below the fill 99.40 for a buy: placed at 99.39', 'place e4.sl']);
  });

  it('an exit that cannot be resolved is rejected with its reason (the other exit still goes)', () => {
    const created = newEntryOrders(request(AAPL_CALL, { qty: 2, type: 'limit', limitPrice: 2, takeProfit: { kind: 'amount', amount: 0.5 }, stopLoss: { kind: 'amount', amount: 1.5 } }), 'e5', ORIGIN);
    const r = run(created.orders, { kind: 'accepted', orderId: 'e5' }, { kind: 'fill', orderId: 'e5', qty: 2, price: 1.2 });
    expect(actions(r).slice(2)).toEqual([
      'update e5.tp new',
      'place e5.tp',
      'update e5.sl new',
      'update e5.sl rejected',
      'note e5.sl: exit not armed: stopLoss 1.5 per unit below the fill 1.20 is at or below zero',
    ]);
    expect(byId(r.orders, 'e5.sl').rejectReason).toBe('stopLoss 1.5 per unit below the fill 1.20 is at or below zero');
  });
});

describe('exits of one OCO group', () => {
  const armed = (): readonly Order[] => run(bracket(), { kind: 'fill', orderId: 'e1', qty: 10, price: 2 }, { kind: 'accepted', orderId: 'e1.tp' }, { kind: 'accepted', orderId: 'e1.sl' }).orders;

  it('a partial take-profit fill resizes the stop to what is left; the rest of it cancels the stop', () => {
    const partial = run(armed(), { kind: 'fill', orderId: 'e1.tp', qty: 4, price: 2.1 });
    expect(actions(partial)).toEqual(['update e1.tp partially_filled', 'update e1.sl accepted', 'resize e1.sl 6']);
    expect(byId(partial.orders, 'e1.sl').qty).toBe(6);
    const rest = run(partial.orders, { kind: 'fill', orderId: 'e1.tp', qty: 6, price: 2.1 });
    expect(actions(rest)).toEqual(['update e1.tp filled', 'update e1.sl pending_cancel', 'cancel e1.sl']);
  });

  it('a complete stop fill cancels the take-profit', () => {
    expect(actions(run(armed(), { kind: 'fill', orderId: 'e1.sl', qty: 10, price: 1.95 }))).toEqual(['update e1.sl filled', 'update e1.tp pending_cancel', 'cancel e1.tp']);
  });

  it('both legs partly filled in a fast market: each keeps only what is left of the shared quantity', () => {
    const r = run(armed(), { kind: 'fill', orderId: 'e1.tp', qty: 4, price: 2.1 }, { kind: 'fill', orderId: 'e1.sl', qty: 3, price: 1.95 });
    // 10 in all: 4 + 3 filled, 3 left → stop 3 + 3 = 6, take-profit 4 + 3 = 7
    expect([byId(r.orders, 'e1.tp'), byId(r.orders, 'e1.sl')].map((o) => [o.qty, o.filledQty, o.status])).toEqual([
      [7, 4, 'partially_filled'],
      [6, 3, 'partially_filled'],
    ]);
  });

  it('cancelling a leg cancels its sibling (the entry is done)', () => {
    expect(actions(run(armed(), { kind: 'cancel', orderId: 'e1.tp' }))).toEqual(['update e1.tp pending_cancel', 'cancel e1.tp', 'update e1.sl pending_cancel', 'cancel e1.sl']);
  });

  it('a leg canceled by the broker takes its sibling with it', () => {
    expect(actions(run(armed(), { kind: 'canceled', orderId: 'e1.sl' }))).toEqual(['update e1.sl canceled', 'update e1.tp pending_cancel', 'cancel e1.tp']);
  });

  it('cancelling a held exit while the entry works cancels the whole bracket', () => {
    expect(actions(run(bracket(), { kind: 'cancel', orderId: 'e1.sl' }))).toEqual(['update e1.sl canceled', 'update e1.tp canceled', 'update e1 pending_cancel', 'cancel e1']);
  });

  it('a stand-alone OCO: the limit leg filling cancels the stop leg', () => {
    const created = newOcoOrders(ocoRequestSchema.parse({ accountId: 'acc1', source: 'alpaca', symbol: 'AAPL', side: 'sell', qty: 10, limitPrice: 105, stopPrice: 95 }), 'k1', ORIGIN);
    const r = reduceGroup(run(created.orders, { kind: 'accepted', orderId: 'k1.limit' }, { kind: 'accepted', orderId: 'k1.stop' }).orders, { kind: 'fill', orderId: 'k1.limit', qty: 10, price: 105 }, { now: at(1), instrument: AAPL });
    expect(r.ok && actions(r)).toEqual(['update k1.limit filled', 'update k1.stop pending_cancel', 'cancel k1.stop']);
  });
});

describe('kill and refusals', () => {
  it('kill cancels every live order: held exits outright, working ones by request', () => {
    const partly = run(bracket(), { kind: 'fill', orderId: 'e1', qty: 4, price: 2 });
    const killed = run(partly.orders, { kind: 'kill' });
    expect(actions(killed)).toEqual(['update e1 pending_cancel', 'cancel e1', 'update e1.tp canceled', 'update e1.sl canceled']);
    // the confirmation then arms nothing: the exits are gone
    expect(actions(run(killed.orders, { kind: 'canceled', orderId: 'e1' }))).toEqual(['update e1 canceled']);
  });

  it('refuses an unknown order and a cancel of a finished one', () => {
    expect(reduceGroup(bracket(), { kind: 'cancel', orderId: 'zz' }, CTX)).toEqual({ ok: false, orderId: 'zz', message: 'no order zz in this group' });
    const filled = run(bracket(), { kind: 'fill', orderId: 'e1', qty: 10, price: 2 }).orders;
    expect(reduceGroup(filled, { kind: 'cancel', orderId: 'e1' }, CTX)).toEqual({ ok: false, orderId: 'e1', message: 'cannot cancel an order that is filled' });
    expect(reduceGroup(filled, { kind: 'fill', orderId: 'e1', qty: 1, price: 2 }, CTX)).toEqual({ ok: false, orderId: 'e1', message: 'cannot fill an order that is filled' });
  });
});
