import { describe, expect, it } from 'vitest';
import type { FeedInfo } from '../../../../shared/contract';
import type { SymbolId } from '../../../../shared/domain/symbol';
import { findInstrument, isSimulatedChart, isSimulatedSource } from '../../../../src-renderer/feeds/feed-lookup';

const instrument = (source: string, symbol: string, tickSize: number) => ({
  source,
  symbol: symbol as SymbolId,
  market: 'crypto' as const,
  description: symbol,
  tickSize,
  lotSize: 0.001,
  baseInterval: '1m' as const,
});

const feeds: FeedInfo[] = [
  { id: 'sim', name: 'Simulator', simulated: true, instruments: [instrument('sim', 'BTCUSDT', 0.1), instrument('sim', 'EUR/USD', 0.00001)] },
  { id: 'binance', name: 'Binance', simulated: false, instruments: [instrument('binance', 'BTCUSDT', 0.01)] },
];

describe('findInstrument', () => {
  it('prefers the instrument on the same source, else any source listing the symbol', () => {
    expect(findInstrument(feeds, 'binance', 'BTCUSDT')?.tickSize).toBe(0.01);
    expect(findInstrument(feeds, 'sim', 'BTCUSDT')?.tickSize).toBe(0.1);
    expect(findInstrument(feeds, 'replay', 'EUR/USD')?.tickSize).toBe(0.00001);
    expect(findInstrument(feeds, 'sim', 'NOPE')).toBeNull();
    expect(findInstrument(null, 'sim', 'BTCUSDT')).toBeNull();
  });
});

describe('isSimulatedSource', () => {
  it('always badges sim, and any feed that says it is simulated', () => {
    expect(isSimulatedSource('sim', null, [])).toBe(true);
    expect(isSimulatedSource('binance', feeds, ['replay'])).toBe(false);
    expect(isSimulatedSource('replay', feeds, ['replay'])).toBe(true);
    expect(isSimulatedSource('replay', feeds, [])).toBe(false);
  });
});

describe('isSimulatedChart', () => {
  it('badges a replay of a simulated series', () => {
    expect(isSimulatedChart('replay', 'sim', feeds, [])).toBe(true);
    expect(isSimulatedChart('replay', 'binance', feeds, [])).toBe(false);
    expect(isSimulatedChart('replay', null, feeds, [])).toBe(false);
    expect(isSimulatedChart('sim', null, null, [])).toBe(true);
    expect(isSimulatedChart('binance', 'sim', feeds, [])).toBe(false);
  });
});
