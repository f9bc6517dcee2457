import { describe, expect, it } from 'vitest';
import type { FeedSituation, FeedStatuses } from '../../../../src-renderer/feeds/feed-situation';
import { candidateFeeds, resolveSource } from '../../../../src-renderer/feeds/source-resolution';
import { feedInfo, FEEDS, instrument } from '../feed-fixtures';

const at = (statuses: FeedStatuses): FeedSituation => ({ feeds: FEEDS, statuses });
const ALL_LIVE = at({ sim: 'LIVE', binance: 'LIVE', replay: 'REPLAY' });
const BINANCE_OFFLINE = at({ sim: 'LIVE', binance: 'OFFLINE', replay: 'REPLAY' });

describe('candidateFeeds', () => {
  it('tries binance, alpaca, the default feed, then sim, each once', () => {
    expect(candidateFeeds('sim')).toEqual(['binance', 'alpaca', 'sim']);
    expect(candidateFeeds('replay')).toEqual(['binance', 'alpaca', 'replay', 'sim']);
    expect(candidateFeeds('binance')).toEqual(['binance', 'alpaca', 'sim']);
  });
});

describe('resolveSource', () => {
  it('prefers binance for the symbols it lists while it is reachable', () => {
    expect(resolveSource('BTCUSDT', 'sim', ALL_LIVE)).toEqual({ source: 'binance', offlineFeed: null });
    expect(resolveSource('ETHUSDT', 'sim', ALL_LIVE)).toEqual({ source: 'binance', offlineFeed: null });
  });

  it('keeps the feed while it is DEGRADED or BACKFILLING', () => {
    for (const status of ['DEGRADED', 'BACKFILLING', 'REPLAY'] as const) {
      expect(resolveSource('BTCUSDT', 'sim', at({ sim: 'LIVE', binance: status }))).toEqual({ source: 'binance', offlineFeed: null });
    }
  });

  it('falls back to sim when binance is OFFLINE, naming binance', () => {
    expect(resolveSource('BTCUSDT', 'sim', BINANCE_OFFLINE)).toEqual({ source: 'sim', offlineFeed: 'binance' });
  });

  it('follows binance back once it is no longer OFFLINE', () => {
    const situations = [ALL_LIVE, BINANCE_OFFLINE, at({ sim: 'LIVE', binance: 'BACKFILLING' }), ALL_LIVE];
    expect(situations.map((s) => resolveSource('BTCUSDT', 'sim', s)?.source)).toEqual(['binance', 'sim', 'binance', 'binance']);
  });

  it('uses the default feed, then sim, for symbols no preferred feed lists', () => {
    expect(resolveSource('SPY', 'sim', ALL_LIVE)).toEqual({ source: 'sim', offlineFeed: null });
    expect(resolveSource('SPY', 'replay', ALL_LIVE)).toEqual({ source: 'sim', offlineFeed: null });
    expect(resolveSource('BTCUSDT', 'replay', BINANCE_OFFLINE)).toEqual({ source: 'replay', offlineFeed: 'binance' });
  });

  it('takes sim when every feed listing the symbol is OFFLINE, the default feed when none lists it', () => {
    const down = at({ sim: 'OFFLINE', binance: 'OFFLINE' });
    expect(resolveSource('BTCUSDT', 'binance', down)).toEqual({ source: 'sim', offlineFeed: 'binance' });
    expect(resolveSource('SPY', 'binance', down)).toEqual({ source: 'sim', offlineFeed: null });
    expect(resolveSource('AAPL', 'binance', ALL_LIVE)).toEqual({ source: 'binance', offlineFeed: null });
    expect(resolveSource('ETHUSDT', 'sim', BINANCE_OFFLINE)).toEqual({ source: 'sim', offlineFeed: 'binance' });
  });

  it('counts a listed feed with no reported status as reachable', () => {
    const alpaca = feedInfo('alpaca', [instrument('alpaca', 'SPY', 'us-equity', 'SPDR S&P 500 ETF Trust')]);
    const situation: FeedSituation = { feeds: [...FEEDS, alpaca], statuses: { sim: 'LIVE', binance: 'LIVE' } };
    expect(resolveSource('SPY', 'sim', situation)).toEqual({ source: 'alpaca', offlineFeed: null });
  });

  it('keeps a pinned source whatever the feeds say, and waits for the feeds otherwise', () => {
    expect(resolveSource('BTCUSDT', 'sim', BINANCE_OFFLINE, 'replay')).toEqual({ source: 'replay', offlineFeed: null });
    expect(resolveSource('BTCUSDT', 'sim', null, 'replay')).toEqual({ source: 'replay', offlineFeed: null });
    expect(resolveSource('BTCUSDT', 'sim', null)).toBeNull();
  });
});
