import { describe, expect, it } from 'vitest';
import { boolParam, choiceParam, intParam, notBoth, numberParam, readChoice, resolveParamSet, stringParam } from '../../../../shared/strategy/params';
import type { StrategyParams } from '../../../../shared/strategy/strategy';

const SPECS = [intParam('n', 'an int', 3, 1, 10), numberParam('x', 'a number', 0.5, 0, 1, 0.1), boolParam('b', 'a flag', false)];

describe('resolveParamSet', () => {
  it('fills defaults, keeps given values, treats undefined as not given, and freezes the result', () => {
    const r = resolveParamSet(SPECS, { n: 10, x: undefined });
    expect(r).toEqual({ ok: true, params: { n: 10, x: 0.5, b: false } });
    expect(r.ok && Object.isFrozen(r.params)).toBe(true);
  });

  it.each([
    [{ m: 1 }, 'm', 'unknown parameter "m" (known: n, x, b)'],
    [{ n: 2.5 }, 'n', 'n must be an integer (got 2.5)'],
    [{ n: 11 }, 'n', 'n must be between 1 and 10 (got 11)'],
    [{ n: Number.POSITIVE_INFINITY }, 'n', 'n must be a finite number (got Infinity)'],
    [{ x: true }, 'x', 'x must be a finite number (got true)'],
    [{ x: -0.1 }, 'x', 'x must be between 0 and 1 (got -0.1)'],
    [{ b: 1 }, 'b', 'b must be true or false (got 1)'],
    [{ b: null }, 'b', 'b must be true or false (got null)'],
    [{ n: {} }, 'n', 'n must be a finite number (got object)'],
  ])('refuses %o naming %s', (input, field, message) => {
    expect(resolveParamSet(SPECS, input)).toEqual({ ok: false, field, message });
  });

  it('runs the cross-field rule last, only on a set that passed every other check', () => {
    const seen: unknown[] = [];
    const rule = (p: StrategyParams) => {
      seen.push(p);
      return p.b === true ? { field: 'b', message: 'b needs n > 5' } : null;
    };
    expect(resolveParamSet(SPECS, { b: true }, rule)).toEqual({ ok: false, field: 'b', message: 'b needs n > 5' });
    expect(resolveParamSet(SPECS, { n: 0, b: true }, rule)).toMatchObject({ ok: false, field: 'n' });
    expect(seen).toHaveLength(1);
  });
});

describe('choice and text parameters', () => {
  const specs = [choiceParam('stop', 'a choice', 'none', ['none', 'opposite', 'pct'] as const), stringParam('schedule', 'a name', 'auto'), boolParam('a', 'flag a', false), boolParam('b', 'flag b', false)];

  it('fill their defaults and keep given values', () => {
    expect(resolveParamSet(specs, {})).toEqual({ ok: true, params: { stop: 'none', schedule: 'auto', a: false, b: false } });
    expect(resolveParamSet(specs, { stop: 'pct', schedule: 'my markers' })).toEqual({ ok: true, params: { stop: 'pct', schedule: 'my markers', a: false, b: false } });
  });

  it.each([
    [{ stop: 'mid' }, 'stop', 'stop must be one of none, opposite, pct (got "mid")'],
    [{ stop: 1 }, 'stop', 'stop must be one of none, opposite, pct (got 1)'],
    [{ schedule: '' }, 'schedule', 'schedule must be 1 to 64 characters (got "")'],
    [{ schedule: 'x'.repeat(65) }, 'schedule', `schedule must be 1 to 64 characters (got "${'x'.repeat(65)}")`],
    [{ schedule: true }, 'schedule', 'schedule must be text (got true)'],
  ])('refuse %o naming %s', (input, field, message) => {
    expect(resolveParamSet(specs, input)).toEqual({ ok: false, field, message });
  });

  it('read back as their literal type; two exclusive flags name the second', () => {
    const r = resolveParamSet(specs, { stop: 'opposite', a: true, b: true }, notBoth('a', 'b'));
    expect(r).toEqual({ ok: false, field: 'b', message: 'a and b cannot both be on' });
    const ok = resolveParamSet(specs, { stop: 'opposite' });
    expect(ok.ok && readChoice(ok.params, 'stop', ['none', 'opposite', 'pct'] as const)).toBe('opposite');
  });
});
