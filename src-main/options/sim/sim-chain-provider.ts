import { asEpochMs } from '../../../shared/domain/epoch';
import type { SymbolId } from '../../../shared/domain/symbol';
import { isoDate } from '../../../shared/market/civil-date';
import { contractFromOcc, expiryInstant, STANDARD_MULTIPLIER, type OptionContract } from '../../../shared/options/option-contract';
import { refuse, type Checked } from '../../../shared/options/options-input-error';
import type { SimOptionChain } from '../../../shared/options/sim-chain/sim-option-chain';
import { simOptionParams, SIM_OPTION_RATE } from '../../../shared/options/sim-chain/sim-option-params';
import { isOnStep } from '../../../shared/trading/decimal-steps';
import type { ChainSnapshot, ExpirationInfo } from '../../../shared/options/wire/chain-snapshot';
import type { ContractQuote } from '../../../shared/options/wire/contract-quote';
import type { Ticker } from '../../platform/app/clock';
import type { SimMarket } from '../../market-data/feeds/sim/sim-market';
import { expirationInfos } from '../chain/expiration-info';
import type { ChainQuery, OptionChainProvider } from '../chain/option-chain-provider';
import { UnderlyingWatch } from './underlying-watch';
import { SimPriceReader } from './sim-price-reader';
import { simChainRow, simContractQuote } from './sim-rows';
import { SIM_OPTION_UNDERLYINGS, simOptionChain } from './sim-underlying';

export interface SimChainDeps {
  /** The sim's seed (the sim feed's: the chain is on the same market). */
  readonly seed: number;
  /** The sim's market, where the underlying's live price is read. */
  readonly market: SimMarket;
  /** The sim's clock (the wall clock, or the one a test moves). */
  readonly now: () => number;
  readonly ticker: Ticker;
}

/**
 * The simulated chain (shared/options/sim-chain) on SPY, QQQ, AAPL and NVDA,
 * priced at the underlying's live price now. Listing: what the sim lists on
 * today's New York date; a contract listed on an earlier day stays good
 * until it expires (a strike on the underlying's finest strike step that
 * today's grid, centred on yesterday's close, no longer shows).
 */
export class SimChainProvider implements OptionChainProvider {
  readonly source = 'sim';
  private readonly chains = new Map<string, SimOptionChain>();
  private readonly prices: SimPriceReader;
  private readonly watch: UnderlyingWatch;

  constructor(private readonly deps: SimChainDeps) {
    this.prices = new SimPriceReader(deps.market);
    this.watch = new UnderlyingWatch((u) => this.prices.priceAt(u, deps.now()), deps.ticker);
  }

  covers(underlying: string): boolean {
    return SIM_OPTION_UNDERLYINGS.includes(underlying);
  }

  check(symbol: string): Checked<OptionContract> {
    const parsed = contractFromOcc(symbol);
    if (!parsed.ok) return parsed;
    const c = parsed.value;
    const chain = this.chainOf(c.root);
    if (chain === null) return refuse('root', `the sim lists options on ${SIM_OPTION_UNDERLYINGS.join(', ')}, not ${c.root}`);
    const found = chain.find(symbol, this.deps.now());
    if (found.ok || found.error.field !== 'strike') return found;
    const step = simOptionParams(c.root)?.innerStep(0) ?? 1;
    return isOnStep(c.strike, step) ? { ok: true, value: c } : found;
  }

  checkQuery(query: ChainQuery): Checked<ChainQuery> {
    const chain = this.chainOf(query.underlying);
    if (chain === null) return refuse('underlying', `the sim lists options on ${SIM_OPTION_UNDERLYINGS.join(', ')}, not ${query.underlying}`);
    const one = query.expiryFrom !== undefined && query.expiryFrom === query.expiryTo ? query.expiryFrom : null;
    if (one === null) return { ok: true, value: query };
    const now = this.deps.now();
    if (expiryInstant(one) <= now) return refuse('expiry', `${query.underlying} ${isoDate(one)} has expired (at 16:00 New York that day)`);
    const listed = chain.expirations(now);
    if (listed.some((e) => e.date === one)) return { ok: true, value: query };
    const next = listed.find((e) => e.date > one);
    return refuse('expiry', `no ${query.underlying} expiration on ${isoDate(one)}${next === undefined ? '' : ` (the next is ${isoDate(next.date)})`}`);
  }

  expirations(underlying: string): Promise<Checked<readonly ExpirationInfo[]>> {
    const chain = this.chainOf(underlying);
    if (chain === null) return Promise.resolve(refuse('underlying', `the sim lists options on ${SIM_OPTION_UNDERLYINGS.join(', ')}, not ${underlying}`));
    const now = this.deps.now();
    return Promise.resolve({ ok: true, value: expirationInfos(chain.expirations(now), now) });
  }

  chain(query: ChainQuery): Promise<Checked<ChainSnapshot>> {
    return Promise.resolve(this.chainNow(query));
  }

  quotes(symbols: readonly string[]): Promise<ReadonlyMap<string, Checked<ContractQuote>>> {
    return Promise.resolve(new Map(symbols.map((s) => [s, this.quoteNow(s)])));
  }

  latest(symbol: string): ContractQuote | null {
    const q = this.quoteNow(symbol);
    return q.ok ? q.value : null;
  }

  onUnderlying(underlying: string, listener: (price: number) => void): () => void {
    return this.watch.on(underlying, listener);
  }

  settlementPrice(underlying: string, at: number): Promise<number | null> {
    return Promise.resolve(this.prices.priceAt(underlying, at));
  }

  refresh(underlying?: string): void {
    if (underlying === undefined) this.chains.clear();
    else this.chains.delete(underlying);
  }

  close(): void {
    this.watch.close();
  }

  private chainOf(underlying: string): SimOptionChain | null {
    const known = this.chains.get(underlying);
    if (known !== undefined) return known;
    const chain = this.covers(underlying) ? simOptionChain(this.deps.seed, underlying) : null;
    if (chain !== null) this.chains.set(underlying, chain);
    return chain;
  }

  private priceNow(underlying: string, now: number): Checked<number> {
    const price = this.prices.priceAt(underlying, now);
    return price === null ? refuse('underlying', `the sim has no ${underlying} price at ${new Date(now).toISOString()}`) : { ok: true, value: price };
  }

  private chainNow(query: ChainQuery): Checked<ChainSnapshot> {
    const checked = this.checkQuery(query);
    if (!checked.ok) return checked;
    const chain = this.chainOf(query.underlying);
    if (chain === null) return refuse('underlying', `no chain for ${query.underlying}`);
    const now = this.deps.now();
    const price = this.priceNow(query.underlying, now);
    if (!price.ok) return price;
    const { expiryFrom = Number.NEGATIVE_INFINITY, expiryTo = Number.POSITIVE_INFINITY, strikeMin = 0, strikeMax = Number.POSITIVE_INFINITY } = query;
    const listed = chain.expirations(now).filter((e) => e.date >= expiryFrom && e.date <= expiryTo);
    const infos = new Map(expirationInfos(chain.expirations(now), now).map((e) => [e.expiresAt, e]));
    const expirations = listed.flatMap((e) => {
      const info = infos.get(asEpochMs(expiryInstant(e.date)));
      if (info === undefined) return [];
      const wanted = chain.contracts(now, e.date).filter((c) => (query.type === undefined || c.type === query.type) && c.strike >= strikeMin && c.strike <= strikeMax);
      return [{ ...info, rows: wanted.map((c) => simChainRow(chain.quote(c, price.value, now, e.kind))) }];
    });
    return {
      ok: true,
      value: {
        source: this.source,
        underlying: query.underlying as SymbolId,
        underlyingPrice: price.value,
        time: asEpochMs(now),
        rate: SIM_OPTION_RATE,
        dividendYield: chain.dividendYield,
        multiplier: STANDARD_MULTIPLIER,
        expirations,
      },
    };
  }

  private quoteNow(symbol: string): Checked<ContractQuote> {
    const contract = this.check(symbol);
    if (!contract.ok) return contract;
    const c = contract.value;
    const chain = this.chainOf(c.root);
    if (chain === null) return refuse('root', `no chain for ${c.root}`);
    const now = this.deps.now();
    const price = this.priceNow(c.underlying, now);
    if (!price.ok) return price;
    const kind = chain.expirations(now).find((e) => e.date === c.expiryDate)?.kind ?? 'weekly';
    return { ok: true, value: simContractQuote(chain.quote(c, price.value, now, kind), chain.dividendYield) };
  }
}
