import { INTERVALS, type Interval } from '../../../../shared/domain/interval';

/** A Binance market stream Tapedeck understands, decoded from its name. */
export type StreamName =
  | { readonly kind: 'trade'; readonly symbol: string }
  | { readonly kind: 'kline'; readonly symbol: string; readonly interval: Interval }
  | { readonly kind: 'bookTicker'; readonly symbol: string };

const TRADE = /^([a-z0-9]{1,32})@trade$/;
const BOOK_TICKER = /^([a-z0-9]{1,32})@bookTicker$/;
const KLINE = /^([a-z0-9]{1,32})@kline_([0-9]{1,2}[mhdw])$/;
const INTERVAL_SET: ReadonlySet<string> = new Set(INTERVALS);

function isInterval(s: string): s is Interval {
  return INTERVAL_SET.has(s);
}

/** `btcusdt@trade` for BTCUSDT: stream names are the symbol in lower case. */
export function tradeStream(symbol: string): string {
  return `${symbol.toLowerCase()}@trade`;
}

/** `btcusdt@kline_1m` for BTCUSDT and 1m. */
export function klineStream(symbol: string, interval: Interval): string {
  return `${symbol.toLowerCase()}@kline_${interval}`;
}

/** `btcusdt@bookTicker` for BTCUSDT: the best bid and ask, pushed on every change. */
export function bookTickerStream(symbol: string): string {
  return `${symbol.toLowerCase()}@bookTicker`;
}

/** Decodes `<symbol>@trade` / `<symbol>@kline_<interval>` / `<symbol>@bookTicker`; anything else is undefined. */
export function parseStreamName(stream: string): StreamName | undefined {
  const trade = TRADE.exec(stream);
  if (trade?.[1] !== undefined) return { kind: 'trade', symbol: trade[1] };
  const book = BOOK_TICKER.exec(stream);
  if (book?.[1] !== undefined) return { kind: 'bookTicker', symbol: book[1] };
  const kline = KLINE.exec(stream);
  const symbol = kline?.[1];
  const interval = kline?.[2];
  if (symbol === undefined || interval === undefined || !isInterval(interval)) return undefined;
  return { kind: 'kline', symbol, interval };
}
