import { z } from 'zod';
import type { FakeHttp, RouteReply } from './fake-http';
import { FakeRefusal, type FakeOrder, type FakeTradingBook } from './trading-book';

/** What happens to the answer of the next POST /v2/orders after the order is placed (the request was processed; the client cannot tell). */
export type LostAnswer = 'drop' | 'timeout' | 'http500';

export interface FakeTradingRestControl {
  /** The next POSTs, in order: each places its order, then loses its answer this way. */
  readonly lostAnswers: LostAnswer[];
  /** How long a `timeout` answer is held (longer than the client's time-out). */
  timeoutMs: number;
  /** POST /v2/orders requests that placed an order (whatever became of their answers). */
  placed: number;
}

const num = z.union([z.string(), z.number()]).transform((v) => Number(v)).pipe(z.number());
const bodySchema = z.looseObject({
  symbol: z.string().min(1),
  qty: num,
  side: z.enum(['buy', 'sell']),
  type: z.enum(['market', 'limit', 'stop', 'stop_limit']),
  time_in_force: z.string(),
  client_order_id: z.string().optional(),
  limit_price: num.optional(),
  stop_price: num.optional(),
  order_class: z.string().optional(),
  take_profit: z.looseObject({ limit_price: num }).optional(),
  stop_loss: z.looseObject({ stop_price: num, limit_price: num.optional() }).optional(),
});
const patchSchema = z.looseObject({ qty: num.optional(), limit_price: num.optional(), stop_price: num.optional() });

const refused = (err: unknown): RouteReply => {
  if (err instanceof FakeRefusal) return { status: err.status, body: { code: err.code, message: err.message } };
  throw err;
};

/**
 * The trading REST of Alpaca's paper host on the fake's router: the account,
 * positions, orders (list, by id, by client order id, place, replace,
 * cancel) and closing a position, with Alpaca's error codes (403 buying
 * power, 404, 422 with its message) and answers lost on command.
 */
export function serveTrading(http: FakeHttp, book: FakeTradingBook): FakeTradingRestControl {
  const control: FakeTradingRestControl = { lostAnswers: [], timeoutMs: 2_000, placed: 0 };
  const wireOrder = (o: FakeOrder): Record<string, unknown> => book.wire(o);

  http.route('GET', '/v2/account', () => {
    let equity = book.cash;
    for (const [symbol, p] of book.positions) equity += p.qty * book.priceOf(symbol) * (/\d{6}[CP]\d{8}$/.test(symbol) ? 100 : 1);
    const money = (n: number): string => n.toFixed(2);
    return { status: 200, body: { id: 'fake-account', account_number: 'PA3FAKE', status: 'ACTIVE', currency: 'USD', cash: money(book.cash), buying_power: money(Math.max(0, book.cash)), equity: money(equity), pattern_day_trader: false } };
  });

  http.route('GET', '/v2/positions', () => ({
    status: 200,
    body: [...book.positions].map(([symbol, p]) => ({
      asset_id: '904837e3-3b76-47ec-b432-046db621571b',
      symbol,
      exchange: 'NASDAQ',
      asset_class: /\d{6}[CP]\d{8}$/.test(symbol) ? 'us_option' : 'us_equity',
      avg_entry_price: String(Math.round(p.avg * 1e4) / 1e4),
      qty: String(Math.abs(p.qty)),
      side: p.qty > 0 ? 'long' : 'short',
      market_value: String(p.qty * book.priceOf(symbol)),
      current_price: String(book.priceOf(symbol)),
    })),
  }));

  http.route('DELETE', '/v2/positions/:symbol', (req) => {
    try {
      return { status: 200, body: wireOrder(book.closePosition(req.params['symbol'] ?? '')) };
    } catch (err) {
      return refused(err);
    }
  });

  http.route('GET', '/v2/orders', (req) => {
    const status = req.query.get('status') ?? 'open';
    const open = (o: FakeOrder): boolean => !['filled', 'canceled', 'expired', 'rejected', 'replaced'].includes(o.status);
    const top = [...book.orders.values()].filter((o) => o.parentId === null && (status === 'all' || (status === 'open' ? open(o) : !open(o))));
    return { status: 200, body: top.sort((a, b) => b.createdAt - a.createdAt).map(wireOrder) };
  });

  http.route('GET', '/v2/orders:by_client_order_id', (req) => {
    const o = book.byClientId(req.query.get('client_order_id') ?? '');
    return o === undefined ? { status: 404, body: { code: 40410000, message: 'order not found' } } : { status: 200, body: wireOrder(o) };
  });

  http.route('GET', '/v2/orders/:id', (req) => {
    const o = book.orders.get(req.params['id'] ?? '');
    return o === undefined ? { status: 404, body: { code: 40410000, message: 'order not found' } } : { status: 200, body: wireOrder(o) };
  });

  http.route('POST', '/v2/orders', (req) => {
    const parsed = bodySchema.safeParse(req.body);
    if (!parsed.success) return { status: 422, body: { code: 40010001, message: `invalid order: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}` } };
    const b = parsed.data;
    let placed: FakeOrder;
    try {
      placed = book.submit({
        symbol: b.symbol,
        qty: b.qty,
        side: b.side,
        type: b.type,
        tif: b.time_in_force,
        clientOrderId: b.client_order_id ?? '',
        limitPrice: b.limit_price ?? null,
        stopPrice: b.stop_price ?? null,
        orderClass: b.order_class ?? 'simple',
        takeProfit: b.take_profit === undefined ? null : { limitPrice: b.take_profit.limit_price },
        stopLoss: b.stop_loss === undefined ? null : { stopPrice: b.stop_loss.stop_price, limitPrice: b.stop_loss.limit_price ?? null },
      });
    } catch (err) {
      return refused(err);
    }
    control.placed++;
    const reply: RouteReply = { status: 200, body: wireOrder(placed) };
    const lost = control.lostAnswers.shift();
    if (lost === 'drop') return { ...reply, drop: true };
    if (lost === 'timeout') return { ...reply, delayMs: control.timeoutMs };
    if (lost === 'http500') return { status: 500, body: { code: 50010000, message: 'internal server error occurred' } };
    return reply;
  });

  http.route('PATCH', '/v2/orders/:id', (req) => {
    const parsed = patchSchema.safeParse(req.body);
    if (!parsed.success) return { status: 422, body: { code: 40010001, message: 'invalid replace request' } };
    try {
      const p = parsed.data;
      return { status: 200, body: wireOrder(book.replace(req.params['id'] ?? '', { ...(p.qty === undefined ? {} : { qty: p.qty }), ...(p.limit_price === undefined ? {} : { limitPrice: p.limit_price }), ...(p.stop_price === undefined ? {} : { stopPrice: p.stop_price }) })) };
    } catch (err) {
      return refused(err);
    }
  });

  http.route('DELETE', '/v2/orders/:id', (req) => {
    try {
      book.cancel(req.params['id'] ?? '');
      return { status: 204, body: undefined };
    } catch (err) {
      return refused(err);
    }
  });

  return control;
}
