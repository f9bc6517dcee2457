import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../../shared/market/civil-date';
import { formatOccSymbol, isAdjustedRoot, padOccSymbol, parseOccSymbol } from '../../../../shared/options/occ-symbol';

describe('OCC symbols', () => {
  it('parses the documented example and the padded OSI form', () => {
    const want = { root: 'AAPL', expiryDate: daysFromCivil(2024, 5, 3), type: 'put', strike: 155 };
    expect(parseOccSymbol('AAPL240503P00155000')).toEqual({ ok: true, value: want });
    expect(parseOccSymbol('AAPL  240503P00155000')).toEqual({ ok: true, value: want });
    expect(parseOccSymbol('SPY1240315C00512500')).toEqual({ ok: true, value: { root: 'SPY1', expiryDate: daysFromCivil(2024, 3, 15), type: 'call', strike: 512.5 } });
    expect(parseOccSymbol('X240315C00000500')).toMatchObject({ ok: true, value: { root: 'X', strike: 0.5 } });
  });

  it('round-trips roots, dates, types and strikes', () => {
    for (const root of ['A', 'SPY', 'SPY1', 'AAPL7', 'GOOGL', 'BRKB12']) {
      for (const date of [daysFromCivil(2000, 1, 1), daysFromCivil(2024, 2, 29), daysFromCivil(2099, 12, 31)]) {
        for (const type of ['call', 'put'] as const) {
          for (const strike of [0.001, 0.5, 2.5, 7.125, 155, 512.5, 99_999.999]) {
            const text = formatOccSymbol({ root, expiryDate: date, type, strike });
            expect(text.ok).toBe(true);
            if (!text.ok) continue;
            expect(text.value).toHaveLength(root.length + 15);
            expect(parseOccSymbol(text.value)).toEqual({ ok: true, value: { root, expiryDate: date, type, strike } });
            expect(parseOccSymbol(padOccSymbol(text.value))).toEqual({ ok: true, value: { root, expiryDate: date, type, strike } });
          }
        }
      }
    }
    expect(padOccSymbol('SPY240315C00500000')).toBe('SPY   240315C00500000');
  });

  it('refuses a bad field, naming it', () => {
    expect(parseOccSymbol('SPY241345C00500000')).toEqual({ ok: false, error: { field: 'expiry', message: '"241345" is not a real calendar date (YYMMDD)' } });
    expect(parseOccSymbol('SPY230229C00500000')).toMatchObject({ ok: false, error: { field: 'expiry' } });
    expect(parseOccSymbol('SPY24031XC00500000')).toMatchObject({ ok: false, error: { field: 'expiry' } });
    expect(parseOccSymbol('SPY240315X00500000')).toEqual({ ok: false, error: { field: 'type', message: '"X" is not C (call) or P (put)' } });
    expect(parseOccSymbol('SPY240315C0050000A')).toEqual({ ok: false, error: { field: 'strike', message: '"0050000A" is not an 8-digit strike (dollars × 1000)' } });
    expect(parseOccSymbol('SPY240315C00000000')).toMatchObject({ ok: false, error: { field: 'strike' } });
    expect(parseOccSymbol('spy240315C00500000')).toMatchObject({ ok: false, error: { field: 'root' } });
    expect(parseOccSymbol('TOOLONG240315C00500000')).toMatchObject({ ok: false, error: { field: 'root' } });
    expect(parseOccSymbol('123240315C00500000')).toMatchObject({ ok: false, error: { field: 'root' } });
    expect(parseOccSymbol('240315C00500000')).toMatchObject({ ok: false, error: { field: 'symbol' } });
    expect(formatOccSymbol({ root: 'SPY', expiryDate: daysFromCivil(2024, 3, 15), type: 'call', strike: 500.0001 })).toMatchObject({ ok: false, error: { field: 'strike' } });
    expect(formatOccSymbol({ root: 'SPY', expiryDate: daysFromCivil(2024, 3, 15), type: 'call', strike: 100_000 })).toMatchObject({ ok: false, error: { field: 'strike' } });
    expect(formatOccSymbol({ root: 'SPY', expiryDate: daysFromCivil(1999, 12, 31), type: 'call', strike: 1 })).toMatchObject({ ok: false, error: { field: 'expiry' } });
    expect(formatOccSymbol({ root: 'S P', expiryDate: daysFromCivil(2024, 3, 15), type: 'call', strike: 1 })).toMatchObject({ ok: false, error: { field: 'root' } });
  });

  it('knows an adjusted root', () => {
    expect(isAdjustedRoot('SPY1')).toBe(true);
    expect(isAdjustedRoot('SPY')).toBe(false);
  });
});
