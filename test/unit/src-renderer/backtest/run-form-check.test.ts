import { describe, expect, it } from 'vitest';
import { checkRunForm, parseNumberInput, type ChartDefaults } from '../../../../src-renderer/backtest/run-form-check';
import { defaultRunForm, withStrategy, type RunFormValues } from '../../../../src-renderer/backtest/run-form-values';
import { STRATEGIES } from './backtest-fixtures';

const NOW = Date.UTC(2025, 0, 31, 12, 34, 56);
const FROM = Date.UTC(2025, 0, 1, 12, 34);
const TO = Date.UTC(2025, 0, 31, 12, 34);
const CHART: ChartDefaults = { source: 'binance', symbol: 'btcusdt', interval: '15m' };
const base = withStrategy(defaultRunForm(NOW), STRATEGIES[0]!);

function errorsOf(values: RunFormValues, chart = CHART): Readonly<Record<string, string>> {
  const check = checkRunForm(values, chart, STRATEGIES);
  return check.ok ? {} : check.errors;
}

describe('checkRunForm', () => {
  it('reads a valid form into a backtest.run request, following the chart', () => {
    expect(checkRunForm(base, CHART, STRATEGIES)).toEqual({
      ok: true,
      request: {
        source: 'binance',
        symbol: 'BTCUSDT',
        interval: '15m',
        from: FROM,
        to: TO,
        strategy: 'sma-cross',
        params: { fast: 10, slow: 30 },
        costs: { cash: 10_000, commissionRate: 0, commissionFixed: 0, slippageBps: 0, spread: 0, fractional: false },
      },
    });
  });

  it('leaves shorts to the strategy unless the form says', () => {
    const costsOf = (allowShort: boolean | null) => {
      const check = checkRunForm({ ...base, costs: { ...base.costs, allowShort } }, CHART, STRATEGIES);
      return check.ok ? check.request.costs : null;
    };
    expect(costsOf(null)).not.toHaveProperty('allowShort');
    expect(costsOf(false)).toMatchObject({ allowShort: false });
    expect(costsOf(true)).toMatchObject({ allowShort: true });
  });

  it('takes the typed series, percent commission, flags, booleans and a label', () => {
    const values: RunFormValues = {
      ...withStrategy(base, STRATEGIES[1]!),
      source: ' csv ',
      symbol: 'eur/usd',
      interval: '1d',
      params: { rsiLevel: '42.5', exitOnCross: false, stop: 'opposite', schedule: ' my markers ' },
      costs: { cash: '2500', commissionPct: '0.1', commissionFixed: '1.5', slippageBps: '3', spread: '0.0002', allowShort: true, fractional: true },
      label: '  my run ',
    };
    const check = checkRunForm(values, { source: null, symbol: null, interval: null }, STRATEGIES);
    expect(check).toEqual({
      ok: true,
      request: {
        source: 'csv',
        symbol: 'EUR/USD',
        interval: '1d',
        from: FROM,
        to: TO,
        strategy: 'ema-rsi',
        params: { rsiLevel: 42.5, exitOnCross: false, stop: 'opposite', schedule: 'my markers' },
        costs: { cash: 2500, commissionRate: 0.001, commissionFixed: 1.5, slippageBps: 3, spread: 0.0002, allowShort: true, fractional: true },
        label: 'my run',
      },
    });
  });

  it('falls back to 1h when neither the form nor the chart has an interval', () => {
    const check = checkRunForm(base, { ...CHART, interval: null }, STRATEGIES);
    expect(check.ok && check.request.interval).toBe('1h');
  });

  it('refuses a choice that is not offered and an empty text, with the core\u2019s messages', () => {
    const ema = withStrategy(base, STRATEGIES[1]!);
    expect(errorsOf({ ...ema, params: { ...ema.params, stop: 'midpoint', schedule: '  ' } })).toEqual({
      'params.stop': 'stop must be one of none, opposite, pct (got "midpoint")',
      'params.schedule': 'schedule must be 1 to 64 characters (got "")',
    });
  });

  it('names each bad parameter with the core\u2019s own message', () => {
    expect(errorsOf({ ...base, params: { fast: '0', slow: 'abc' } })).toEqual({
      'params.fast': 'fast must be between 1 and 200 (got 0)',
      'params.slow': '"abc" is not a number',
    });
    expect(errorsOf({ ...base, params: { fast: '2.5', slow: '' } })).toEqual({
      'params.fast': 'fast must be an integer (got 2.5)',
      'params.slow': 'enter a number',
    });
  });

  it('checks costs, dates, the series and the strategy', () => {
    expect(errorsOf({ ...base, costs: { ...base.costs, cash: '-5', commissionPct: '11', slippageBps: 'x' } })).toEqual({
      'costs.commissionRate': 'commission must be between 0% and 10%',
      'costs.slippageBps': '"x" is not a number',
      'costs.cash': 'Too small: expected number to be >0',
    });
    expect(errorsOf({ ...base, from: '', to: '2025-02-30T00:00' })).toEqual({
      from: 'enter a date and time: YYYY-MM-DD HH:MM (UTC, 24-hour)',
      to: 'enter a date and time: YYYY-MM-DD HH:MM (UTC, 24-hour)',
    });
    expect(errorsOf({ ...base, from: base.to })).toEqual({ from: 'from must be before to' });
    expect(errorsOf(base, { source: 'Binance!', symbol: null, interval: null })).toEqual({
      source: 'a source is 1-32 characters: a-z, 0-9 or "-", starting with a letter',
      symbol: 'a symbol is 1-32 characters: A-Z, 0-9, ".", "/" or "-"',
    });
    expect(errorsOf({ ...base, strategy: '' })).toMatchObject({ strategy: 'choose a strategy' });
    expect(errorsOf({ ...base, strategy: 'nope' })).toMatchObject({ strategy: 'unknown strategy "nope"' });
  });

  it('parses typed numbers strictly', () => {
    expect(parseNumberInput(' 12.5 ')).toEqual({ value: 12.5 });
    expect(parseNumberInput('')).toEqual({ error: 'enter a number' });
    expect(parseNumberInput('1e400')).toEqual({ error: '"1e400" is not a number' });
  });
});
