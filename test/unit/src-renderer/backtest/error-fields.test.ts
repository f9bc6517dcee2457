import { describe, expect, it } from 'vitest';
import { fieldOfPath, progressError } from '../../../../src-renderer/backtest/error-fields';

const PARAMS = ['fast', 'slow'];

describe('fieldOfPath', () => {
  it('maps contract paths to form fields', () => {
    expect(fieldOfPath('params.from', PARAMS)).toBe('from');
    expect(fieldOfPath('params.symbol', PARAMS)).toBe('symbol');
    expect(fieldOfPath('params.costs.cash', PARAMS)).toBe('costs.cash');
    expect(fieldOfPath('params.params.fast', PARAMS)).toBe('params.fast');
    expect(fieldOfPath('params.fast', PARAMS)).toBe('params.fast');
  });

  it('maps a failed run\u2019s field names too', () => {
    expect(fieldOfPath('slow', PARAMS)).toBe('params.slow');
    expect(fieldOfPath('costs.commissionRate', PARAMS)).toBe('costs.commissionRate');
    expect(fieldOfPath('interval', PARAMS)).toBe('interval');
  });

  it('returns null when no form field matches', () => {
    expect(fieldOfPath('', PARAMS)).toBeNull();
    expect(fieldOfPath('params', PARAMS)).toBeNull();
    expect(fieldOfPath('params.costs', PARAMS)).toBeNull();
    expect(fieldOfPath('params.costs.bogus', PARAMS)).toBeNull();
    expect(fieldOfPath('params.params.medium', PARAMS)).toBeNull();
  });
});

describe('progressError', () => {
  it('turns a failed run into a contract error naming its field', () => {
    expect(progressError({ id: 'r', status: 'failed', fraction: 0.4, error: { field: 'slow', message: 'slow must be greater than fast' } })).toEqual({
      code: 'BAD_REQUEST',
      message: 'slow must be greater than fast',
      path: 'slow',
    });
    expect(progressError({ id: 'r', status: 'failed', fraction: 0.4, error: { field: '', message: 'strategy threw' } })).toEqual({
      code: 'INTERNAL',
      message: 'strategy threw',
      path: '',
    });
    expect(progressError({ id: 'r', status: 'failed', fraction: 0, error: null })).toEqual({ code: 'INTERNAL', message: 'the backtest failed', path: '' });
  });
});
