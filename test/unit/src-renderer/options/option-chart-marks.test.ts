import { describe, expect, it } from 'vitest';
import type { SymbolId } from '../../../../shared/domain/symbol';
import type { Position } from '../../../../shared/trading/position';
import { breakEvenLines, optionFillText } from '../../../../src-renderer/options/option-chart-marks';

const position = (symbol: string, qty: number, avgPrice: number): Position => ({
  accountId: 'a1',
  source: 'sim',
  symbol: symbol as SymbolId,
  qty,
  avgPrice,
  multiplier: 100,
  realizedPnl: 0,
  fees: 0.65,
  openedAt: null,
  underlying: 'SPY' as SymbolId,
});

describe('options on the underlying’s chart', () => {
  it('labels an option fill with side, contracts, C/P and strike, and the premium; anything else gets null', () => {
    expect(optionFillText({ symbol: 'SPY260320C00665000', side: 'buy', qty: 2, price: 1.2 })).toBe('B 2 C665 @1.20');
    expect(optionFillText({ symbol: 'SPY260320P00667500', side: 'sell', qty: 1, price: 0.85 })).toBe('S 1 P667.5 @0.85');
    expect(optionFillText({ symbol: 'SPY', side: 'buy', qty: 1, price: 660 })).toBeNull();
  });

  it('draws each open option position’s break-even on its underlying: strike + premium for a call, − for a put', () => {
    const lines = breakEvenLines([position('SPY260320C00665000', 2, 1.23), position('SPY260320P00660000', -1, 2.5), position('SPY260320C00670000', 0, 1), position('SPY', 10, 660)]);
    expect([...lines.keys()]).toEqual(['sim:SPY']);
    expect(lines.get('sim:SPY')?.map((l) => [l.id, l.price, l.title])).toEqual([
      ['be-sim-SPY260320C00665000', 666.23, 'BE C665 ×2'],
      ['be-sim-SPY260320P00660000', 657.5, 'BE P660 ×1'],
    ]);
  });
});
