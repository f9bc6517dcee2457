import { asEpochMs } from '../../../shared/domain/epoch';
import type { SymbolId } from '../../../shared/domain/symbol';
import { nyLocal } from '../../../shared/market/new-york-time';
import { contractFromOcc, intrinsicValue, isExpired, type OptionContract } from '../../../shared/options/option-contract';
import { refuse, type Checked } from '../../../shared/options/options-input-error';
import { breakEven } from '../../../shared/options/ticket-math';
import type { ChainRow } from '../../../shared/options/wire/chain-row';
import type { ChainSnapshot, ExpirationInfo } from '../../../shared/options/wire/chain-snapshot';
import type { ContractQuote } from '../../../shared/options/wire/contract-quote';
import { expiryText } from '../../../shared/options/wire/expiry-date';
import { expirationInfos } from '../chain/expiration-info';
import type { ChainQuery, OptionChainProvider } from '../chain/option-chain-provider';
import { parseSnapshotPage, type OptionSnapshot } from './option-snapshots-wire';

/** One GET of Alpaca's data API under the client's policy (keys, 429 and 5xx): the parsed JSON body. */
export type AlpacaDataGet = (path: string, params: Readonly<Record<string, string | number>>) => Promise<unknown>;

export interface AlpacaChainDeps {
  readonly get: AlpacaDataGet;
  readonly now: () => number;
  /** The underlying's price now (the stock stream's), or null while unknown: the snapshot asks Alpaca's latest trade then. */
  readonly underlyingPrice: (underlying: string) => number | null;
  /** Calls `listener` when the underlying's price changes; returns the stop. */
  readonly watchUnderlying: (underlying: string, listener: (price: number) => void) => () => void;
  /** `indicative` (free plan) or `opra`. */
  readonly feed?: 'indicative' | 'opra';
  /** A query's snapshot is fetched again at most this often (default 10 s); in between its rows are re-marked at the underlying's price. */
  readonly refreshMs?: number;
  /** A held contract's quote is fetched again at most this often (default 3 s; the quote source asks every second). */
  readonly quoteRefreshMs?: number;
  /** Snapshots per page (Alpaca: at most 1,000). */
  readonly pageLimit?: number;
  /** Rate and dividend yield Tapedeck assumes for Alpaca's chain (Alpaca's greeks come computed). */
  readonly rate?: number;
  /** Called by close() (the underlying prices' subscriptions). */
  readonly onClose?: () => void;
}

/** Symbols per batched snapshots request (Alpaca's limit: 100). */
const BATCH = 100;
/** Pages of one snapshot at most (1,000 each): a whole chain of a busy underlying is a few. */
const MAX_PAGES = 50;
/** Expirations are listed from contracts this near the money, this many days out. */
const LISTING_WINDOW = { strikeShare: 0.03, days: 120 } as const;
const SYMBOL = /^[A-Z]{1,6}$/;
const thousandths = (x: number): number => Math.round(x * 1000) / 1000;

interface Cached {
  readonly at: number;
  readonly snapshots: readonly OptionSnapshot[];
}

/**
 * Alpaca's option chain behind the chain interface: snapshots for an
 * underlying (paged by next_page_token; filters type, strike window and
 * expiration range passed to Alpaca), held contracts' quotes in batches of
 * 100 (snapshots?symbols=), each query fetched again at most every
 * `refreshMs` — the chain view's timer asks more often and gets the cached
 * rows re-marked at the underlying's live price — and `refresh` to fetch on
 * demand. Open interest is not in a snapshot (null); Alpaca settles
 * expiries itself (no settlement price from here).
 */
export class AlpacaChainProvider implements OptionChainProvider {
  readonly source = 'alpaca';
  private readonly cache = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<readonly OptionSnapshot[]>>();
  private readonly lastSeen = new Map<string, OptionSnapshot>();
  /** When each contract's snapshot was fetched: held contracts are asked again at most every quoteRefreshMs. */
  private readonly seenAt = new Map<string, number>();
  private readonly prices = new Map<string, number>();

  constructor(private readonly deps: AlpacaChainDeps) {}

  covers(underlying: string): boolean {
    return SYMBOL.test(underlying);
  }

  check(symbol: string): Checked<OptionContract> {
    const c = contractFromOcc(symbol);
    if (!c.ok) return c;
    if (isExpired(c.value, this.deps.now())) return refuse('symbol', `${symbol} expired on ${expiryText(c.value.expiryDate)}`);
    return c;
  }

  checkQuery(query: ChainQuery): Checked<ChainQuery> {
    if (!this.covers(query.underlying)) return refuse('underlying', `not a US stock symbol: ${JSON.stringify(query.underlying)}`);
    if (query.strikeMin !== undefined && query.strikeMax !== undefined && query.strikeMin > query.strikeMax) return refuse('strikeMin', 'must not be above strikeMax');
    if (query.expiryFrom !== undefined && query.expiryTo !== undefined && query.expiryFrom > query.expiryTo) return refuse('expiryFrom', 'must not be after expiryTo');
    return { ok: true, value: query };
  }

  async expirations(underlying: string): Promise<Checked<readonly ExpirationInfo[]>> {
    const checked = this.checkQuery({ underlying });
    if (!checked.ok) return checked;
    const price = await this.priceOf(underlying);
    const today = nyLocal(this.deps.now()).days;
    const near = price === null ? {} : { strikeMin: price * (1 - LISTING_WINDOW.strikeShare), strikeMax: price * (1 + LISTING_WINDOW.strikeShare) };
    const snaps = await this.snapshots({ underlying, expiryFrom: today, expiryTo: today + LISTING_WINDOW.days, type: 'call', ...near });
    const dates = [...new Set(snaps.map((s) => s.contract.expiryDate))];
    return { ok: true, value: expirationInfos(dates.map((date) => ({ date, kind: null })), this.deps.now()) };
  }

  async chain(query: ChainQuery): Promise<Checked<ChainSnapshot>> {
    const checked = this.checkQuery(query);
    if (!checked.ok) return checked;
    const snaps = await this.snapshots(query);
    const price = await this.priceOf(query.underlying);
    if (price === null) return refuse('underlying', `no price of ${query.underlying} yet from Alpaca`);
    const now = this.deps.now();
    const byExpiry = new Map<number, ChainRow[]>();
    for (const s of [...snaps].sort((a, b) => a.contract.strike - b.contract.strike || Number(a.contract.type === 'put') - Number(b.contract.type === 'put'))) {
      const rows = byExpiry.get(s.contract.expiryDate) ?? [];
      rows.push(chainRow(s, price));
      byExpiry.set(s.contract.expiryDate, rows);
    }
    const infos = expirationInfos([...byExpiry.keys()].map((date) => ({ date, kind: null })), now);
    return {
      ok: true,
      value: {
        source: 'alpaca',
        underlying: query.underlying as SymbolId,
        underlyingPrice: price,
        time: asEpochMs(now),
        rate: this.deps.rate ?? 0.04,
        dividendYield: 0,
        multiplier: 100,
        expirations: infos.map((e) => ({ ...e, rows: byExpiry.get(daysOf(e.expiresAt)) ?? [] })),
      },
    };
  }

  async quotes(symbols: readonly string[]): Promise<ReadonlyMap<string, Checked<ContractQuote>>> {
    const out = new Map<string, Checked<ContractQuote>>();
    const wanted: string[] = [];
    const now = this.deps.now();
    const fresh = (s: string): boolean => now - (this.seenAt.get(s) ?? Number.NEGATIVE_INFINITY) < (this.deps.quoteRefreshMs ?? 3_000);
    for (const s of symbols) {
      const c = this.check(s);
      const q = c.ok && fresh(s) ? this.latest(s) : null;
      if (!c.ok) out.set(s, c);
      else if (q !== null) out.set(s, { ok: true, value: q });
      else wanted.push(s);
    }
    for (let i = 0; i < wanted.length; i += BATCH) {
      const batch = wanted.slice(i, i + BATCH);
      const page = parseSnapshotPage(await this.deps.get('/v1beta1/options/snapshots', { symbols: batch.join(','), feed: this.deps.feed ?? 'indicative' }));
      this.remember(page.snapshots);
      for (const symbol of batch) {
        const q = this.latest(symbol);
        out.set(symbol, q === null ? refuse('symbol', `Alpaca has no snapshot of ${symbol}`) : { ok: true, value: q });
      }
    }
    return out;
  }

  latest(symbol: string): ContractQuote | null {
    const s = this.lastSeen.get(symbol);
    const price = s === undefined ? null : (this.deps.underlyingPrice(s.contract.underlying) ?? this.prices.get(s.contract.underlying) ?? null);
    if (s === undefined || price === null) return null;
    const c = s.contract;
    const now = this.deps.now();
    return {
      ...chainRow(s, price),
      source: 'alpaca',
      underlying: c.underlying as SymbolId,
      root: c.root,
      expiresAt: asEpochMs(c.expiryTime),
      multiplier: c.multiplier,
      status: isExpired(c, now) ? 'settled' : 'live',
      underlyingPrice: price,
      time: asEpochMs(now),
      rate: this.deps.rate ?? 0.04,
      dividendYield: 0,
      rhoPerPoint: s.rhoPerPoint,
      theo: null,
    };
  }

  onUnderlying(underlying: string, listener: (price: number) => void): () => void {
    return this.deps.watchUnderlying(underlying, listener);
  }

  settlementPrice(): Promise<number | null> {
    return Promise.resolve(null);
  }

  refresh(underlying?: string): void {
    for (const key of [...this.cache.keys()]) if (underlying === undefined || (JSON.parse(key) as unknown[])[0] === underlying) this.cache.delete(key);
  }

  close(): void {
    this.cache.clear();
    this.deps.onClose?.();
  }

  private remember(snapshots: readonly OptionSnapshot[]): void {
    const now = this.deps.now();
    for (const s of snapshots) {
      this.lastSeen.set(s.contract.symbol, s);
      this.seenAt.set(s.contract.symbol, now);
    }
  }

  /** The query's snapshots: cached while fresh, one fetch at a time per query. */
  private async snapshots(query: ChainQuery): Promise<readonly OptionSnapshot[]> {
    const key = JSON.stringify([query.underlying, query.expiryFrom ?? null, query.expiryTo ?? null, query.type ?? null, query.strikeMin ?? null, query.strikeMax ?? null]);
    const cached = this.cache.get(key);
    if (cached !== undefined && this.deps.now() - cached.at < (this.deps.refreshMs ?? 10_000)) return cached.snapshots;
    const running = this.inFlight.get(key);
    if (running !== undefined) return running;
    const fetching = this.fetchAll(query).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, fetching);
    const snapshots = await fetching;
    this.cache.set(key, { at: this.deps.now(), snapshots });
    this.remember(snapshots);
    return snapshots;
  }

  private async fetchAll(query: ChainQuery): Promise<OptionSnapshot[]> {
    const params: Record<string, string | number> = { feed: this.deps.feed ?? 'indicative', limit: this.deps.pageLimit ?? 1_000 };
    if (query.type !== undefined) params['type'] = query.type;
    if (query.strikeMin !== undefined) params['strike_price_gte'] = thousandths(query.strikeMin);
    if (query.strikeMax !== undefined) params['strike_price_lte'] = thousandths(query.strikeMax);
    if (query.expiryFrom !== undefined) params['expiration_date_gte'] = expiryText(query.expiryFrom);
    if (query.expiryTo !== undefined) params['expiration_date_lte'] = expiryText(query.expiryTo);
    const out: OptionSnapshot[] = [];
    let token: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await this.deps.get(`/v1beta1/options/snapshots/${encodeURIComponent(query.underlying)}`, token === null ? params : { ...params, page_token: token });
      const parsed = parseSnapshotPage(body);
      out.push(...parsed.snapshots);
      token = parsed.nextPageToken;
      if (token === null) return out;
    }
    throw new Error(`Alpaca option snapshots of ${query.underlying}: more than ${String(MAX_PAGES)} pages`);
  }

  /** The stream's price, else Alpaca's latest trade (GET /v2/stocks/{symbol}/trades/latest). */
  private async priceOf(underlying: string): Promise<number | null> {
    const live = this.deps.underlyingPrice(underlying);
    if (live !== null) return live;
    const known = this.prices.get(underlying);
    if (known !== undefined) return known;
    const body = (await this.deps.get(`/v2/stocks/${encodeURIComponent(underlying)}/trades/latest`, {})) as { trade?: { p?: unknown } } | null;
    const p = body?.trade?.p;
    if (typeof p !== 'number' || !(p > 0)) return null;
    this.prices.set(underlying, p);
    return p;
  }
}

/** Days since 1970 of an expiry instant (16:00 New York that day). */
function daysOf(expiresAt: number): number {
  return nyLocal(expiresAt).days;
}

/** A snapshot as a chain row at the underlying's price now. */
export function chainRow(s: OptionSnapshot, underlyingPrice: number): ChainRow {
  const c = s.contract;
  return {
    symbol: c.symbol as SymbolId,
    type: c.type,
    strike: c.strike,
    expiry: expiryText(c.expiryDate),
    bid: s.bid,
    ask: s.ask,
    mark: thousandths((s.bid + s.ask) / 2),
    last: s.last,
    iv: s.iv,
    delta: s.delta,
    gamma: s.gamma,
    thetaPerDay: s.thetaPerDay,
    vegaPerPoint: s.vegaPerPoint,
    volume: s.volume,
    openInterest: null,
    breakEven: s.ask > 0 ? thousandths(breakEven(c.type, c.strike, s.ask)) : null,
    inTheMoney: intrinsicValue(c.type, c.strike, underlyingPrice) > 0,
  };
}
