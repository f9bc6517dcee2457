import { MINUTE_MS } from '../../../../shared/domain/interval';
import { dollars, rfc3339, type FakeBar, type FakeMarket } from './fake-market';
import type { FakeHttp, RouteReply, RouteRequest } from './fake-http';

/** Which feed the fake account's data plan includes: `iex` (free) or `sip` too. */
export type FakePlan = 'iex' | 'sip';

const invalid = (message: string, status = 400, code = 40010001): RouteReply => ({ status, body: { code, message } });

/** RFC 3339 or a bare date (Alpaca accepts both); undefined when absent, null when unparseable. */
function time(text: string | null): number | null | undefined {
  if (text === null) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Date.parse(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const t = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isFinite(t) ? t : null;
}

const encodeToken = (t: number): string => Buffer.from(`next:${String(t)}`).toString('base64url');

function decodeToken(token: string): number | null {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  return /^next:\d+$/.test(text) ? Number(text.slice(5)) : null;
}

function wire(b: FakeBar): Record<string, unknown> {
  return { t: rfc3339(b.time), o: dollars(b.open), h: dollars(b.high), l: dollars(b.low), c: dollars(b.close), v: b.volume, n: b.trades, vw: Math.round(b.vwapCents * 100) / 10_000 };
}

/**
 * GET /v2/stocks/{symbol}/bars as Alpaca documents it: timeframe (the fake
 * serves 1Min), start/end (RFC 3339, end inclusive, default now), limit
 * 1..10,000 (default 1,000), adjustment, feed (iex | sip: sip needs the plan),
 * sort asc, page_token; → {"bars":[{t,o,h,l,c,v,n,vw}] | null, "symbol", "next_page_token"}.
 * Bars are known as of the fake's clock: the current minute comes back forming.
 */
export function serveBars(http: FakeHttp, market: FakeMarket, plan: () => FakePlan): void {
  http.route('GET', '/v2/stocks/:symbol/bars', (req: RouteRequest): RouteReply => {
    const symbol = req.params['symbol'] ?? '';
    const q = req.query;
    const timeframe = q.get('timeframe');
    if (timeframe === null) return invalid('timeframe is required', 422, 42210000);
    if (timeframe !== '1Min') return invalid(`the fake serves 1Min bars only, not ${timeframe}`, 422, 42210000);
    const start = time(q.get('start'));
    const end = time(q.get('end'));
    if (start === null) return invalid('invalid start', 422, 42210000);
    if (end === null) return invalid('invalid end', 422, 42210000);
    const limitText = q.get('limit') ?? '1000';
    const limit = /^\d{1,6}$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!(limit >= 1 && limit <= 10_000)) return invalid('invalid limit: must be between 1 and 10000', 422, 42210000);
    const adjustment = q.get('adjustment') ?? 'raw';
    if (!['raw', 'split', 'dividend', 'all'].includes(adjustment)) return invalid(`invalid adjustment: ${adjustment}`, 422, 42210000);
    const feed = q.get('feed') ?? plan();
    if (feed !== 'iex' && feed !== 'sip') return invalid(`invalid feed: ${feed}`, 422, 42210000);
    if (feed === 'sip' && plan() !== 'sip') return { status: 403, body: { message: 'subscription does not permit querying recent SIP data' } };
    if ((q.get('sort') ?? 'asc') !== 'asc') return invalid('the fake sorts asc only', 422, 42210000);
    if (!/^[A-Z][A-Z0-9.]{0,9}$/.test(symbol) || !market.knows(symbol)) return invalid(`invalid symbol: ${symbol}`);
    const token = q.get('page_token');
    const cursor = token === null ? undefined : decodeToken(token);
    if (cursor === null) return invalid('invalid page_token');
    const today = req.time - (req.time % (24 * 60 * MINUTE_MS));
    const from = cursor ?? start ?? today;
    const to = Math.min(end ?? req.time, req.time);
    const out: FakeBar[] = [];
    let next: number | null = null;
    for (let t = Math.ceil(from / MINUTE_MS) * MINUTE_MS; t <= to; t += MINUTE_MS) {
      const b = market.bar(symbol, t, req.time);
      if (b === undefined) continue;
      if (out.length === limit) {
        next = t;
        break;
      }
      out.push(b);
    }
    return { status: 200, body: { bars: out.length === 0 ? null : out.map(wire), symbol, next_page_token: next === null ? null : encodeToken(next) } };
  });
}
