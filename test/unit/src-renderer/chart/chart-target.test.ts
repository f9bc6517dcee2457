import { describe, expect, it } from 'vitest';
import type { ChartLayout } from '../../../../shared/chart/chart-layout-settings';
import { DEFAULT_CHART_LEVELS } from '../../../../shared/chart/chart-levels-settings';
import type { ChartPane } from '../../../../shared/chart/chart-pane-settings';
import type { SymbolId } from '../../../../shared/domain/symbol';
import { paneSymbol, resolvePane } from '../../../../src-renderer/chart/chart-target';
import type { FeedSituation } from '../../../../src-renderer/feeds/feed-situation';
import { FEEDS } from '../feed-fixtures';
import { settingsWith } from '../settings-fixture';

const sym = (s: string): SymbolId => s as SymbolId;
const settings = settingsWith({ defaultFeed: 'sim', defaultInterval: '5m', watchlist: [sym('BTCUSDT'), sym('ETHUSDT')] });
const pane: ChartPane = { symbol: null, interval: '5m', source: null, showVolume: true, indicators: [], levels: DEFAULT_CHART_LEVELS };
const layout = (changes: Partial<ChartLayout> = {}): ChartLayout => ({
  layout: '4',
  panes: [pane, { ...pane, interval: '1h' }, pane, pane],
  activePane: 0,
  linkSymbols: false,
  syncCrosshair: true,
  ...changes,
});
const binanceLive: FeedSituation = { feeds: FEEDS, statuses: { sim: 'LIVE', binance: 'LIVE' } };
const binanceOffline: FeedSituation = { feeds: FEEDS, statuses: { sim: 'LIVE', binance: 'OFFLINE' } };
const simOnly: FeedSituation = { feeds: FEEDS.filter((f) => f.id === 'sim'), statuses: { sim: 'LIVE' } };

describe('paneSymbol', () => {
  it('takes the watchlist symbol at the pane\u2019s place when none was chosen, the first past the end', () => {
    const watchlist = [sym('BTCUSDT'), sym('ETHUSDT')];
    expect([0, 1, 2, 3].map((i) => paneSymbol(layout(), i, watchlist))).toEqual(['BTCUSDT', 'ETHUSDT', 'BTCUSDT', 'BTCUSDT']);
  });

  it('gives every linked pane the first symbol, and keeps a chosen symbol even when it is not watched', () => {
    expect(paneSymbol(layout({ linkSymbols: true }), 1, [sym('BTCUSDT'), sym('ETHUSDT')])).toBe('BTCUSDT');
    const chosen = layout({ panes: [{ ...pane, symbol: sym('SPY') }] });
    expect(paneSymbol(chosen, 0, [sym('BTCUSDT')])).toBe('SPY');
    expect(paneSymbol(layout(), 0, [])).toBeNull();
  });
});

describe('resolvePane', () => {
  it('resolves the pane\u2019s symbol to its source and keeps the pane\u2019s interval', () => {
    expect(resolvePane(layout(), 1, settings, binanceLive)).toEqual({
      source: 'binance',
      symbol: 'ETHUSDT',
      interval: '1h',
      offlineFeed: null,
      target: { source: 'binance', symbol: 'ETHUSDT', interval: '1h' },
    });
  });

  it('falls back to sim, naming the OFFLINE feed', () => {
    expect(resolvePane(layout(), 0, settings, binanceOffline)).toMatchObject({ source: 'sim', offlineFeed: 'binance', target: { source: 'sim', symbol: 'BTCUSDT' } });
  });

  it('waits for the feeds and their health before choosing a source', () => {
    expect(resolvePane(layout(), 0, settings, null)).toEqual({ source: null, symbol: 'BTCUSDT', interval: '5m', offlineFeed: null, target: null });
  });

  it('keeps a pinned source (a replay) for a symbol that is not watched', () => {
    const replay = layout({ panes: [{ ...pane, symbol: sym('SPY'), source: 'replay' }] });
    expect(resolvePane(replay, 0, settings, binanceOffline)).toEqual({
      source: 'replay',
      symbol: 'SPY',
      interval: '5m',
      offlineFeed: null,
      target: { source: 'replay', symbol: 'SPY', interval: '5m' },
    });
  });

  it('has no target before the settings and layout arrive, for a pane the layout lacks, or with an empty watchlist', () => {
    const none = { source: null, symbol: null, interval: null, offlineFeed: null, target: null };
    expect(resolvePane(null, 0, settings, simOnly)).toEqual(none);
    expect(resolvePane(layout(), 0, null, simOnly)).toEqual(none);
    expect(resolvePane(layout({ panes: [pane] }), 2, settings, simOnly)).toEqual(none);
    expect(resolvePane(layout(), 0, { ...settings, watchlist: [] }, simOnly).target).toBeNull();
  });
});
