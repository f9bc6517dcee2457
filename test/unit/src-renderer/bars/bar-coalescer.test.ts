import { describe, expect, it } from 'vitest';
import { createBarCoalescer } from '../../../../src-renderer/bars/bar-coalescer';
import { minuteBar } from '../fakes';

describe('createBarCoalescer', () => {
  it('keeps only the latest version of each bar and hands them out in time order', () => {
    const c = createBarCoalescer();
    c.add([minuteBar(5, 50, false)]);
    c.add([minuteBar(5, 51, false), minuteBar(3, 30)]);
    c.add([minuteBar(5, 52)]);
    expect(c.size).toBe(2);
    const out = c.take();
    expect(out.map((b) => [b.time / 60_000, b.close, b.final])).toEqual([
      [3, 30, true],
      [5, 52, true],
    ]);
    expect(c.size).toBe(0);
    expect(c.take()).toEqual([]);
  });

  it('clears', () => {
    const c = createBarCoalescer();
    c.add([minuteBar(1, 10)]);
    c.clear();
    expect(c.take()).toEqual([]);
  });
});
