import type { Instrument } from '../../../../shared/domain/instrument';
import type { SymbolId } from '../../../../shared/domain/symbol';
import type { BinanceSymbolInfo } from './parse-rest';

/** Quote assets whose pairs Tapedeck lists (the rest of Binance's ~2,000 symbols stay out of the search). */
const LISTED_QUOTES = new Set(['USDT', 'USDC', 'FDUSD', 'BTC', 'EUR']);

/** Listed before exchangeInfo answers (and when it cannot be reached), so the watchlist's crypto symbols resolve. */
export const DEFAULT_BINANCE_INSTRUMENTS: readonly Instrument[] = [
  ['BTCUSDT', 'Bitcoin / TetherUS', 0.01, 0.00001],
  ['ETHUSDT', 'Ethereum / TetherUS', 0.01, 0.0001],
  ['SOLUSDT', 'Solana / TetherUS', 0.01, 0.001],
].map(([symbol, description, tickSize, lotSize]) => ({
  source: 'binance',
  symbol: symbol as SymbolId,
  market: 'crypto' as const,
  description: String(description),
  tickSize: Number(tickSize),
  lotSize: Number(lotSize),
  baseInterval: '1m' as const,
}));

/** exchangeInfo symbols → instruments: trading pairs with a listed quote asset. */
export function binanceInstruments(symbols: readonly BinanceSymbolInfo[]): Instrument[] {
  return symbols
    .filter((s) => s.status === 'TRADING' && LISTED_QUOTES.has(s.quoteAsset))
    .map((s) => ({
      source: 'binance',
      symbol: s.symbol as SymbolId,
      market: 'crypto' as const,
      description: `${s.baseAsset} / ${s.quoteAsset}`,
      tickSize: s.tickSize,
      lotSize: s.stepSize,
      baseInterval: '1m' as const,
    }));
}
