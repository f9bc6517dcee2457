import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from '../../../../../shared/trading/order';
import { ORDER_EVENT_TYPES, transition, type OrderEvent, type OrderEventType, type OrderProgress } from '../../../../../src-main/trading/orders/order-machine';

const EVENTS: Record<OrderEventType, OrderEvent> = {
  accept: { type: 'accept' },
  reject: { type: 'reject', reason: 'no' },
  fill: { type: 'fill', qty: 3, price: 100 },
  cancelRequest: { type: 'cancelRequest' },
  canceled: { type: 'canceled' },
  cancelRejected: { type: 'cancelRejected' },
  replaceRequest: { type: 'replaceRequest' },
  replaced: { type: 'replaced', qty: 12 },
  replaceRejected: { type: 'replaceRejected' },
  expire: { type: 'expire' },
  arm: { type: 'arm' },
};

/** qty 10; partially_filled has 4 filled at 99, the others none. */
function progress(status: OrderStatus): OrderProgress {
  return status === 'partially_filled' ? { status, qty: 10, filledQty: 4, avgFillPrice: 99 } : { status, qty: 10, filledQty: 0, avgFillPrice: null };
}

const R = (why: string) => `!${why}`;
const finalRow = (status: string): Record<OrderEventType, string> => ({
  accept: R(`cannot accept an order that is ${status}`),
  reject: R(`cannot reject an order that is ${status}`),
  fill: R(`cannot fill an order that is ${status}`),
  cancelRequest: R(`cannot cancel an order that is ${status}`),
  canceled: R(`cannot confirm the cancel of an order that is ${status}`),
  cancelRejected: R(`cannot reject the cancel of an order that is ${status}`),
  replaceRequest: R(`cannot replace an order that is ${status}`),
  replaced: R(`cannot confirm the replace of an order that is ${status}`),
  replaceRejected: R(`cannot reject the replace of an order that is ${status}`),
  expire: R(`cannot expire an order that is ${status}`),
  arm: R(`cannot arm an order that is ${status}`),
});

/** Every status × every event: the next status, or "!" + the refusal. */
const TABLE: Record<OrderStatus, Record<OrderEventType, string>> = {
  held: {
    accept: R('cannot accept an order that is held'),
    reject: R('cannot reject an order that is held'),
    fill: R('cannot fill an order that is held: it is not live yet'),
    cancelRequest: R('cannot cancel an order that is held: a held exit is canceled outright'),
    canceled: 'canceled',
    cancelRejected: R('cannot reject the cancel of an order that is held: no cancel is in flight'),
    replaceRequest: R('cannot replace an order that is held: it is not live yet'),
    replaced: R('cannot confirm the replace of an order that is held: no replace is in flight'),
    replaceRejected: R('cannot reject the replace of an order that is held: no replace is in flight'),
    expire: R('cannot expire an order that is held: a held exit goes with its entry'),
    arm: 'new',
  },
  new: {
    accept: 'accepted',
    reject: 'rejected',
    fill: 'partially_filled',
    cancelRequest: 'pending_cancel',
    canceled: 'canceled',
    cancelRejected: R('cannot reject the cancel of an order that is new: no cancel is in flight'),
    replaceRequest: R('cannot replace an order that is new: it is not acknowledged yet'),
    replaced: R('cannot confirm the replace of an order that is new: no replace is in flight'),
    replaceRejected: R('cannot reject the replace of an order that is new: no replace is in flight'),
    expire: 'expired',
    arm: R('cannot arm an order that is new: only a held exit is armed'),
  },
  accepted: {
    accept: R('cannot accept an order that is accepted'),
    reject: R('cannot reject an order that is accepted'),
    fill: 'partially_filled',
    cancelRequest: 'pending_cancel',
    canceled: 'canceled',
    cancelRejected: R('cannot reject the cancel of an order that is accepted: no cancel is in flight'),
    replaceRequest: 'pending_replace',
    replaced: R('cannot confirm the replace of an order that is accepted: no replace is in flight'),
    replaceRejected: R('cannot reject the replace of an order that is accepted: no replace is in flight'),
    expire: 'expired',
    arm: R('cannot arm an order that is accepted: only a held exit is armed'),
  },
  partially_filled: {
    accept: R('cannot accept an order that is partially filled'),
    reject: R('cannot reject an order that is partially filled'),
    fill: 'partially_filled',
    cancelRequest: 'pending_cancel',
    canceled: 'canceled',
    cancelRejected: R('cannot reject the cancel of an order that is partially filled: no cancel is in flight'),
    replaceRequest: 'pending_replace',
    replaced: R('cannot confirm the replace of an order that is partially filled: no replace is in flight'),
    replaceRejected: R('cannot reject the replace of an order that is partially filled: no replace is in flight'),
    expire: 'expired',
    arm: R('cannot arm an order that is partially filled: only a held exit is armed'),
  },
  pending_cancel: {
    accept: R('cannot accept an order that is pending cancel'),
    reject: R('cannot reject an order that is pending cancel'),
    fill: 'pending_cancel',
    cancelRequest: R('cannot cancel an order that is pending cancel: a cancel is already in flight'),
    canceled: 'canceled',
    cancelRejected: 'accepted',
    replaceRequest: R('cannot replace an order that is pending cancel: a change is already in flight'),
    replaced: R('cannot confirm the replace of an order that is pending cancel: no replace is in flight'),
    replaceRejected: R('cannot reject the replace of an order that is pending cancel: no replace is in flight'),
    expire: 'expired',
    arm: R('cannot arm an order that is pending cancel: only a held exit is armed'),
  },
  pending_replace: {
    accept: R('cannot accept an order that is pending replace'),
    reject: R('cannot reject an order that is pending replace'),
    fill: 'pending_replace',
    cancelRequest: 'pending_cancel',
    canceled: 'canceled',
    cancelRejected: R('cannot reject the cancel of an order that is pending replace: no cancel is in flight'),
    replaceRequest: R('cannot replace an order that is pending replace: a change is already in flight'),
    replaced: 'accepted',
    replaceRejected: 'accepted',
    expire: 'expired',
    arm: R('cannot arm an order that is pending replace: only a held exit is armed'),
  },
  filled: finalRow('filled'),
  canceled: finalRow('canceled'),
  rejected: finalRow('rejected'),
  expired: finalRow('expired'),
};

describe('order state machine', () => {
  const cases = ORDER_STATUSES.flatMap((status) => ORDER_EVENT_TYPES.map((event) => [status, event, TABLE[status][event]] as const));

  it('the table covers every status × every event', () => {
    expect(cases).toHaveLength(ORDER_STATUSES.length * ORDER_EVENT_TYPES.length);
    expect(cases).toHaveLength(110);
  });

  it.each(cases)('%s + %s → %s', (status, event, expected) => {
    const t = transition(progress(status), EVENTS[event]);
    if (expected.startsWith('!')) expect(t).toEqual({ ok: false, message: expected.slice(1) });
    else expect(t).toMatchObject({ ok: true, status: expected });
  });

  it('fills accumulate quantity and average price; the last one completes the order', () => {
    let o: OrderProgress = { status: 'accepted', qty: 10, filledQty: 0, avgFillPrice: null };
    const step = (e: OrderEvent): OrderProgress => {
      const t = transition(o, e);
      if (!t.ok) throw new Error(t.message);
      return { status: t.status, qty: t.qty, filledQty: t.filledQty, avgFillPrice: t.avgFillPrice };
    };
    o = step({ type: 'fill', qty: 4, price: 2.05 });
    expect(o).toEqual({ status: 'partially_filled', qty: 10, filledQty: 4, avgFillPrice: 2.05 });
    o = step({ type: 'fill', qty: 4, price: 2.1 });
    expect(o).toEqual({ status: 'partially_filled', qty: 10, filledQty: 8, avgFillPrice: 2.075 });
    o = step({ type: 'fill', qty: 2, price: 2.2 });
    // (4 × 2.05 + 4 × 2.10 + 2 × 2.20) / 10 = 2.10
    expect(o).toEqual({ status: 'filled', qty: 10, filledQty: 10, avgFillPrice: 2.1 });
  });

  it('fractional quantities add up exactly', () => {
    const t = transition({ status: 'partially_filled', qty: 0.3, filledQty: 0.1, avgFillPrice: 60000 }, { type: 'fill', qty: 0.2, price: 60001 });
    expect(t).toEqual({ ok: true, status: 'filled', qty: 0.3, filledQty: 0.3, avgFillPrice: 60000.6666667 });
  });

  it('a fill while a cancel or replace is in flight keeps the pending status until it completes the order', () => {
    expect(transition({ status: 'pending_cancel', qty: 10, filledQty: 4, avgFillPrice: 1 }, { type: 'fill', qty: 6, price: 1 })).toMatchObject({ ok: true, status: 'filled', filledQty: 10 });
    expect(transition({ status: 'pending_replace', qty: 10, filledQty: 4, avgFillPrice: 1 }, { type: 'fill', qty: 1, price: 1 })).toMatchObject({ ok: true, status: 'pending_replace', filledQty: 5 });
  });

  it('back from a pending state: partially_filled when something filled', () => {
    const partly = { qty: 10, filledQty: 4, avgFillPrice: 99 };
    expect(transition({ status: 'pending_cancel', ...partly }, { type: 'cancelRejected' })).toMatchObject({ ok: true, status: 'partially_filled' });
    expect(transition({ status: 'pending_replace', ...partly }, { type: 'replaceRejected' })).toMatchObject({ ok: true, status: 'partially_filled', qty: 10 });
    expect(transition({ status: 'pending_replace', ...partly }, { type: 'replaced', qty: 6 })).toEqual({ ok: true, status: 'partially_filled', ...partly, qty: 6 });
    expect(transition({ status: 'pending_replace', ...partly }, { type: 'replaced' })).toMatchObject({ ok: true, qty: 10 });
  });

  it('refuses impossible fills and replaces', () => {
    const o: OrderProgress = { status: 'partially_filled', qty: 10, filledQty: 7, avgFillPrice: 100 };
    expect(transition(o, { type: 'fill', qty: 5, price: 100 })).toEqual({ ok: false, message: 'a fill of 5 is more than the 3 left' });
    expect(transition(o, { type: 'fill', qty: 0, price: 100 })).toEqual({ ok: false, message: 'a fill needs a positive quantity (got 0)' });
    expect(transition(o, { type: 'fill', qty: 1, price: Number.NaN })).toEqual({ ok: false, message: 'a fill needs a positive price (got NaN)' });
    expect(transition({ ...o, status: 'pending_replace' }, { type: 'replaced', qty: 7 })).toEqual({
      ok: false,
      message: 'cannot confirm the replace of an order that is pending replace: the new quantity 7 is not above the 7 filled',
    });
  });
});
