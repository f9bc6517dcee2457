import { beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../../shared/contract';
import { bar } from '../../../../shared/domain/bar';
import type { SymbolId } from '../../../../shared/domain/symbol';
import { createSettingsStore, type SettingsStore } from '../../../../src-renderer/settings/settings-store';
import { createQuoteStore, type QuoteStore } from '../../../../src-renderer/watchlist/quote-store';
import { fakeClient, manualFrames, type FakeClient, type ManualFrames } from '../fakes';

const DAY = 86_400_000;
const day = (n: number, close: number, final = true) => bar(n * DAY, close, close, close, close, 1, 1, final);
const sym = (s: string): SymbolId => s as SymbolId;
const settingsWith = (defaultFeed: Settings['defaultFeed'], watchlist: string[]): Settings => ({
  theme: 'dark',
  defaultFeed,
  defaultInterval: '1m',
  watchlist: watchlist.map(sym),
  displayTimeZone: 'UTC',
});

describe('createQuoteStore', () => {
  let client: FakeClient;
  let frames: ManualFrames;
  let settings: SettingsStore;
  let quotes: QuoteStore;
  let stop: () => void;

  const streamOf = (symbol: string) => {
    const sub = client.active().find((s) => (s.params as { symbol: string }).symbol === symbol);
    if (sub === undefined) throw new Error(`no stream for ${symbol}`);
    return sub;
  };
  const params = (): unknown[] => client.active().map((s) => s.params);

  beforeEach(() => {
    client = fakeClient();
    frames = manualFrames();
    settings = createSettingsStore(fakeClient());
    quotes = createQuoteStore(client, settings, frames);
    stop = quotes.getState().start();
  });

  it('waits for settings, then streams daily bars for every watched symbol from the default feed', () => {
    expect(client.subscriptions).toEqual([]);
    settings.setState({ settings: settingsWith('sim', ['BTCUSDT', 'SPY']) });
    expect(params()).toEqual([
      { source: 'sim', symbol: 'BTCUSDT', interval: '1d' },
      { source: 'sim', symbol: 'SPY', interval: '1d' },
    ]);
    expect(quotes.getState().source).toBe('sim');
  });

  it('quotes the last close against the previous day, once per frame', () => {
    settings.setState({ settings: settingsWith('sim', ['BTCUSDT']) });
    streamOf('BTCUSDT').deliver({ kind: 'snapshot', market: 'crypto', bars: [day(1, 80), day(2, 100), day(3, 102, false)], streamSeq: 0 });
    expect(quotes.getState().quotes).toEqual({});
    frames.run();
    expect(quotes.getState().quotes).toEqual({ BTCUSDT: { last: 102, changePct: 2, time: 3 * DAY } });
    streamOf('BTCUSDT').deliver({ kind: 'update', bars: [day(3, 103)], streamSeq: 1 });
    streamOf('BTCUSDT').deliver({ kind: 'update', bars: [day(4, 51.5, false)], streamSeq: 2 });
    frames.run();
    expect(quotes.getState().quotes[sym('BTCUSDT')]).toEqual({ last: 51.5, changePct: -50, time: 4 * DAY });
  });

  it('follows watchlist edits one symbol at a time and the default feed as a whole', () => {
    settings.setState({ settings: settingsWith('sim', ['BTCUSDT', 'SPY']) });
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

    settings.setState({ settings: settingsWith('binance', ['BTCUSDT', 'AAPL']) });
    expect(btc.active).toBe(false);
    expect(params()).toEqual([
      { source: 'binance', symbol: 'BTCUSDT', interval: '1d' },
      { source: 'binance', symbol: 'AAPL', interval: '1d' },
    ]);
  });

  it('stops every stream', () => {
    settings.setState({ settings: settingsWith('sim', ['BTCUSDT', 'SPY']) });
    stop();
    expect(client.active()).toEqual([]);
    settings.setState({ settings: settingsWith('sim', ['ETHUSDT']) });
    expect(client.active()).toEqual([]);
  });
});
