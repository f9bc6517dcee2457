import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COSTS,
  defaultRunForm,
  ensureStrategy,
  formFromRequest,
  paramDefaults,
  ratePct,
  withStrategy,
} from '../../../../src-renderer/backtest/run-form-values';
import { REQUEST, STRATEGIES } from './backtest-fixtures';

const NOW = Date.UTC(2025, 0, 31, 12, 34, 56);

describe('run form values', () => {
  it('starts on the chart, over the last 30 days to the minute, with the contract\u2019s default costs', () => {
    expect(defaultRunForm(NOW)).toEqual({
      source: null,
      symbol: null,
      interval: null,
      from: '2025-01-01 12:34',
      to: '2025-01-31 12:34',
      strategy: '',
      params: {},
      costs: { cash: '10000', commissionPct: '0', commissionFixed: '0', slippageBps: '0', spread: '0', allowShort: null, fractional: false },
      label: '',
    });
  });

  it('fills parameter defaults from the specs', () => {
    expect(paramDefaults(STRATEGIES[1]!.params)).toEqual({ rsiLevel: '30.5', exitOnCross: true, stop: 'none', schedule: 'auto' });
    expect(withStrategy(defaultRunForm(NOW), STRATEGIES[0]!)).toMatchObject({ strategy: 'sma-cross', params: { fast: '10', slow: '30' } });
  });

  it('picks the first strategy only when none known is chosen', () => {
    const fresh = defaultRunForm(NOW);
    expect(ensureStrategy(fresh, STRATEGIES)).toMatchObject({ strategy: 'sma-cross', params: { fast: '10', slow: '30' } });
    const chosen = { ...withStrategy(fresh, STRATEGIES[1]!), params: { rsiLevel: '40', exitOnCross: false } };
    expect(ensureStrategy(chosen, STRATEGIES)).toBe(chosen);
    expect(ensureStrategy({ ...fresh, strategy: 'gone' }, STRATEGIES).strategy).toBe('sma-cross');
    expect(ensureStrategy(fresh, [])).toBe(fresh);
  });

  it('turns a saved request back into the form', () => {
    expect(formFromRequest(REQUEST, STRATEGIES[0])).toEqual({
      source: 'binance',
      symbol: 'BTCUSDT',
      interval: '1h',
      from: '2025-01-01 00:00',
      to: '2025-01-01 04:00',
      strategy: 'sma-cross',
      params: { fast: '10', slow: '30' },
      costs: { ...DEFAULT_COSTS, commissionPct: '0.1', slippageBps: '2' },
      label: '',
    });
    // A saved run records the shorts it ran with; editing it keeps them.
    const saved = { ...REQUEST, costs: { ...REQUEST.costs, allowShort: true } };
    expect(formFromRequest(saved, STRATEGIES[0]).costs.allowShort).toBe(true);
  });

  it('shows a commission rate as a clean percent', () => {
    expect(ratePct(0.001)).toBe('0.1');
    expect(ratePct(0.0007)).toBe('0.07');
    expect(ratePct(0)).toBe('0');
  });
});
