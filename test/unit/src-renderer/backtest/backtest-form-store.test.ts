import { describe, expect, it } from 'vitest';
import { createBacktestFormStore } from '../../../../src-renderer/backtest/backtest-form-store';
import { defaultRunForm } from '../../../../src-renderer/backtest/run-form-values';
import { STRATEGIES } from './backtest-fixtures';

const NOW = Date.UTC(2025, 0, 31, 12, 34, 56);

describe('createBacktestFormStore', () => {
  it('edits fields, costs and parameters, and resets parameters on a strategy switch', () => {
    const store = createBacktestFormStore(() => NOW);
    const s = store.getState;
    expect(s().values).toEqual(defaultRunForm(NOW));
    s().ensureStrategy(STRATEGIES);
    expect(s().values).toMatchObject({ strategy: 'sma-cross', params: { fast: '10', slow: '30' } });
    s().edit({ symbol: 'ETHUSDT', interval: '4h' });
    s().editCost('commissionPct', '0.1');
    s().editCost('allowShort', true);
    s().editParam('fast', '12');
    expect(s().values).toMatchObject({
      symbol: 'ETHUSDT',
      interval: '4h',
      params: { fast: '12', slow: '30' },
      costs: { commissionPct: '0.1', allowShort: true, cash: '10000' },
    });
    const before = s().values;
    s().ensureStrategy(STRATEGIES);
    expect(s().values).toBe(before);
    s().chooseStrategy(STRATEGIES[1]!);
    expect(s().values).toMatchObject({ strategy: 'ema-rsi', params: { rsiLevel: '30.5', exitOnCross: true }, symbol: 'ETHUSDT' });
    s().replace(defaultRunForm(0));
    expect(s().values).toEqual(defaultRunForm(0));
  });
});
