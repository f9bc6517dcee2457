import { describe, expect, it } from 'vitest';
import { findStrategy, STRATEGIES } from '../../../../shared/strategy/strategy-registry';

describe('strategy registry', () => {
  it('lists the four strategies with unique ids', () => {
    expect(STRATEGIES.map((s) => s.id)).toEqual(['sma-cross', 'ema-rsi', 'orb', 'time-window']);
    expect(findStrategy('orb')?.name).toBe('5-minute opening range breakout');
    expect(findStrategy('nope')).toBeUndefined();
  });

  it('the traders\' two models trade both directions unless told otherwise; the crossovers are long only', () => {
    expect(STRATEGIES.map((s) => [s.id, s.shortsByDefault])).toEqual([
      ['sma-cross', false],
      ['ema-rsi', false],
      ['orb', true],
      ['time-window', true],
    ]);
  });

  it.each(STRATEGIES.map((s) => [s.id, s] as const))('%s: every default is in range and on its step, and the defaults resolve', (_id, s) => {
    for (const p of s.params) {
      if (p.type === 'boolean') {
        expect(typeof p.default).toBe('boolean');
        continue;
      }
      if (p.type === 'choice') {
        expect(p.choices).toContain(p.default);
        continue;
      }
      if (p.type === 'string') {
        expect(typeof p.default).toBe('string');
        continue;
      }
      const v = p.default as number;
      expect(v).toBeGreaterThanOrEqual(p.min ?? Number.NEGATIVE_INFINITY);
      expect(v).toBeLessThanOrEqual(p.max ?? Number.POSITIVE_INFINITY);
      expect(p.step).toBeGreaterThan(0);
      if (p.type === 'int') expect(Number.isInteger(v) && Number.isInteger(p.step)).toBe(true);
    }
    const defaults = Object.fromEntries(s.params.map((p) => [p.name, p.default]));
    expect(s.resolveParams({})).toEqual({ ok: true, params: defaults });
    expect(s.resolveParams(defaults)).toEqual({ ok: true, params: defaults });
  });
});
