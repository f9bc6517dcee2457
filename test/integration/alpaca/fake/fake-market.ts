import { MINUTE_MS } from '../../../../shared/domain/interval';
import { nyInstant, nyLocal } from '../../../../shared/market/new-york-time';
import { usEquitySession } from '../../../../shared/market/sessions';
import { hashString, mix32, Rng } from '../../../../shared/random/seeded-random';

/**
 * The fake Alpaca's market: deterministic US-stock trades for any symbol and
 * minute, generated from a seed (no state, so any range costs only its own
 * minutes), and the 1m bars they make. Every fake endpoint reads this one
 * truth: the data REST (bars), the stock stream (trades, quotes, bars), and
 * later the trading fakes (fills at these prices). Prices are whole cents, so
 * the expected bars are exact.
 */
export interface FakeTrade {
  /** Alpaca's trade id (`i`), unique per symbol. */
  readonly id: number;
  readonly time: number;
  readonly cents: number;
  readonly size: number;
  /** Exchange code (`x`): V is IEX. */
  readonly exchange: string;
}

/** A 1m bar as the fake serves it: cents and whole shares, exact. */
export interface FakeBar {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly trades: number;
  /** Volume-weighted average price in cents (fractional). */
  readonly vwapCents: number;
}

export interface FakeMarketOptions {
  readonly seed?: number;
  /** Symbols Alpaca knows (others are "invalid symbol"); default SPY, AAPL, QQQ, NVDA, SOFI. */
  readonly symbols?: readonly string[];
  /** No trade before this instant (the symbol's first bar); default 2016-01-04. */
  readonly listedSince?: number;
  /** Pre- and post-market trades (04:00-09:30 and 16:00-20:00 New York), as IEX has; default true. */
  readonly extendedHours?: boolean;
  /** Share of regular-session minutes without any trade (an illiquid symbol); default 0. */
  readonly quietShare?: number;
}

export const FAKE_SYMBOLS: readonly string[] = ['SPY', 'AAPL', 'QQQ', 'NVDA', 'SOFI'];
const PRE_MARKET_MINUTE = 4 * 60;
const POST_MARKET_END_MINUTE = 20 * 60;

export class FakeMarket {
  readonly symbols: ReadonlySet<string>;
  private readonly seed: number;
  private readonly listedSince: number;
  private readonly extendedHours: boolean;
  private readonly quietShare: number;

  constructor(options: FakeMarketOptions = {}) {
    this.seed = options.seed ?? 15;
    this.symbols = new Set(options.symbols ?? FAKE_SYMBOLS);
    this.listedSince = options.listedSince ?? Date.UTC(2016, 0, 4);
    this.extendedHours = options.extendedHours ?? true;
    this.quietShare = options.quietShare ?? 0;
  }

  knows(symbol: string): boolean {
    return this.symbols.has(symbol);
  }

  /** Whether the fake trades `symbol` at all in the minute opening at `minute` (trading day, hours, listing). */
  trades(symbol: string, minute: number): readonly FakeTrade[] {
    if (!this.symbols.has(symbol) || minute < this.listedSince || minute % MINUTE_MS !== 0) return [];
    const local = nyLocal(minute);
    const session = usEquitySession(local.days);
    if (session === null) return [];
    const regular = minute >= session.open && minute < session.close;
    const extended = minute >= nyInstant(local.days, PRE_MARKET_MINUTE) && minute < nyInstant(local.days, POST_MARKET_END_MINUTE);
    if (!regular && !(this.extendedHours && extended)) return [];
    const m = minute / MINUTE_MS;
    const r = new Rng(mix32(mix32(this.seed, hashString(symbol)), m));
    if (regular && r.uniform() < this.quietShare) return [];
    // Outside the session a minute trades only now and then.
    if (!regular && r.uniform() < 0.6) return [];
    const base = symbolBaseCents(symbol);
    const level = base + ((m * 7919) % 2_001) - 1_000;
    const n = regular ? 2 + Math.floor(r.uniform() * 6) : 1 + Math.floor(r.uniform() * 2);
    const times = Array.from({ length: n }, () => minute + Math.floor(r.uniform() * 59_990)).sort((a, b) => a - b);
    return times.map((time, k) => ({
      id: m * 16 + k,
      time,
      cents: Math.max(1, level + Math.round((r.uniform() - 0.5) * 60)),
      size: 1 + Math.floor(r.uniform() * 400),
      exchange: 'V',
    }));
  }

  /** The bar of the minute opening at `minute`, from its trades up to `upTo` (the forming bar holds those so far). */
  bar(symbol: string, minute: number, upTo = Number.POSITIVE_INFINITY): FakeBar | undefined {
    const rows = this.trades(symbol, minute).filter((t) => t.time <= upTo);
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (first === undefined || last === undefined) return undefined;
    const volume = rows.reduce((s, t) => s + t.size, 0);
    return {
      time: minute,
      open: first.cents,
      high: Math.max(...rows.map((t) => t.cents)),
      low: Math.min(...rows.map((t) => t.cents)),
      close: last.cents,
      volume,
      trades: rows.length,
      vwapCents: rows.reduce((s, t) => s + t.cents * t.size, 0) / volume,
    };
  }

  /** Bars with open time in [from, to), oldest first, as known at `upTo`. */
  bars(symbol: string, from: number, to: number, upTo = Number.POSITIVE_INFINITY): FakeBar[] {
    const out: FakeBar[] = [];
    if (!this.symbols.has(symbol)) return out;
    for (let t = Math.ceil(Math.max(from, this.listedSince) / MINUTE_MS) * MINUTE_MS; t < to; t += MINUTE_MS) {
      const b = this.bar(symbol, t, upTo);
      if (b !== undefined) out.push(b);
    }
    return out;
  }

  /** The best bid and ask around the last trade at or before `t` in its minute, in cents (one cent either side). */
  quote(symbol: string, minute: number, upTo: number): { bid: number; ask: number } | undefined {
    const rows = this.trades(symbol, minute).filter((x) => x.time <= upTo);
    const last = rows[rows.length - 1];
    return last === undefined ? undefined : { bid: last.cents - 1, ask: last.cents + 1 };
  }
}

function symbolBaseCents(symbol: string): number {
  return 2_000 + (hashString(symbol) % 50_000);
}

/** Cents → the JSON number Alpaca sends (187.23). */
export function dollars(cents: number): number {
  return cents / 100;
}

/** Epoch ms → the RFC 3339 text Alpaca sends: whole seconds as "…Z", else with nanoseconds. */
export function rfc3339(t: number, nanos = false): string {
  const iso = new Date(t).toISOString();
  if (!nanos) return t % 1000 === 0 ? iso.replace('.000Z', 'Z') : iso;
  return iso.replace('Z', '123456Z');
}
