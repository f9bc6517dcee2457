import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../shared/contract';
import type { SymbolId } from '../../../../shared/domain/symbol';
import { resolveChart } from '../../../../src-renderer/chart/chart-target';
import type { FeedSituation } from '../../../../src-renderer/feeds/feed-situation';
import { FEEDS } from '../feed-fixtures';

const sym = (s: string): SymbolId => s as SymbolId;
const settings: Settings = {
  theme: 'dark',
  defaultFeed: 'sim',
  defaultInterval: '5m',
  watchlist: [sym('BTCUSDT'), sym('ETHUSDT')],
  displayTimeZone: 'UTC',
  markerSchedules: [],
};
const binanceLive: FeedSituation = { feeds: FEEDS, statuses: { sim: 'LIVE', binance: 'LIVE' } };
const binanceOffline: FeedSituation = { feeds: FEEDS, statuses: { sim: 'LIVE', binance: 'OFFLINE' } };
const simOnly: FeedSituation = { feeds: FEEDS.filter((f) => f.id === 'sim'), statuses: { sim: 'LIVE' } };

describe('resolveChart', () => {
  it('defaults to the first watched symbol, its resolved source and the default interval', () => {
    expect(resolveChart({ activeSymbol: null, chartSource: null, interval: null }, settings, binanceLive)).toEqual({
      source: 'binance',
      symbol: 'BTCUSDT',
      interval: '5m',
      offlineFeed: null,
      target: { source: 'binance', symbol: 'BTCUSDT', interval: '5m' },
    });
  });

  it('falls back to sim, naming the OFFLINE feed', () => {
    expect(resolveChart({ activeSymbol: null, chartSource: null, interval: null }, settings, binanceOffline)).toEqual({
      source: 'sim',
      symbol: 'BTCUSDT',
      interval: '5m',
      offlineFeed: 'binance',
      target: { source: 'sim', symbol: 'BTCUSDT', interval: '5m' },
    });
  });

  it('waits for the feeds and their health before choosing a source', () => {
    const r = resolveChart({ activeSymbol: null, chartSource: null, interval: null }, settings, null);
    expect(r).toEqual({ source: null, symbol: 'BTCUSDT', interval: '5m', offlineFeed: null, target: null });
  });

  it('follows the picked symbol and interval', () => {
    const r = resolveChart({ activeSymbol: sym('ETHUSDT'), chartSource: null, interval: '1h' }, settings, simOnly);
    expect(r.target).toEqual({ source: 'sim', symbol: 'ETHUSDT', interval: '1h' });
  });

  it('falls back to the first watched symbol once the pick is no longer watched', () => {
    expect(resolveChart({ activeSymbol: sym('SPY'), chartSource: null, interval: null }, settings, simOnly).symbol).toBe('BTCUSDT');
  });

  it('keeps a replayed symbol even when it is not watched', () => {
    const r = resolveChart({ activeSymbol: sym('SPY'), chartSource: 'replay', interval: null }, settings, binanceOffline);
    expect(r.target).toEqual({ source: 'replay', symbol: 'SPY', interval: '5m' });
    expect(r.offlineFeed).toBeNull();
  });

  it('has no target before settings arrive or with an empty watchlist', () => {
    expect(resolveChart({ activeSymbol: null, chartSource: null, interval: null }, null, simOnly)).toEqual({
      source: null,
      symbol: null,
      interval: null,
      offlineFeed: null,
      target: null,
    });
    expect(resolveChart({ activeSymbol: null, chartSource: null, interval: null }, { ...settings, watchlist: [] }, simOnly).target).toBeNull();
  });
});
