import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../shared/contract';
import type { SymbolId } from '../../../../shared/domain/symbol';
import { resolveChart } from '../../../../src-renderer/chart/chart-target';

const sym = (s: string): SymbolId => s as SymbolId;
const settings: Settings = {
  theme: 'dark',
  defaultFeed: 'sim',
  defaultInterval: '5m',
  watchlist: [sym('BTCUSDT'), sym('ETHUSDT')],
  displayTimeZone: 'UTC',
};

describe('resolveChart', () => {
  it('defaults to the first watched symbol, the default feed and the default interval', () => {
    expect(resolveChart({ activeSymbol: null, chartSource: null, interval: null }, settings)).toEqual({
      source: 'sim',
      symbol: 'BTCUSDT',
      interval: '5m',
      target: { source: 'sim', symbol: 'BTCUSDT', interval: '5m' },
    });
  });

  it('follows the picked symbol and interval', () => {
    const r = resolveChart({ activeSymbol: sym('ETHUSDT'), chartSource: null, interval: '1h' }, settings);
    expect(r.target).toEqual({ source: 'sim', symbol: 'ETHUSDT', interval: '1h' });
  });

  it('falls back to the first watched symbol once the pick is no longer watched', () => {
    expect(resolveChart({ activeSymbol: sym('SPY'), chartSource: null, interval: null }, settings).symbol).toBe('BTCUSDT');
  });

  it('keeps a replayed symbol even when it is not watched', () => {
    const r = resolveChart({ activeSymbol: sym('SPY'), chartSource: 'replay', interval: null }, settings);
    expect(r.target).toEqual({ source: 'replay', symbol: 'SPY', interval: '5m' });
  });

  it('has no target before settings arrive or with an empty watchlist', () => {
    expect(resolveChart({ activeSymbol: null, chartSource: null, interval: null }, null)).toEqual({
      source: null,
      symbol: null,
      interval: null,
      target: null,
    });
    expect(resolveChart({ activeSymbol: null, chartSource: null, interval: null }, { ...settings, watchlist: [] }).target).toBeNull();
  });
});
