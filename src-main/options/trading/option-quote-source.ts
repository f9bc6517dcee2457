import { parseOccSymbol } from '../../../shared/options/occ-symbol';
import type { ContractQuote } from '../../../shared/options/wire/contract-quote';
import type { Quote } from '../../../shared/trading/quote';
import type { Ticker } from '../../platform/app/clock';
import type { Logger } from '../../platform/rpc';
import type { InstrumentQuoteSource } from '../../trading/quotes/instrument-quote-source';
import type { ChainProviders } from '../chain/chain-providers';
import { chainFailure } from '../service/options-service';

/** Held contracts are quoted at least this often (the data gate's freshness; theta moves the price as time passes). */
export const OPTION_QUOTE_HEARTBEAT_MS = 1_000;

interface OpenQuote {
  readonly source: string;
  readonly symbol: string;
  readonly underlying: string;
  readonly push: (q: Quote) => void;
}

const keyOf = (source: string, symbol: string): string => `${source}\u0000${symbol}`;

/** A chain's quote of a contract as the quote service carries it: a book quote whose symbol is the OCC symbol, with the underlying's price. */
export function quoteOfContract(q: ContractQuote): Quote | null {
  if (!(q.ask > 0)) return null;
  return { source: q.source, symbol: q.symbol, bid: q.bid, ask: q.ask, last: q.last, time: q.time, kind: 'book', underlyingPrice: q.underlyingPrice };
}

/**
 * Option contracts' quotes for the QuoteService (and so for the ticket, the
 * positions and the paper broker's fills): quotes(source, OCC symbol) from
 * the chain of that source, asked again every OPTION_QUOTE_HEARTBEAT_MS and
 * whenever the underlying's price changes, in one request per source for
 * every contract followed. A contract that is expired or not listed is
 * refused when its quotes are opened (NOT_FOUND naming params.symbol).
 */
export class OptionQuoteSource implements InstrumentQuoteSource {
  private readonly opened = new Map<string, OpenQuote>();
  private readonly underlyings = new Map<string, { count: number; stop: () => void }>();
  private stopBeat: (() => void) | null = null;

  constructor(
    private readonly providers: ChainProviders,
    private readonly ticker: Ticker,
    private readonly log: Logger,
  ) {}

  quotes(source: string, symbol: string): boolean {
    const provider = this.providers.get(source);
    const parsed = parseOccSymbol(symbol);
    return provider !== undefined && parsed.ok && provider.covers(parsed.value.root);
  }

  open(source: string, symbol: string, push: (q: Quote) => void): () => void {
    const provider = this.providers.require(source);
    const contract = provider.check(symbol);
    if (!contract.ok) throw chainFailure(contract.error, ['symbol']);
    const key = keyOf(source, symbol);
    const entry: OpenQuote = { source, symbol, underlying: contract.value.underlying, push };
    this.opened.set(key, entry);
    const stopUnderlying = this.followUnderlying(source, entry.underlying);
    this.stopBeat ??= this.ticker(() => this.refreshWhere(() => true), OPTION_QUOTE_HEARTBEAT_MS);
    this.refresh(source, [symbol]);
    return () => {
      if (this.opened.get(key) !== entry) return;
      this.opened.delete(key);
      stopUnderlying();
      if (this.opened.size === 0) {
        this.stopBeat?.();
        this.stopBeat = null;
      }
    };
  }

  private followUnderlying(source: string, underlying: string): () => void {
    const key = keyOf(source, underlying);
    const known = this.underlyings.get(key);
    if (known !== undefined) known.count++;
    else {
      const stop = this.providers.require(source).onUnderlying(underlying, () => this.refreshWhere((o) => o.source === source && o.underlying === underlying));
      this.underlyings.set(key, { count: 1, stop });
    }
    let done = false;
    return () => {
      const w = this.underlyings.get(key);
      if (done || w === undefined) return;
      done = true;
      w.count--;
      if (w.count > 0) return;
      w.stop();
      this.underlyings.delete(key);
    };
  }

  /** Asks each source once for the open contracts that match. */
  private refreshWhere(match: (o: OpenQuote) => boolean): void {
    const bySource = new Map<string, string[]>();
    for (const o of this.opened.values()) if (match(o)) bySource.set(o.source, [...(bySource.get(o.source) ?? []), o.symbol]);
    for (const [source, symbols] of bySource) this.refresh(source, symbols);
  }

  private refresh(source: string, symbols: readonly string[]): void {
    const provider = this.providers.get(source);
    if (provider === undefined) return;
    provider
      .quotes(symbols)
      .then((answers) => {
        for (const [symbol, answer] of answers) {
          const entry = this.opened.get(keyOf(source, symbol));
          if (entry === undefined || !answer.ok) continue;
          const q = quoteOfContract(answer.value);
          if (q !== null) entry.push(q);
        }
      })
      .catch((err: unknown) => this.log.error(`option quotes from ${source} failed`, err));
  }
}
