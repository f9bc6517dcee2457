import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../../shared/market/civil-date';
import { contractFromOcc, describeContract, intrinsicValue, isExpired, optionContract, yearsToExpiry } from '../../../../shared/options/option-contract';

describe('option contracts', () => {
  it('an OCC symbol is an instrument: underlying, multiplier 100, expiry at 16:00 New York', () => {
    const c = contractFromOcc('SPY240315C00500000');
    expect(c).toEqual({
      ok: true,
      value: {
        symbol: 'SPY240315C00500000',
        root: 'SPY',
        underlying: 'SPY',
        type: 'call',
        strike: 500,
        expiryDate: daysFromCivil(2024, 3, 15),
        expiryTime: Date.parse('2024-03-15T20:00:00Z'), // EDT since 2024-03-10
        multiplier: 100,
        adjusted: false,
      },
    });
    // Winter: 16:00 EST is 21:00 UTC.
    expect(contractFromOcc('SPY240119P00470000')).toMatchObject({ ok: true, value: { expiryTime: Date.parse('2024-01-19T21:00:00Z') } });
    if (c.ok) expect(describeContract(c.value)).toBe('SPY 2024-03-15 500 call');
  });

  it('an adjusted root keeps its underlying when given', () => {
    expect(contractFromOcc('SPY1240315P00100000', 'SPY')).toMatchObject({ ok: true, value: { root: 'SPY1', underlying: 'SPY', adjusted: true } });
    expect(optionContract({ underlying: 'SPY', root: 'SPY1', type: 'put', strike: 100, expiryDate: daysFromCivil(2024, 3, 15), multiplier: 0 })).toMatchObject({ ok: false, error: { field: 'multiplier' } });
  });

  it('time to expiry is ACT/365 to the expiry instant; expired from it on', () => {
    const c = contractFromOcc('SPY240315C00500000');
    if (!c.ok) throw new Error('bad fixture');
    expect(yearsToExpiry(c.value, Date.parse('2024-03-15T19:00:00Z'))).toBe(1 / (365 * 24));
    expect(yearsToExpiry(c.value, Date.parse('2024-03-16T00:00:00Z'))).toBe(0);
    expect(isExpired(c.value, Date.parse('2024-03-15T19:59:59.999Z'))).toBe(false);
    expect(isExpired(c.value, Date.parse('2024-03-15T20:00:00Z'))).toBe(true);
    expect(intrinsicValue('call', 500, 512.5)).toBe(12.5);
    expect(intrinsicValue('put', 500, 512.5)).toBe(0);
  });
});
