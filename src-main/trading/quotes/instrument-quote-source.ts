import type { Quote } from '../../../shared/trading/quote';

/**
 * Quotes of instruments no feed lists, plugged into the QuoteService: an
 * option chain's contracts, quoted from their chain (source = the chain's
 * source, symbol = the OCC symbol). The service asks each source in turn
 * whether it quotes an instrument before it looks for a feed.
 */
export interface InstrumentQuoteSource {
  /** Whether it quotes (source, symbol): no I/O, a well-formed symbol it knows how to price. */
  quotes(source: string, symbol: string): boolean;
  /**
   * Starts the instrument's quotes (pushed as they change, at least every
   * second while open); throws a ContractFailure naming the field when it
   * cannot (an expired contract). Returns the function that stops them.
   */
  open(source: string, symbol: string, push: (q: Quote) => void): () => void;
}
