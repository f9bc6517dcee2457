import { describe, expect, it } from 'vitest';
import { expandGrid, parseParamRange, parseSweep, rangeError } from '../../../../../src-main/research/optimize/param-grid';
import type { ParamSpec } from '../../../../../shared/strategy/strategy';

describe('parseParamRange', () => {
  it('reads start:stop:step inclusively, and lists', () => {
    expect(parseParamRange('fast=5:50:5')).toEqual({ ok: true, range: { name: 'fast', values: [5, 10, 15, 20, 25, 30, 35, 40, 45, 50] } });
    expect(parseParamRange('slow=20:200:10')).toMatchObject({ ok: true, range: { values: { length: 19 } } });
    expect(parseParamRange('k=0.1:0.3:0.1')).toEqual({ ok: true, range: { name: 'k', values: [0.1, 0.2, 0.3] } });
    expect(parseParamRange('n=3:5')).toEqual({ ok: true, range: { name: 'n', values: [3, 4, 5] } });
    expect(parseParamRange('n=8,5,8,13')).toEqual({ ok: true, range: { name: 'n', values: [8, 5, 13] } });
  });

  it('refuses what is not a range, naming the parameter', () => {
    expect(parseParamRange('fast')).toEqual({ ok: false, message: '"fast" is not name=start:stop:step or name=v1,v2,...' });
    expect(parseParamRange('fast=5:x')).toEqual({ ok: false, message: 'fast: "5:x" is not start:stop[:step] with numbers' });
    expect(parseParamRange('fast=5:50:0')).toEqual({ ok: false, message: 'fast: the step must be positive' });
    expect(parseParamRange('fast=50:5:5')).toEqual({ ok: false, message: 'fast: stop 5 is below start 50' });
    expect(parseParamRange('fast=1:1000000:1')).toEqual({ ok: false, message: 'fast: 1000000 values is too many' });
  });
});

describe('expandGrid', () => {
  it('crosses every range over the base parameters, first range slowest', () => {
    const grid = expandGrid(
      [
        { name: 'fast', values: [5, 10] },
        { name: 'slow', values: [20, 30, 40] },
      ],
      { fast: 1, slow: 2, short: true },
    );
    expect(grid).toEqual([
      { fast: 5, slow: 20, short: true },
      { fast: 5, slow: 30, short: true },
      { fast: 5, slow: 40, short: true },
      { fast: 10, slow: 20, short: true },
      { fast: 10, slow: 30, short: true },
      { fast: 10, slow: 40, short: true },
    ]);
  });

  it('refuses a grid beyond the cap', () => {
    const big = { name: 'a', values: Array.from({ length: 1000 }, (_, i) => i) };
    expect(() => expandGrid([big, { ...big, name: 'b' }], {})).toThrow(RangeError);
  });
});

describe('rangeError', () => {
  const specs: ParamSpec[] = [
    { name: 'fast', description: '', type: 'int', default: 10 },
    { name: 'short', description: '', type: 'boolean', default: false },
  ];
  it('names unknown and boolean parameters', () => {
    expect(rangeError({ name: 'fast', values: [1] }, specs)).toBeNull();
    expect(rangeError({ name: 'slowx', values: [1] }, specs)).toBe('slowx: not a parameter of this strategy (it has fast, short)');
    expect(rangeError({ name: 'short', values: [1] }, specs)).toBe('short: a boolean cannot be swept by a range');
  });
});

describe('parseSweep', () => {
  const specs: ParamSpec[] = [
    { name: 'wait', description: '', type: 'int', default: 10 },
    { name: 'stop', description: '', type: 'choice', default: 'none', choices: ['none', 'opposite'] },
    { name: 'schedule', description: '', type: 'string', default: 'auto' },
  ];
  it('sweeps numbers; a choice or a text is refused as such, before its values are read', () => {
    expect(parseSweep('wait=5:15:5', specs)).toEqual({ ok: true, range: { name: 'wait', values: [5, 10, 15] } });
    expect(parseSweep('stop=none,opposite', specs)).toEqual({ ok: false, message: 'stop: a choice (none, opposite) cannot be swept by a range; give it a fixed value with --param stop=...' });
    expect(parseSweep('schedule=a,b', specs)).toEqual({ ok: false, message: 'schedule: a text parameter cannot be swept by a range; give it a fixed value with --param schedule=...' });
    expect(parseSweep('nope=1:2', specs)).toEqual({ ok: false, message: 'nope: not a parameter of this strategy (it has wait, stop, schedule)' });
    expect(parseSweep('wait=x', specs)).toEqual({ ok: false, message: 'wait: "x" is not a list of numbers' });
  });
});
