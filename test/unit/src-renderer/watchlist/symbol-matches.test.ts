import { describe, expect, it } from 'vitest';
import { matchSymbols, searchableSymbols } from '../../../../src-renderer/watchlist/symbol-matches';
import { feedInfo, FEEDS, instrument, sym } from '../feed-fixtures';

const BINANCE = { id: 'binance', simulated: false };
const SIM = { id: 'sim', simulated: true };

describe('searchableSymbols', () => {
  it('lists each symbol once with every feed but replay, binance first, described by binance', () => {
    expect(searchableSymbols(FEEDS, [sym('SPY')])).toEqual([
      { symbol: 'BTCUSDT', description: 'Bitcoin / Tether', market: 'crypto', sources: [BINANCE, SIM], watched: false },
      { symbol: 'ETHUSDT', description: 'Ether / Tether', market: 'crypto', sources: [BINANCE], watched: false },
      { symbol: 'SPY', description: 'SPDR S&P 500 ETF (simulated)', market: 'us-equity', sources: [SIM], watched: true },
    ]);
  });
});

describe('matchSymbols', () => {
  const symbols = (query: string, limit?: number): string[] => matchSymbols(FEEDS, query, [], limit).map((m) => m.symbol);

  it('ranks an exact symbol, then prefixes, then inner matches, then descriptions', () => {
    const feeds = [
      feedInfo('sim', [
        instrument('sim', 'USDT', 'crypto', 'Tether'),
        instrument('sim', 'BTCUSDT', 'crypto', 'Bitcoin / Tether'),
        instrument('sim', 'USDC', 'crypto', 'USD Coin'),
        instrument('sim', 'AAPL', 'us-equity', 'Apple, usdt-free'),
      ]),
    ];
    expect(matchSymbols(feeds, 'usdt', []).map((m) => m.symbol)).toEqual(['USDT', 'BTCUSDT', 'AAPL']);
    expect(matchSymbols(feeds, 'us', []).map((m) => m.symbol)).toEqual(['USDC', 'USDT', 'BTCUSDT', 'AAPL']);
  });

  it('ignores case and separators in the query', () => {
    expect(symbols('btc/usdt')).toEqual(['BTCUSDT']);
    expect(symbols(' eth-usdt ')).toEqual(['ETHUSDT']);
    expect(symbols('ether /')).toEqual(['ETHUSDT']);
  });

  it('matches nothing for a blank query, an unknown one or before the list is read', () => {
    expect(symbols('  ')).toEqual([]);
    expect(symbols('/')).toEqual([]);
    expect(symbols('XYZ')).toEqual([]);
    expect(matchSymbols(null, 'BTC', [])).toEqual([]);
  });

  it('marks watched symbols and keeps to the limit', () => {
    expect(matchSymbols(FEEDS, 'T', [sym('ETHUSDT')]).map((m) => [m.symbol, m.watched])).toEqual([
      ['BTCUSDT', false],
      ['ETHUSDT', true],
      ['SPY', false],
    ]);
    expect(symbols('T', 2)).toEqual(['BTCUSDT', 'ETHUSDT']);
  });
});
