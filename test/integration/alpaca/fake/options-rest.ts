import type { FakeHttp, RouteReply, RouteRequest } from './fake-http';

/** One contract of the fake's chain, as its snapshot reports it. */
export interface FakeContract {
  readonly symbol: string;
  readonly underlying: string;
  readonly type: 'call' | 'put';
  readonly strike: number;
  /** YYYY-MM-DD. */
  readonly expiry: string;
  readonly bid: number;
  readonly ask: number;
  readonly last: number;
  readonly iv: number;
  readonly delta: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The OCC symbol of a contract: root, yymmdd, C/P, strike × 1000 in 8 digits. */
export function occ(underlying: string, expiry: string, type: 'call' | 'put', strike: number): string {
  const [y, m, d] = expiry.split('-');
  return `${underlying}${(y ?? '').slice(2)}${m ?? ''}${d ?? ''}${type === 'call' ? 'C' : 'P'}${pad(Math.round(strike * 1000), 8)}`;
}

/**
 * A fake chain for an underlying at `price`: the given expirations, strikes
 * every `step` dollars, `each` either side of the money; premiums from the
 * intrinsic value and a time value that shrinks away from the money, so the
 * expected rows are exact.
 */
export function fakeChain(underlying: string, price: number, expiries: readonly string[], step: number, each: number): FakeContract[] {
  const out: FakeContract[] = [];
  const atm = Math.round(price / step) * step;
  for (const expiry of expiries) {
    for (let i = -each; i <= each; i++) {
      const strike = atm + i * step;
      for (const type of ['call', 'put'] as const) {
        const intrinsic = Math.max(0, type === 'call' ? price - strike : strike - price);
        const timeValue = Math.max(0.05, 2 - Math.abs(i) * 0.25);
        const mid = Math.round((intrinsic + timeValue) * 100) / 100;
        out.push({ symbol: occ(underlying, expiry, type, strike), underlying, type, strike, expiry, bid: Math.round((mid - 0.05) * 100) / 100, ask: Math.round((mid + 0.05) * 100) / 100, last: mid, iv: 0.3, delta: type === 'call' ? 0.5 : -0.5 });
      }
    }
  }
  return out;
}

function snapshot(c: FakeContract): Record<string, unknown> {
  return {
    latestQuote: { ap: c.ask, as: 10, ax: 'C', bp: c.bid, bs: 12, bx: 'C', c: 'A', t: '2026-03-10T15:00:00.1Z' },
    latestTrade: { p: c.last, s: 1, x: 'C', c: 'I', t: '2026-03-10T14:59:00Z' },
    dailyBar: { o: c.last, h: c.last, l: c.last, c: c.last, v: 42, n: 7, vw: c.last, t: '2026-03-10T04:00:00Z' },
    impliedVolatility: c.iv,
    greeks: { delta: c.delta, gamma: 0.02, theta: -0.03, vega: 0.11, rho: 0.05 },
  };
}

export interface FakeOptionsControl {
  /** Contracts by underlying. */
  readonly chains: Map<string, FakeContract[]>;
  /** Latest trade price of a stock (GET /v2/stocks/{symbol}/trades/latest). */
  readonly lastTrades: Map<string, number>;
}

/**
 * Alpaca's option snapshots on the fake's data REST: per underlying (paged
 * by next_page_token, `limit` at most 1,000, filters type,
 * strike_price_gte/lte, expiration_date_gte/lte) and by symbols (at most
 * 100); and a stock's latest trade.
 */
export function serveOptions(http: FakeHttp): FakeOptionsControl {
  const control: FakeOptionsControl = { chains: new Map(), lastTrades: new Map() };
  const filtered = (req: RouteRequest, all: readonly FakeContract[]): FakeContract[] => {
    const q = req.query;
    const num = (name: string): number | null => (q.get(name) === null ? null : Number(q.get(name)));
    return all.filter((c) => {
      const type = q.get('type');
      if (type !== null && c.type !== type) return false;
      const lo = num('strike_price_gte');
      const hi = num('strike_price_lte');
      if ((lo !== null && c.strike < lo) || (hi !== null && c.strike > hi)) return false;
      const from = q.get('expiration_date_gte');
      const to = q.get('expiration_date_lte');
      return (from === null || c.expiry >= from) && (to === null || c.expiry <= to);
    });
  };

  http.route('GET', '/v1beta1/options/snapshots/:underlying', (req): RouteReply => {
    const all = control.chains.get(req.params['underlying'] ?? '');
    if (all === undefined) return { status: 200, body: { snapshots: {}, next_page_token: null } };
    const limit = Number(req.query.get('limit') ?? '100');
    if (!(limit >= 1 && limit <= 1000)) return { status: 422, body: { code: 42210000, message: 'invalid limit: must be between 1 and 1000' } };
    const matched = filtered(req, all).sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
    const start = Number(req.query.get('page_token') ?? '0');
    const page = matched.slice(start, start + limit);
    const next = start + limit < matched.length ? String(start + limit) : null;
    return { status: 200, body: { snapshots: Object.fromEntries(page.map((c) => [c.symbol, snapshot(c)])), next_page_token: next } };
  });

  http.route('GET', '/v1beta1/options/snapshots', (req): RouteReply => {
    const symbols = (req.query.get('symbols') ?? '').split(',').filter((s) => s !== '');
    if (symbols.length > 100) return { status: 400, body: { code: 40010001, message: 'too many symbols: at most 100' } };
    const every = [...control.chains.values()].flat();
    const found = symbols.map((s) => every.find((c) => c.symbol === s)).filter((c) => c !== undefined);
    return { status: 200, body: { snapshots: Object.fromEntries(found.map((c) => [c.symbol, snapshot(c)])), next_page_token: null } };
  });

  http.route('GET', '/v2/stocks/:symbol/trades/latest', (req): RouteReply => {
    const p = control.lastTrades.get(req.params['symbol'] ?? '');
    if (p === undefined) return { status: 404, body: { code: 40410000, message: 'no trade found' } };
    return { status: 200, body: { symbol: req.params['symbol'], trade: { t: '2026-03-10T15:00:00Z', x: 'V', p, s: 100, c: ['@'], i: 1, z: 'C' } } };
  });

  return control;
}
