/**
 * What the fake Binance REST server knows: its listed symbols and the 1m
 * klines it serves, from a Map the test fills and/or a script
 * (symbol, openTime) → kline. Values are decimal strings, as Binance sends them.
 */
export interface FakeKline {
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
  readonly volume: string;
  readonly trades: number;
}

/** A row served verbatim (to test how the client treats a malformed one). */
export interface RawKlineRow {
  readonly raw: readonly unknown[];
}

export type KlineScript = (symbol: string, openTime: number) => FakeKline | undefined;

export interface FakeSymbol {
  readonly symbol: string;
  readonly status: string;
  readonly baseAsset: string;
  readonly quoteAsset: string;
  readonly tickSize: string;
  readonly stepSize: string;
}

const MINUTE = 60_000;

export const DEFAULT_FAKE_SYMBOLS: readonly FakeSymbol[] = [
  { symbol: 'BTCUSDT', status: 'TRADING', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01000000', stepSize: '0.00001000' },
  { symbol: 'ETHUSDT', status: 'TRADING', baseAsset: 'ETH', quoteAsset: 'USDT', tickSize: '0.01000000', stepSize: '0.00010000' },
];

/** Whole hundredths as a Binance price string: 4200012 → "42000.12000000". */
function cents(n: number): string {
  return `${String(Math.floor(n / 100))}.${String(n % 100).padStart(2, '0')}000000`;
}

function symbolBase(symbol: string): number {
  let h = 0;
  for (const ch of symbol) h = (h * 31 + ch.charCodeAt(0)) % 1_000_003;
  return 1_000_000 + (h % 4_000_000) * 10;
}

/** Deterministic minute klines for any symbol and open time (integer arithmetic, exact strings). */
export function syntheticKline(symbol: string, openTime: number): FakeKline {
  const m = Math.floor(openTime / MINUTE);
  const closeAt = (i: number): number => symbolBase(symbol) + ((i * 7919) % 20_001);
  const open = closeAt(m - 1);
  const close = closeAt(m);
  return {
    open: cents(open),
    high: cents(Math.max(open, close) + (m % 7)),
    low: cents(Math.min(open, close) - (m % 5)),
    close: cents(close),
    volume: `${String(m % 13)}.${String((m * 31) % 100_000).padStart(5, '0')}000`,
    trades: m % 50,
  };
}

export class RestTruth {
  readonly symbols = new Map<string, FakeSymbol>();
  /** Explicit klines by symbol, then open time; they win over the script. */
  readonly klines = new Map<string, Map<number, FakeKline | RawKlineRow>>();

  constructor(
    /** Answers any (symbol, openTime) the Map does not hold; undefined means no kline there. */
    public script: KlineScript | undefined,
    symbols: readonly FakeSymbol[],
    /** Earliest open time the script answers for (bounds the search when startTime is absent). */
    public listedSince: number,
  ) {
    for (const s of symbols) this.symbols.set(s.symbol, s);
  }

  set(symbol: string, openTime: number, kline: FakeKline | RawKlineRow): void {
    let bySymbol = this.klines.get(symbol);
    if (!bySymbol) {
      bySymbol = new Map<number, FakeKline | RawKlineRow>();
      this.klines.set(symbol, bySymbol);
    }
    bySymbol.set(openTime, kline);
  }

  knows(symbol: string): boolean {
    return this.symbols.has(symbol) || this.klines.has(symbol);
  }

  kline(symbol: string, openTime: number): FakeKline | RawKlineRow | undefined {
    return this.klines.get(symbol)?.get(openTime) ?? (this.symbols.has(symbol) ? this.script?.(symbol, openTime) : undefined);
  }

  /**
   * Open times of klines within [start, end], at most `limit`: the oldest from
   * `start` when it is given, else the newest up to `end` (Binance semantics).
   */
  openTimes(symbol: string, start: number | undefined, end: number, limit: number): number[] {
    const lo = start ?? Number.NEGATIVE_INFINITY;
    const times = new Set<number>();
    for (const t of this.klines.get(symbol)?.keys() ?? []) if (t >= lo && t <= end) times.add(t);
    const script = this.symbols.has(symbol) ? this.script : undefined;
    if (script) {
      const first = Math.ceil(Math.max(lo, this.listedSince) / MINUTE) * MINUTE;
      const last = Math.floor(end / MINUTE) * MINUTE;
      const step = start !== undefined ? MINUTE : -MINUTE;
      let found = 0;
      for (let t = start !== undefined ? first : last; t >= first && t <= last && found < limit; t += step) {
        if (script(symbol, t)) {
          times.add(t);
          found++;
        }
      }
    }
    const sorted = [...times].sort((a, b) => a - b);
    return start !== undefined ? sorted.slice(0, limit) : sorted.slice(-limit);
  }
}
