import { beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../../shared/contract';
import { bar } from '../../../../shared/domain/bar';
import { createHealthStore, type HealthStore } from '../../../../src-renderer/app/health-store';
import { createFeedsStore, type FeedsStore } from '../../../../src-renderer/feeds/feeds-store';
import { createSettingsStore, type SettingsStore } from '../../../../src-renderer/settings/settings-store';
import { createQuoteStore, type QuoteStore } from '../../../../src-renderer/watchlist/quote-store';
import { fakeClient, manualFrames, type FakeClient, type ManualFrames } from '../fakes';
import { appHealth, FEEDS, sym } from '../feed-fixtures';
import { settingsWith as withDefaults } from '../settings-fixture';

const DAY = 86_400_000;
const day = (n: number, close: number, final = true) => bar(n * DAY, close, close, close, close, 1, 1, final);
const settingsWith = (defaultFeed: Settings['defaultFeed'], watchlist: string[]): Settings =>
  withDefaults({ theme: 'dark', defaultFeed, defaultInterval: '1m', watchlist: watchlist.map(sym), displayTimeZone: 'UTC', markerSchedules: [] });

describe('createQuoteStore', () => {
  let client: FakeClient;
  let frames: ManualFrames;
  let settings: SettingsStore;
  let health: HealthStore;
  let feeds: FeedsStore;
  let quotes: QuoteStore;
  let stop: () => void;

  const streamOf = (symbol: string) => {
    const sub = client.active().find((s) => (s.params as { symbol: string }).symbol === symbol);
    if (sub === undefined) throw new Error(`no stream for ${symbol}`);
    return sub;
  };
  const params = (): unknown[] => client.active().map((s) => s.params);
  /** Settings, feeds and health all in: sim live, binance as given. */
  const ready = (watchlist: string[], binance: 'LIVE' | 'OFFLINE' | 'DEGRADED' = 'OFFLINE'): void => {
    feeds.setState({ feeds: FEEDS });
    health.setState({ health: appHealth({ sim: 'LIVE', binance }) });
    settings.setState({ settings: settingsWith('sim', watchlist) });
  };

  beforeEach(() => {
    client = fakeClient();
    frames = manualFrames();
    settings = createSettingsStore(fakeClient());
    health = createHealthStore(fakeClient());
    feeds = createFeedsStore(fakeClient(), health);
    quotes = createQuoteStore(client, { settings, feeds, health }, frames);
    stop = quotes.getState().start();
  });

  it('waits for settings, the feed list and health, then streams each symbol from its resolved source', () => {
    settings.setState({ settings: settingsWith('sim', ['BTCUSDT', 'SPY']) });
    feeds.setState({ feeds: FEEDS });
    expect(client.subscriptions).toEqual([]);
    health.setState({ health: appHealth({ sim: 'LIVE', binance: 'LIVE' }) });
    expect(params()).toEqual([
      { source: 'binance', symbol: 'BTCUSDT', interval: '1d' },
      { source: 'sim', symbol: 'SPY', interval: '1d' },
    ]);
    expect(quotes.getState().sources).toEqual({ BTCUSDT: 'binance', SPY: 'sim' });
  });

  it('quotes the last close against the previous day, once per frame', () => {
    ready(['BTCUSDT']);
    streamOf('BTCUSDT').deliver({ kind: 'snapshot', market: 'crypto', bars: [day(1, 80), day(2, 100), day(3, 102, false)], streamSeq: 0 });
    expect(quotes.getState().quotes).toEqual({});
    frames.run();
    expect(quotes.getState().quotes).toEqual({ BTCUSDT: { last: 102, changePct: 2, time: 3 * DAY } });
    streamOf('BTCUSDT').deliver({ kind: 'update', bars: [day(3, 103)], streamSeq: 1 });
    streamOf('BTCUSDT').deliver({ kind: 'update', bars: [day(4, 51.5, false)], streamSeq: 2 });
    frames.run();
    expect(quotes.getState().quotes[sym('BTCUSDT')]).toEqual({ last: 51.5, changePct: -50, time: 4 * DAY });
  });

  it('follows watchlist edits one symbol at a time', () => {
    ready(['BTCUSDT', 'SPY']);
    const btc = streamOf('BTCUSDT');
    streamOf('SPY').deliver({ kind: 'snapshot', market: 'us-equity', bars: [day(1, 500)], streamSeq: 0 });
    settings.setState({ settings: settingsWith('sim', ['BTCUSDT', 'AAPL']) });
    frames.run();
    expect(btc.active).toBe(true);
    expect(params()).toEqual([
      { source: 'sim', symbol: 'BTCUSDT', interval: '1d' },
      { source: 'sim', symbol: 'AAPL', interval: '1d' },
    ]);
    expect(quotes.getState().quotes).toEqual({});
  });

  it('moves a symbol to binance when it comes back and to sim when it goes OFFLINE, but not on DEGRADED', () => {
    ready(['BTCUSDT', 'SPY']);
    const spy = streamOf('SPY');
    streamOf('BTCUSDT').deliver({ kind: 'snapshot', market: 'crypto', bars: [day(1, 80), day(2, 100)], streamSeq: 0 });
    health.setState({ health: appHealth({ sim: 'LIVE', binance: 'LIVE' }) });
    frames.run();
    expect(spy.active).toBe(true);
    expect(params()).toEqual([
      { source: 'sim', symbol: 'SPY', interval: '1d' },
      { source: 'binance', symbol: 'BTCUSDT', interval: '1d' },
    ]);
    expect(quotes.getState().quotes).toEqual({});

    const live = streamOf('BTCUSDT');
    health.setState({ health: appHealth({ sim: 'LIVE', binance: 'DEGRADED' }) });
    expect(streamOf('BTCUSDT')).toBe(live);
    health.setState({ health: appHealth({ sim: 'LIVE', binance: 'OFFLINE' }) });
    expect(live.active).toBe(false);
    expect(quotes.getState().sources).toEqual({ BTCUSDT: 'sim', SPY: 'sim' });
    expect(client.subscriptions).toHaveLength(4);
  });

  it('stops every stream', () => {
    ready(['BTCUSDT', 'SPY']);
    stop();
    expect(client.active()).toEqual([]);
    settings.setState({ settings: settingsWith('sim', ['ETHUSDT']) });
    health.setState({ health: appHealth({ sim: 'LIVE', binance: 'LIVE' }) });
    expect(client.active()).toEqual([]);
  });
});
