/**
 * Binance `<symbol>@trade` payloads as the venue sends them (PROTOCOLS.md
 * "Binance Spot — WebSocket market streams"): prices and quantities are
 * decimal strings with 8 fraction digits (BTCUSDT: "42000.12000000",
 * "0.00150000"), times are integer ms. Integer arithmetic only, so every run
 * produces the same bytes.
 */

/** Whole hundredths of a quote unit as a Binance price string: 4200012 → "42000.12000000". */
export function priceText(cents: number): string {
  return `${String(Math.floor(cents / 100))}.${String(cents % 100).padStart(2, '0')}000000`;
}

/** Whole 1e-5 of a base unit (BTCUSDT's step size) as a Binance quantity string: 150 → "0.00150000". */
export function qtyText(units: number): string {
  return `${String(Math.floor(units / 100_000))}.${String(units % 100_000).padStart(5, '0')}000`;
}

/** The `data` object of one trade event, keys in Binance's order. */
export interface BinanceTradeData {
  readonly e: 'trade';
  readonly E: number;
  readonly s: string;
  readonly t: number;
  readonly p: string;
  readonly q: string;
  readonly T: number;
  readonly m: boolean;
  readonly M: boolean;
}

export function tradeData(symbol: string, id: number, priceCents: number, qtyUnits: number, tradeTime: number, eventTime: number, buyerIsMaker: boolean): BinanceTradeData {
  return { e: 'trade', E: eventTime, s: symbol, t: id, p: priceText(priceCents), q: qtyText(qtyUnits), T: tradeTime, m: buyerIsMaker, M: true };
}

/** One combined-stream text frame (`/stream`): `{"stream":"btcusdt@trade","data":{...}}`. */
export function tradeFrame(data: BinanceTradeData): string {
  return JSON.stringify({ stream: `${data.s.toLowerCase()}@trade`, data });
}
