/** Documented Binance payloads (PROTOCOLS.md) for the fake to send. */

export interface TradeFields {
  readonly id: number;
  readonly price?: string;
  readonly qty?: string;
  readonly time?: number;
}

export function tradePayload(symbol: string, f: TradeFields): Record<string, unknown> {
  const time = f.time ?? 1_700_000_000_000 + f.id;
  return { e: 'trade', E: time + 1, s: symbol, t: f.id, p: f.price ?? '42000.10', q: f.qty ?? '0.0100', T: time, m: true, M: true };
}

export function klinePayload(symbol: string, openTime: number, closed: boolean): Record<string, unknown> {
  return {
    e: 'kline',
    E: openTime + 2000,
    s: symbol,
    k: {
      t: openTime,
      T: openTime + 59_999,
      s: symbol,
      i: '1m',
      f: 100,
      L: 200,
      o: '42000.00',
      c: '42010.50',
      h: '42020.00',
      l: '41990.00',
      v: '12.5',
      n: 101,
      x: closed,
      q: '525000.0',
      V: '6.0',
      Q: '252000.0',
      B: '0',
    },
  };
}
