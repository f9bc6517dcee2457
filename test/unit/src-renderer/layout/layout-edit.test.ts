import { describe, expect, it } from 'vitest';
import type { ChartLayout } from '../../../../shared/chart/chart-layout-settings';
import { DEFAULT_CHART_LEVELS } from '../../../../shared/chart/chart-levels-settings';
import type { ChartPane } from '../../../../shared/chart/chart-pane-settings';
import type { SymbolId } from '../../../../shared/domain/symbol';
import {
  visiblePaneCount,
  withActivePane,
  withLayoutKind,
  withLinkedSymbols,
  withPaneInterval,
  withPaneLive,
  withPaneSource,
  withPaneSymbol,
  withPaneVolume,
} from '../../../../src-renderer/layout/layout-edit';

const sym = (s: string): SymbolId => s as SymbolId;
const pane: ChartPane = { symbol: null, interval: '5m', source: null, showVolume: true, indicators: [], levels: DEFAULT_CHART_LEVELS };
const one: ChartLayout = { layout: '1', panes: [{ ...pane, symbol: sym('SPY'), interval: '15m' }], activePane: 0, linkSymbols: false, syncCrosshair: true };

describe('layout edits', () => {
  it('adds the panes a bigger layout needs, copying the last pane\u2019s interval with the symbol left to the watchlist', () => {
    const four = withLayoutKind(one, '4');
    expect(visiblePaneCount(four)).toBe(4);
    expect(four.panes).toEqual([one.panes[0], ...Array.from({ length: 3 }, () => ({ ...pane, interval: '15m' }))]);
    expect(one.panes).toHaveLength(1);
  });

  it('keeps panes beyond a smaller layout and moves the active pane into view', () => {
    const four = withActivePane(withLayoutKind(one, '4'), 3);
    expect(four.activePane).toBe(3);
    const back = withLayoutKind(four, '2h');
    expect(back.panes).toHaveLength(4);
    expect(back.activePane).toBe(1);
    expect(withLayoutKind(back, '4').panes).toEqual(four.panes);
  });

  it('activates only panes that are shown', () => {
    const two = withLayoutKind(one, '2v');
    expect(withActivePane(two, 1).activePane).toBe(1);
    expect(withActivePane(two, 2)).toBe(two);
    expect(withActivePane(two, -1)).toBe(two);
  });

  it('sets a pane\u2019s symbol (back to its resolved source), interval and volume', () => {
    const four = withLayoutKind(one, '4');
    const replayed = withPaneSource(four, 2, sym('AAPL'), 'replay');
    expect(replayed.panes[2]).toEqual({ ...pane, interval: '15m', symbol: 'AAPL', source: 'replay' });
    expect(withPaneLive(replayed, 2).panes[2]).toEqual({ ...pane, interval: '15m', symbol: 'AAPL' });
    expect(withPaneSymbol(replayed, 2, sym('QQQ')).panes[2]).toEqual({ ...pane, interval: '15m', symbol: 'QQQ' });
    expect(withPaneInterval(four, 1, '1h').panes.map((p) => p.interval)).toEqual(['15m', '1h', '15m', '15m']);
    expect(withPaneVolume(four, 0, false).panes[0]?.showVolume).toBe(false);
  });

  it('changes every shown pane\u2019s symbol when linked, and links to the active pane\u2019s symbol', () => {
    const four = withActivePane(withLayoutKind(one, '4'), 1);
    const linked = withLinkedSymbols(four, true, sym('ETHUSDT'));
    expect(linked.linkSymbols).toBe(true);
    expect(linked.panes.map((p) => p.symbol)).toEqual(['ETHUSDT', 'ETHUSDT', 'ETHUSDT', 'ETHUSDT']);
    expect(withPaneSymbol(linked, 0, sym('BTCUSDT')).panes.map((p) => p.symbol)).toEqual(['BTCUSDT', 'BTCUSDT', 'BTCUSDT', 'BTCUSDT']);
    const unlinked = withLinkedSymbols(linked, false, null);
    expect(withPaneSymbol(unlinked, 0, sym('SPY')).panes.map((p) => p.symbol)).toEqual(['SPY', 'ETHUSDT', 'ETHUSDT', 'ETHUSDT']);
  });
});
