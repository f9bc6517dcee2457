import type { FakeKline, FakeSymbol, RawKlineRow } from './rest-truth';

/** Binance error bodies the fake sends (codes from the Spot API's error list). */
export const REST_ERRORS = {
  invalidSymbol: { code: -1121, msg: 'Invalid symbol.' },
  invalidInterval: { code: -1120, msg: 'Invalid interval.' },
  startAfterEnd: { code: -1023, msg: 'Start time is greater than end time.' },
  mandatory: (name: string) => ({ code: -1102, msg: `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.` }),
  illegal: (name: string, legal: string) => ({ code: -1100, msg: `Illegal characters found in parameter '${name}'; legal range is '${legal}'.` }),
  tooMuchWeight: (limit: number) => ({
    code: -1003,
    msg: `Too much request weight used; current limit is ${String(limit)} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.`,
  }),
} as const;

/** quoteVolume ≈ volume × close, as an 8-decimal string (the client ignores it; the format is what matters). */
function product(a: string, b: string): string {
  return (Number(a) * Number(b)).toFixed(8);
}

/** The documented 12-field row: `[openTime, "o", "h", "l", "c", "v", closeTime, "qv", trades, "tbb", "tbq", "0"]`. */
export function klineRow(openTime: number, k: FakeKline | RawKlineRow): readonly unknown[] {
  if ('raw' in k) return k.raw;
  return [openTime, k.open, k.high, k.low, k.close, k.volume, openTime + 59_999, product(k.volume, k.close), k.trades, '0.00000000', '0.00000000', '0'];
}

/** GET /api/v3/exchangeInfo as Binance shapes it (trimmed to the fields a client could read). */
export function exchangeInfoBody(symbols: Iterable<FakeSymbol>, serverTime: number, weightLimit: number): unknown {
  return {
    timezone: 'UTC',
    serverTime,
    rateLimits: [
      { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: weightLimit },
      { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 100 },
      { rateLimitType: 'RAW_REQUESTS', interval: 'MINUTE', intervalNum: 5, limit: 61000 },
    ],
    exchangeFilters: [],
    symbols: [...symbols].map((s) => ({
      symbol: s.symbol,
      status: s.status,
      baseAsset: s.baseAsset,
      baseAssetPrecision: 8,
      quoteAsset: s.quoteAsset,
      quotePrecision: 8,
      quoteAssetPrecision: 8,
      orderTypes: ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT'],
      icebergAllowed: true,
      ocoAllowed: true,
      isSpotTradingAllowed: true,
      isMarginTradingAllowed: false,
      filters: [
        { filterType: 'PRICE_FILTER', minPrice: s.tickSize, maxPrice: '1000000.00000000', tickSize: s.tickSize },
        { filterType: 'LOT_SIZE', minQty: s.stepSize, maxQty: '9000.00000000', stepSize: s.stepSize },
        { filterType: 'ICEBERG_PARTS', limit: 10 },
        { filterType: 'MARKET_LOT_SIZE', minQty: '0.00000000', maxQty: '100.00000000', stepSize: '0.00000000' },
        { filterType: 'NOTIONAL', minNotional: '5.00000000', applyMinToMarket: true, maxNotional: '9000000.00000000', applyMaxToMarket: false, avgPriceMins: 5 },
        { filterType: 'MAX_NUM_ORDERS', maxNumOrders: 200 },
      ],
      permissions: [],
      permissionSets: [['SPOT']],
      defaultSelfTradePreventionMode: 'EXPIRE_MAKER',
      allowedSelfTradePreventionModes: ['EXPIRE_TAKER', 'EXPIRE_MAKER', 'EXPIRE_BOTH'],
    })),
  };
}
