import type { Checked } from '../../../shared/options/options-input-error';
import type { OptionContract } from '../../../shared/options/option-contract';
import type { OptionType } from '../../../shared/options/option-type';
import type { ChainSnapshot, ExpirationInfo } from '../../../shared/options/wire/chain-snapshot';
import type { ContractQuote } from '../../../shared/options/wire/contract-quote';

/**
 * Which part of an underlying's chain (Alpaca's snapshot filters: type,
 * strike_price_gte/lte, expiration_date_gte/lte). Dates are New York
 * session dates, days since 1970-01-01, both ends included.
 */
export interface ChainQuery {
  readonly underlying: string;
  readonly expiryFrom?: number;
  readonly expiryTo?: number;
  readonly type?: OptionType;
  readonly strikeMin?: number;
  readonly strikeMax?: number;
}

/**
 * An option chain: the simulated one (sim/sim-chain-provider.ts), later
 * Alpaca's (GET /v1beta1/options/snapshots/{underlying}, paged by
 * next_page_token: latestQuote → bid/ask, latestTrade → last, greeks and
 * impliedVolatility converted to the units of chain-row.ts — Alpaca's theta
 * is per day and vega per point already; open interest is not in a
 * snapshot, so null). Everything a refusal says names the field
 * (`underlying`, `expiry`, `strike`, `symbol`...). Answers are promises: a
 * venue's chain is a round trip; the sim answers at once.
 */
export interface OptionChainProvider {
  /** The source its contracts trade on (`sim`, `alpaca`): orders and quotes on an OCC symbol use it. */
  readonly source: string;
  /** Whether it has a chain for this underlying. */
  covers(underlying: string): boolean;
  /**
   * The contract a symbol names, checked without a round trip: well formed,
   * on an underlying it covers, not expired, and listed where that is known
   * locally (the sim's listing; a venue's provider checks the format and the
   * expiry only).
   */
  check(symbol: string): Checked<OptionContract>;
  /** What it can refuse about a query without a round trip (an underlying it has no chain for; the sim: an expiration it does not list). */
  checkQuery(query: ChainQuery): Checked<ChainQuery>;
  /** The expirations listed now, nearest first. */
  expirations(underlying: string): Promise<Checked<readonly ExpirationInfo[]>>;
  /** A snapshot of the query's contracts now (one request per page at a venue). */
  chain(query: ChainQuery): Promise<Checked<ChainSnapshot>>;
  /** Quotes of given contracts now (held ones, the ticket's): one answer per symbol (Alpaca: snapshots?symbols=…, batched). */
  quotes(symbols: readonly string[]): Promise<ReadonlyMap<string, Checked<ContractQuote>>>;
  /** The latest quote it has of a contract without a round trip (the sim prices it now; a venue's provider keeps its last snapshot), or null. */
  latest(symbol: string): ContractQuote | null;
  /** Calls `listener` with the underlying's price whenever it changes; returns the function that stops. */
  onUnderlying(underlying: string, listener: (price: number) => void): () => void;
  /** The underlying's price at an instant past (its close at an expiry instant), or null when unknown. */
  settlementPrice(underlying: string, at: number): Promise<number | null>;
  /** Forgets what it cached of an underlying (or everything): the next answer is fresh. */
  refresh(underlying?: string): void;
  /** Stops its timers and subscriptions. */
  close(): void;
}
